"""Signals the evaluation app sends so higher layers (webhooks) can react without being
imported here (layers point one way; see DESIGN.md)."""

from django.dispatch import Signal

# Sent by the annual finalisation, inside its transaction; receivers that reach outside the
# database defer with transaction.on_commit (emit_event does).
# Arguments: organization (Organization), year (int), count (int: the rows finalised).
annual_finalised = Signal()

# Sent when a sheet is approved and published: sheet (EvaluationSheet, result frozen).
sheet_published = Signal()

# Sent when a period is locked: period (EvaluationPeriod).
period_locked = Signal()

# Asks for the agency result of a commune (the agency app answers once connected), used for its
# chairman's đ when the rulebook's switch `agency_informs_leader` is on. Arguments:
# organization (Organization, the commune), year (int). A receiver returns None, or a dict
# {"level": "excellent|good|complete|fail", "year": int, "total": str}.
agency_result_requested = Signal()
