"""Signals the agency app defines so other apps can answer or react without being imported
here (layers point one way; see DESIGN.md)."""

from django.dispatch import Signal

# Asks for a commune's administrative-procedure measures of a year (the satisfaction app
# answers once connected). Arguments: organization (Organization), year (int). A receiver
# returns None when it has no data, else a dict {"on_time": Fraction, "satisfaction": Fraction}
# (shares 0–1) and optionally "text" (how they were counted). Without an answer the value
# entered with evidence counts.
procedure_measures = Signal()

# Sent when the provincial leadership approves and publishes an agency evaluation, inside the
# transaction: evaluation (AgencyEvaluation, frozen).
agency_published = Signal()
