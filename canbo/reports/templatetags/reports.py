"""Number filters shared by the evaluation pages and the exports (canbo.reports.numbers)."""

from django import template

from canbo.reports.numbers import percent_text

register = template.Library()


@register.filter
def percent(fraction) -> str:
    """A ratio shown as a percentage with 2 decimals, exactly as the exports print it."""
    return percent_text(fraction)
