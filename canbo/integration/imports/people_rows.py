"""Rows of a people spreadsheet: create or update civil servants and their primary post."""

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.models import AuditEntry
from canbo.core.text import fold, has_control, is_code
from canbo.integration.imports import people_format as fmt
from canbo.integration.imports.people_format import ALL_COLUMNS, PAST_YEARS, classification
from canbo.integration.imports.reader import Row, RowResult, keyed, parse_date, text
from canbo.integration.imports.scope import Actor
from canbo.integration.tasks.fast_insert import insert_rows
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.models import ID_NUMBER, PastClassification, Person, Post
from canbo.people.services import assign_post

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
Progress = Callable[[int], None]


def __getattr__(name: str) -> list[str]:
    """HEADERS, OPTIONAL and NOTES as plain strings, translated when they are read (the
    callers write them into cells and join them); the file format is the Vietnamese one."""
    if name == "HEADERS":
        return [str(header) for header in fmt.COLUMNS.values()]
    if name == "OPTIONAL":
        return [str(header) for header in fmt.OPTIONAL_COLUMNS.values()]
    if name == "NOTES":
        return [str(note) for note in fmt.NOTES]
    raise AttributeError(name)


def _header(key: str) -> str:
    return str(ALL_COLUMNS[key])


def check(actor: Actor, rows: list[Row], progress: Progress | None = None) -> list[RowResult]:
    rows = keyed(rows, ALL_COLUMNS)
    lookup = _Lookup(actor, rows)
    seen: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    results = []
    for index, (number, values) in enumerate(rows, start=1):
        result = _check_row(lookup, number, values)
        code = text(values["code"])
        if code in seen:
            result.errors.append(
                _("Civil servant code duplicates row %(row)s.") % {"row": seen[code]}
            )
            result.action = ""
        seen.setdefault(code, number)
        id_number = text(values["id_number"])
        if id_number and id_number in seen_ids:
            result.errors.append(
                _("ID card number %(number)s duplicates row %(row)s.")
                % {"number": id_number, "row": seen_ids[id_number]}
            )
            result.action = ""
        if id_number:
            seen_ids.setdefault(id_number, number)
        results.append(result)
        if progress and index % 200 == 0:
            progress(index)
    return results


def write(actor: Actor, results: list[RowResult]) -> int:
    written = 0
    with transaction.atomic():
        news = [r.data for r in results if r.action == "create"]
        _create_people(actor, news)
        updates = [r.data for r in results if r.action == "update"]
        _update_people(actor, updates, _known_past(updates))
        written += len(news) + len(updates)
        _save_history(results)
    return written


class _Lookup:
    def __init__(self, actor: Actor, rows: list[Row]) -> None:
        codes = {text(v["code"]) for _n, v in rows}
        self.people = {p.code: p for p in Person.objects.filter(code__in=codes)}
        self.in_scope = set(actor.people().filter(code__in=codes).values_list("code", flat=True))
        self.orgs = list(actor.orgs().select_related("parent"))
        self.positions = {p.code: p for p in JobPosition.objects.all()}
        self.titles = {t.code: t for t in Title.objects.all()}
        self.today = timezone.localdate()
        self.by_ref: dict[str, list[Organization]] = {}
        for o in self.orgs:
            for key in {o.code, o.name, _parent_path(o)} - {None, ""}:
                self.by_ref.setdefault(key, []).append(o)
        self.communes: dict[str, list[Organization]] = {}
        for o in Organization.objects.filter(kind__in=COMMUNE_KINDS):
            for key in {o.code, o.name} - {None, ""}:
                self.communes.setdefault(key, []).append(o)
        ids = {text(v["id_number"]) for _n, v in rows} - {""}
        self.id_owners = dict(
            Person.objects.filter(id_number__in=ids).values_list("id_number", "code")
        )
        known = [p.pk for p in self.people.values()]
        self.past = {
            (p, y): lv
            for p, y, lv in PastClassification.objects.filter(person_id__in=known).values_list(
                "person_id", "year", "level"
            )
        }
        self.posts = set(
            Post.objects.filter(person_id__in=known).values_list(
                "person_id", "start", "organization_id"
            )
        )
        # Current holders of single-holder titles (Chủ tịch…): (org id, title id) → code.
        self.holders = {
            (o, t): c
            for o, t, c in Post.objects.filter(
                end__isnull=True, title__single_holder=True
            ).values_list("organization_id", "title_id", "person__code")
        }
        self.codes = codes
        self.tables = {
            "gender": fmt.folded(fmt.GENDERS),
            "ethnicity": fmt.folded(fmt.ETHNICITIES),
            "party_member": fmt.folded(fmt.YES_NO),
            "education": fmt.folded(fmt.EDUCATION),
            "political_theory": fmt.folded(fmt.THEORY),
            "state_management": fmt.folded(fmt.STATE),
            "past": fmt.folded(fmt.LEVELS),
        }

    def org(self, ref: str, errors: list[str]) -> Organization | None:
        found = self.by_ref.get(ref, [])
        matches = [o for o in found if o.code == ref] or found
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(
                _(
                    "Several organisations are named “%(name)s”: write “Parent organisation "
                    "name / %(name)s” or the identifier code."
                )
                % {"name": ref}
            )
        elif (
            Organization.objects.filter(code=ref).exists()
            or Organization.objects.filter(name=ref).exists()
        ):
            errors.append(
                _("Organisation “%(name)s” is outside the scope you are allowed.") % {"name": ref}
            )
        else:
            errors.append(_("There is no organisation “%(name)s”.") % {"name": ref})
        return None


def _parent_path(org: Organization) -> str:
    return f"{org.parent.name} / {org.name}" if org.parent_id else org.name


def _check_row(lookup: _Lookup, number: int, values: dict) -> RowResult:
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
    data["gender"] = _choice(lookup, values, "gender", errors) or ""
    data["ethnicity"] = _choice(lookup, values, "ethnicity", errors) or ""
    data.update(_post(lookup, values, errors))
    _single_holder(lookup, data, code, errors)
    data.update(_record(lookup, values, errors, code))
    data["past"] = _past(lookup, values, errors)
    data["history"] = _history(lookup, values, errors, data.get("start"))
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


def _choice(lookup: _Lookup, values: dict, key: str, errors: list[str], table: str = ""):
    """The value of a cell from its table of accepted texts (None, with an error, if not)."""
    raw = text(values[key])
    value = lookup.tables[table or key].get(fold(raw))
    if value is None:
        errors.append(
            _("%(column)s “%(value)s” is not valid (%(hint)s).")
            % {"column": _header(key), "value": raw, "hint": fmt.HINTS.get(key, fmt.SEE_NOTES)}
        )
    return value


def _post(lookup: _Lookup, values: dict, errors: list[str]) -> dict:
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
                % {"column": _header(field).lower(), "value": key}
            )
    start = parse_date(values["start"], _header("start"), errors)
    _not_future(start, _header("start"), lookup.today, errors)
    return {"organization": org, **found, "start": start or lookup.today}


def _single_holder(lookup: _Lookup, data: dict, code: str, errors: list[str]) -> None:
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


def _not_future(day: date | None, label: str, today: date, errors: list[str]) -> None:
    if day and day > today:
        errors.append(
            _("%(label)s %(date)s is in the future (after today).")
            % {"label": label, "date": f"{day:%d/%m/%Y}"}
        )


def _record(lookup: _Lookup, values: dict, errors: list[str], code: str) -> dict:
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
            data[field] = _choice(lookup, values, field, errors)
    for field in ("major", "it_certificate", "foreign_language"):
        raw = text(values[field])
        if raw:
            if len(raw) > (200 if field == "major" else 120) or has_control(raw):
                errors.append(
                    _("%(column)s is too long or has control characters.")
                    % {"column": _header(field)}
                )
            data[field] = raw
    start = parse_date(values["service_start"], _header("service_start"), errors)
    if start:
        _not_future(start, _header("service_start"), lookup.today, errors)
        data["service_start"] = start
    return {"record": data}


def _check_id_number(lookup: _Lookup, id_number: str, code: str, errors: list[str]) -> None:
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


def _hometown(lookup: _Lookup, name: str, errors: list[str]) -> Organization | None:
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


def _past(lookup: _Lookup, values: dict, errors: list[str]) -> dict[int, str]:
    found = {}
    for year in PAST_YEARS:
        key = f"past_{year}"
        if text(values[key]):
            level = _choice(lookup, values, key, errors, table="past")
            if level is not None:
                found[year] = level
    return found


def _history(lookup: _Lookup, values: dict, errors: list[str], current: date | None) -> list:
    raw = text(values["history"])
    posts = []
    for index, entry in enumerate([e for e in raw.split(";") if e.strip()], start=1):
        parts = [p.strip() for p in entry.split("|")]
        label = _("%(column)s, item %(index)s") % {"column": _header("history"), "index": index}
        if len(parts) != 5:
            errors.append(
                _(
                    "%(label)s: expected “from date|to date|organisation|job position "
                    "code|title code”."
                )
                % {"label": label}
            )
            continue
        start = parse_date(parts[0], _("%(label)s: from date") % {"label": label}, errors)
        end_label = _("%(label)s: to date") % {"label": label}
        end = parse_date(parts[1], end_label, errors)
        org = _history_org(lookup, parts[2], label, errors)
        position, title = _history_codes(lookup, parts[3], parts[4], label, errors)
        if start is None or end is None:
            errors.append(_("%(label)s: both from date and to date are needed.") % {"label": label})
            continue
        if end < start:
            errors.append(_("%(label)s: to date is before from date.") % {"label": label})
        _not_future(end, end_label, lookup.today, errors)
        if current and end > current:
            errors.append(
                _("%(label)s: ends after the date of taking up the current post.")
                % {"label": label}
            )
        posts.append((start, end, org, position, title))
    return posts


def _history_codes(lookup: _Lookup, position_code: str, title_code: str, label, errors):
    position = lookup.positions.get(position_code) if position_code else None
    title = lookup.titles.get(title_code) if title_code else None
    if position_code and position is None:
        errors.append(
            _("%(label)s: there is no job position code “%(code)s”.")
            % {"label": label, "code": position_code}
        )
    if title_code and title is None:
        errors.append(
            _("%(label)s: there is no title code “%(code)s”.")
            % {"label": label, "code": title_code}
        )
    return position, title


def _history_org(lookup: _Lookup, ref: str, label: str, errors: list[str]):
    found = lookup.by_ref.get(ref) or lookup.communes.get(ref) or []
    if len(found) != 1:
        errors.append(
            _("%(label)s: cannot identify organisation “%(name)s”.") % {"label": label, "name": ref}
        )
        return None
    return found[0]


def _action(person: Person | None, data: dict, lookup: "_Lookup") -> str:
    if person is None:
        return "create"
    same = (
        all(getattr(person, f) == data[f] for f in PERSON_FIELDS)
        and all(getattr(person, f"{f}_id") == getattr(data[f], "pk", None) for f in POST_FIELDS)
        and all(_value(person, f) == _pk(v) for f, v in data["record"].items())
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


def _pk(value):
    return value.pk if hasattr(value, "pk") else value


def _person_row(data: dict) -> dict:
    """Column values of a new person (attnames), for fast_insert."""
    row = {
        "code": data["code"],
        "search_key": f"{fold(data['full_name'])} {data['code'].lower()}",
        **{f: data[f] for f in PERSON_FIELDS},
        "id_number": None,
        **{f"{f}_id": getattr(data[f], "pk", None) for f in POST_FIELDS},
    }
    for name in RECORD_FIELDS:
        field = Person._meta.get_field(name)
        if name in data["record"]:
            row[field.attname] = _pk(data["record"][name])
        elif field.attname not in row:
            row[field.attname] = field.get_default()
    return row


def _create_people(actor: Actor, rows: list[dict]) -> None:
    """New people in bulk (COPY on PostgreSQL): the person, the primary post and one audit
    entry each."""
    if not rows:
        return
    people = [_person_row(d) for d in rows]
    insert_rows(Person, people)
    for data, row in zip(rows, people, strict=True):
        data["person_id"] = row["id"]
    insert_rows(
        Post,
        [
            {
                "person_id": d["person_id"],
                "organization_id": d["organization"].pk,
                "job_position_id": getattr(d["job_position"], "pk", None),
                "title_id": getattr(d["title"], "pk", None),
                "start": d["start"],
                "end": None,
                "concurrent": False,
                "decision": _imported(),
            }
            for d in rows
        ],
    )
    user_id = actor.user.pk if getattr(actor.user, "pk", None) else None
    insert_rows(
        AuditEntry,
        [
            {
                "actor_id": user_id,
                "action": "people.import_person",
                "object_type": "people.person",
                "object_id": str(row["id"]),
                "object_repr": row["full_name"][:255],
                "changes": {f: [None, _json(row[f])] for f in PERSON_FIELDS},
                "reason": _imported(),
            }
            for row in people
        ],
    )


def _json(value):
    return value if value is None or isinstance(value, (bool, int, str)) else str(value)


def _known_past(rows: list[dict]) -> dict:
    ids = [d["person"].pk for d in rows if d["past"]]
    found = {}
    for start in range(0, len(ids), 1000):
        found |= {
            (p, y): lv
            for p, y, lv in PastClassification.objects.filter(
                person_id__in=ids[start : start + 1000]
            ).values_list("person_id", "year", "level")
        }
    return found


def _save_history(results: list[RowResult]) -> None:
    """Past classifications (replacing those of the same years) and former posts."""
    rows = [r.data for r in results if r.action in ("create", "update")]
    past = [
        (d.get("person_id") or d["person"].pk, year, level)
        for d in rows
        for year, level in d["past"].items()
    ]
    updated = [d["person"].pk for d in rows if d.get("person") is not None and d["past"]]
    for start in range(0, len(updated), 1000):
        PastClassification.objects.filter(
            person_id__in=updated[start : start + 1000], year__in=list(PAST_YEARS)
        ).delete()
    insert_rows(
        PastClassification,
        [{"person_id": p, "year": y, "level": lv, "source": _imported()} for p, y, lv in past],
    )
    existing: set = set()
    people = [d["person"].pk for d in rows if d.get("person") is not None and d["history"]]
    for start in range(0, len(people), 1000):
        existing |= set(
            Post.objects.filter(person_id__in=people[start : start + 1000]).values_list(
                "person_id", "start", "organization_id"
            )
        )
    history = []
    for d in rows:
        person_id = d.get("person_id") or d["person"].pk
        for start, end, org, position, title in d["history"]:
            if (person_id, start, org.pk) not in existing:
                existing.add((person_id, start, org.pk))
                history.append(
                    {
                        "person_id": person_id,
                        "organization_id": org.pk,
                        "job_position_id": getattr(position, "pk", None),
                        "title_id": getattr(title, "pk", None),
                        "start": start,
                        "end": end,
                        "concurrent": False,
                        "decision": _("work history (imported from a spreadsheet)"),
                    }
                )
    insert_rows(Post, history)


def _update_people(actor: Actor, rows: list[dict], lookup_past: dict) -> None:
    """Existing people in bulk: changed fields, one audit entry each (with the past
    classifications that change); a changed post goes through assign_post."""
    people, audits, fields = [], [], {"search_key"}
    user_id = actor.user.pk if getattr(actor.user, "pk", None) else None
    for data in rows:
        person = data["person"]
        names = PERSON_FIELDS + list(data["record"])
        before = audit.snapshot(person, names)
        for name in PERSON_FIELDS:
            setattr(person, name, data[name])
        for name, value in data["record"].items():
            setattr(person, name, value)
        person.id_number = person.id_number or None
        person.search_key = f"{fold(person.full_name)} {person.code.lower()}"
        after = audit.snapshot(person, names)
        changes = {k: [before[k], after[k]] for k in names if before[k] != after[k]}
        for year, level in data["past"].items():
            old = lookup_past.get((person.pk, year))
            if old != level:
                changes[str(classification(year))] = [old, level]
        if any(k in changes for k in names):
            people.append(person)
            fields |= {k for k in names if k in changes}
        audits.append(
            {
                "actor_id": user_id,
                "action": "people.import_person",
                "object_type": "people.person",
                "object_id": str(person.pk),
                "object_repr": str(person)[:255],
                "changes": changes,
                "reason": _imported(),
            }
        )
    if people:
        Person.objects.bulk_update(people, sorted(fields), batch_size=500)
    insert_rows(AuditEntry, audits)
    for data in rows:
        person = data["person"]
        if any(getattr(person, f"{f}_id") != getattr(data[f], "pk", None) for f in POST_FIELDS):
            assign_post(
                actor.user,
                person,
                data["organization"],
                data["start"],
                job_position=data["job_position"],
                title=data["title"],
                decision=_imported(),
            )


def _imported() -> str:
    """The decision, reason and source written on what an import creates."""
    return _("imported from a spreadsheet")
