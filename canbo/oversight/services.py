"""Kept for `equipment_views.py` only, which another change is editing: the plan tracker's
services now live in plan_services, finding_services, register_services and evidence_files.
Point that import at register_services and errors, then delete this module."""

from canbo.oversight.errors import OversightError
from canbo.oversight.register_services import add_inventory_item

__all__ = ["OversightError", "add_inventory_item"]
