from django import template

from canbo.org.communes import commune_name

register = template.Library()


@register.filter
def commune_in(org, names: dict) -> str:
    """{{ person.organization|commune_in:communes }}: the commune's name, or ''."""
    return commune_name(org, names)
