"""The commune (or ward) of an organisation, for lists that span communes."""

from canbo.core.access import is_province_wide
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization


def commune_names(user) -> dict[str, str]:
    """Path -> name of the communes a province-wide user sees (one query); {} for users
    within one commune, whose lists need no commune column."""
    if not is_province_wide(user):
        return {}
    communes = Organization.objects.visible_to(user).filter(kind__in=COMMUNE_KINDS)
    return dict(communes.values_list("path", "name"))


def commune_name(org: Organization | None, names: dict[str, str]) -> str:
    if org is None:
        return ""
    parts = org.path.strip("/").split("/")
    return names.get("/" + "/".join(parts[:2]) + "/", "")
