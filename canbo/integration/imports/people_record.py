"""The optional personnel-record columns of a people spreadsheet and its past
classifications (an absent column or an empty cell leaves the stored value unchanged)."""

from django.utils.translation import gettext as _

from canbo.core.text import has_control
from canbo.integration.imports.people_fields import choice, header, not_future
from canbo.integration.imports.people_format import PAST_YEARS
from canbo.integration.imports.people_lookup import Lookup
from canbo.integration.imports.reader import parse_date, text
from canbo.org.models import Organization
from canbo.people.models import ID_NUMBER


def record(lookup: Lookup, values: dict, errors: list[str], code: str) -> dict:
    """The optional personnel-record columns (absent column or empty cell: unchanged)."""
    data: dict = {}
    id_number = text(values["id_number"])
    if id_number:
        _check_id_number(lookup, id_number, code, errors)
        data["id_number"] = id_number
    hometown = text(values["hometown"])
    if hometown:
        data["hometown"] = _hometown(lookup, hometown, errors)
    for field in ("party_member", "education", "political_theory", "state_management"):
        if text(values[field]):
            data[field] = choice(lookup, values, field, errors)
    for field in ("major", "it_certificate", "foreign_language"):
        raw = text(values[field])
        if raw:
            if len(raw) > (200 if field == "major" else 120) or has_control(raw):
                errors.append(
                    _("%(column)s is too long or has control characters.")
                    % {"column": header(field)}
                )
            data[field] = raw
    start = parse_date(values["service_start"], header("service_start"), errors)
    if start:
        not_future(start, header("service_start"), lookup.today, errors)
        data["service_start"] = start
    return {"record": data}


def _check_id_number(lookup: Lookup, id_number: str, code: str, errors: list[str]) -> None:
    owner = lookup.id_owners.get(id_number)
    if not ID_NUMBER.match(id_number):
        errors.append(
            _("ID card number “%(number)s” must have exactly 12 digits.") % {"number": id_number}
        )
    elif owner and owner != code:
        errors.append(
            _(
                "ID card number %(number)s is already recorded for another civil servant "
                "(code %(code)s)."
            )
            % {"number": id_number, "code": owner}
        )


def _hometown(lookup: Lookup, name: str, errors: list[str]) -> Organization | None:
    found = lookup.communes.get(name, [])
    if not found:
        errors.append(
            _("Hometown “%(name)s” is not the name or code of a commune or ward of the province.")
            % {"name": name}
        )
    elif len(found) > 1:
        errors.append(
            _("Several communes or wards are named “%(name)s”: write the identifier code.")
            % {"name": name}
        )
    return found[0] if len(found) == 1 else None


def past(lookup: Lookup, values: dict, errors: list[str]) -> dict[int, str]:
    found = {}
    for year in PAST_YEARS:
        key = f"past_{year}"
        if text(values[key]):
            level = choice(lookup, values, key, errors, table="past")
            if level is not None:
                found[year] = level
    return found
