"""The person fields a people spreadsheet sets, and the helpers that read one cell."""

from datetime import date

from django.utils.translation import gettext as _

from canbo.core.text import fold
from canbo.integration.imports import people_format as fmt
from canbo.integration.imports.people_format import ALL_COLUMNS
from canbo.integration.imports.people_lookup import Lookup
from canbo.integration.imports.reader import text

RECORD_FIELDS = [
    "id_number",
    "hometown",
    "party_member",
    "education",
    "major",
    "political_theory",
    "state_management",
    "it_certificate",
    "foreign_language",
    "service_start",
]
PERSON_FIELDS = ["full_name", "birth_date", "birth_year", "gender", "ethnicity"]
POST_FIELDS = ["organization", "job_position", "title"]


def header(key: str) -> str:
    return str(ALL_COLUMNS[key])


def choice(lookup: Lookup, values: dict, key: str, errors: list[str], table: str = ""):
    """The value of a cell from its table of accepted texts (None, with an error, if not)."""
    raw = text(values[key])
    value = lookup.tables[table or key].get(fold(raw))
    if value is None:
        errors.append(
            _("%(column)s “%(value)s” is not valid (%(hint)s).")
            % {"column": header(key), "value": raw, "hint": fmt.HINTS.get(key, fmt.SEE_NOTES)}
        )
    return value


def not_future(day: date | None, label: str, today: date, errors: list[str]) -> None:
    if day and day > today:
        errors.append(
            _("%(label)s %(date)s is in the future (after today).")
            % {"label": label, "date": f"{day:%d/%m/%Y}"}
        )


def pk(value):
    return value.pk if hasattr(value, "pk") else value
