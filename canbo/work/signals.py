"""Signals the work app sends so higher layers can answer or react without being imported
here (layers point one way; see DESIGN.md)."""

from django.dispatch import Signal

# Which of some (person id, month) pairs lie in a locked evaluation month. Sent with
# pairs (set of (person id, first day of month)) or months (set of first days: every locked
# pair of those months); each receiver returns a set of (person id, month) pairs.
locked_pairs_requested = Signal()
