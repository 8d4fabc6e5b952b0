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
