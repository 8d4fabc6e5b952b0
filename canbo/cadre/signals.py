"""Signals the cadre app defines so higher layers can answer without being imported here
(layers point one way; see DESIGN.md)."""

from django.dispatch import Signal

# Asks for a person's annual classifications (evaluation answers once connected).
# Arguments: person (Person), years (list of int). A receiver returns [(year, level), ...]
# with levels as in canbo.scoring (e.g. "fail"), or nothing.
classifications_requested = Signal()
