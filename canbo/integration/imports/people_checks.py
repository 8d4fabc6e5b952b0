"""Checks of one row of a people spreadsheet: identity, birth, post; and what it would do."""

from datetime import date

from django.utils.translation import gettext as _

from canbo.core.text import has_control, is_code
from canbo.integration.imports.people_fields import (
    PERSON_FIELDS,
    POST_FIELDS,
    choice,
    header,
    not_future,
    pk,
)
from canbo.integration.imports.people_history import history
from canbo.integration.imports.people_lookup import Lookup
from canbo.integration.imports.people_record import past, record
from canbo.integration.imports.reader import RowResult, parse_date, text
from canbo.people.models import Person


def check_row(lookup: Lookup, number: int, values: dict) -> RowResult:
    code, name = text(values["code"]), text(values["name"])
    result = RowResult(number, f"{code or '?'} · {name}"[:120])
    errors = result.errors
    _check_identity(code, name, errors)
    existing = lookup.people.get(code)
    if existing is not None and code not in lookup.in_scope:
        errors.append(
            _("Civil servant “%(code)s” already exists in an organisation outside your scope.")
            % {"code": code}
        )
    data = {"code": code, "full_name": name, **_birth(values, lookup.today, errors)}
    data["gender"] = choice(lookup, values, "gender", errors) or ""
    data["ethnicity"] = choice(lookup, values, "ethnicity", errors) or ""
    data.update(_post(lookup, values, errors))
    _single_holder(lookup, data, code, errors)
    data.update(record(lookup, values, errors, code))
    data["past"] = past(lookup, values, errors)
    data["history"] = history(lookup, values, errors, data.get("start"))
    if errors:
        return result
    if existing and not data["birth_date"] and existing.birth_year == data["birth_year"]:
        data["birth_date"] = existing.birth_date  # a year alone keeps the known full date
    result.data = data | {"person": existing}
    result.action = _action(existing, data, lookup)
    return result


def _check_identity(code: str, name: str, errors: list[str]) -> None:
    if not code or len(code) > 32:
        errors.append(_("Civil servant code must not be empty and has at most 32 characters."))
    elif not is_code(code, 32):
        errors.append(
            _(
                "Civil servant code has only unaccented letters, digits and . _ - (starting "
                "with a letter or digit; no space, quote, / or line break)."
            )
        )
    if not name or len(name) > 120:
        errors.append(_("Full name must not be empty and has at most 120 characters."))
    elif has_control(name):
        errors.append(_("Full name must not contain line breaks or control characters."))


def _birth(values: dict, today: date, errors: list[str]) -> dict:
    raw = values["birth"]
    label = text(raw)
    if label.isdigit() and len(label) == 4:
        year, birth = int(label), None
    else:
        birth = parse_date(raw, _("Date of birth"), errors)
        year = birth.year if birth else None
        if not label:
            errors.append(_("Date or year of birth must not be empty."))
    if year is not None and not today.year - 80 <= year <= today.year - 15:
        errors.append(_("Year of birth %(year)s is not plausible.") % {"year": year})
    return {"birth_date": birth, "birth_year": year}


def _post(lookup: Lookup, values: dict, errors: list[str]) -> dict:
    ref = text(values["organization"])
    org = lookup.org(ref, errors) if ref else None
    if not ref:
        errors.append(_("Organisation must not be empty."))
    found = {}
    for field, table in (("job_position", lookup.positions), ("title", lookup.titles)):
        key = text(values[field])
        found[field] = table.get(key) if key else None
        if key and found[field] is None:
            errors.append(
                _("There is no %(column)s “%(value)s”.")
                % {"column": header(field).lower(), "value": key}
            )
    start = parse_date(values["start"], header("start"), errors)
    not_future(start, header("start"), lookup.today, errors)
    return {"organization": org, **found, "start": start or lookup.today}


def _single_holder(lookup: Lookup, data: dict, code: str, errors: list[str]) -> None:
    """A single-holder title (Chủ tịch UBND…) held by someone else, who is not in the file."""
    title, org = data.get("title"), data.get("organization")
    if not title or not org or not title.single_holder:
        return
    holder = lookup.holders.get((org.pk, title.pk))
    if holder and holder != code and holder not in lookup.codes:
        errors.append(
            _(
                "%(organization)s already has a %(title)s (code %(code)s): end this person's "
                "post first (a transfer decision), or put them in the same file with their "
                "new post."
            )
            % {"organization": org, "title": title, "code": holder}
        )


def _action(person: Person | None, data: dict, lookup: Lookup) -> str:
    if person is None:
        return "create"
    same = (
        all(getattr(person, f) == data[f] for f in PERSON_FIELDS)
        and all(getattr(person, f"{f}_id") == getattr(data[f], "pk", None) for f in POST_FIELDS)
        and all(_value(person, f) == pk(v) for f, v in data["record"].items())
        and all(lookup.past.get((person.pk, y)) == lv for y, lv in data["past"].items())
        and all(
            (person.pk, start, getattr(org, "pk", None)) in lookup.posts
            for start, _end, org, _position, _title in data["history"]
        )
    )
    return "unchanged" if same else "update"


def _value(person: Person, name: str):
    """A field's stored value; a foreign key's id (never a query per row)."""
    return getattr(person, person._meta.get_field(name).attname)
