"""Signals the evaluation app sends; higher apps (integration: webhooks) connect to them."""

from django.dispatch import Signal

# Sent after a commune's annual results are finalised: organization, year, count.
annual_finalised = Signal()
