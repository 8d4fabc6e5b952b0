"""Roles a user can hold, and what each may do."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CIVIL_SERVANT = "civil_servant", _("Civil servant")
    UNIT_HEAD = "unit_head", _("Unit head")
    UNIT_DEPUTY = "unit_deputy", _("Deputy unit head")
    CHAIRMAN = "chairman", _("Commune chairman")
    VICE_CHAIRMAN = "vice_chairman", _("Commune vice chairman")
    PERSONNEL_COMMUNE = "personnel_commune", _("Commune personnel officer")
    PERSONNEL_PROVINCE = "personnel_province", _("Provincial personnel officer")
    PROVINCE_VIEWER = "province_viewer", _("Provincial leadership (view)")
    ADMIN = "admin", _("System administrator")


# Connected systems are not users; their scope is their organisation's subtree.
API_CLIENT = "api_client"

# Roles whose scope is the whole province, whatever organisation they are attached to.
PROVINCE_WIDE = {Role.PERSONNEL_PROVINCE, Role.PROVINCE_VIEWER, Role.ADMIN}
# Roles that see only their own record among people.
SELF_ONLY = {Role.CIVIL_SERVANT}

# Capabilities: one table, read by `can()`; views never test roles themselves.
CAPABILITIES: dict[str, set[str]] = {
    "people.list": set(Role) - SELF_ONLY,
    "people.view": set(Role),
    "org.view": set(Role),
    "audit.view": {Role.ADMIN},
    "integration.manage": {Role.ADMIN, Role.PERSONNEL_PROVINCE},
}
