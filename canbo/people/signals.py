"""Signals the people app sends; higher apps (evaluation) connect them in AppConfig.ready()."""

from django.dispatch import Signal

# Sent after a leave period was recorded or deleted: kwargs `person`, `year`.
leave_changed = Signal()

# Asked before a leave change: kwargs `person`, `months` (first days of the months whose
# "worked" state would change). Receivers return those of the months that are locked.
leave_locked_months = Signal()
