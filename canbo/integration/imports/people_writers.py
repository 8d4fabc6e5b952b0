"""Writing checked rows of a people spreadsheet: new people and their primary post in bulk,
changes to known people, past classifications and former posts; one audit entry a person."""

from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.models import AuditEntry
from canbo.core.text import fold
from canbo.integration.imports.people_fields import PERSON_FIELDS, POST_FIELDS, RECORD_FIELDS, pk
from canbo.integration.imports.people_format import PAST_YEARS, classification
from canbo.integration.imports.reader import RowResult
from canbo.integration.imports.scope import Actor
from canbo.integration.tasks.fast_insert import insert_rows
from canbo.people.models import PastClassification, Person, Post
from canbo.people.services import assign_post


def create_people(actor: Actor, rows: list[dict]) -> None:
    """New people in bulk (COPY on PostgreSQL): the person, the primary post and one audit
    entry each."""
    if not rows:
        return
    people = [_person_row(d) for d in rows]
    insert_rows(Person, people)
    for data, row in zip(rows, people, strict=True):
        data["person_id"] = row["id"]
    insert_rows(Post, [_primary_post(d) for d in rows])
    user_id = _user_id(actor)
    insert_rows(
        AuditEntry,
        [
            _audit_row(
                user_id,
                row["id"],
                row["full_name"],
                {f: [None, _json(row[f])] for f in PERSON_FIELDS},
            )
            for row in people
        ],
    )


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
            row[field.attname] = pk(data["record"][name])
        elif field.attname not in row:
            row[field.attname] = field.get_default()
    return row


def _primary_post(data: dict) -> dict:
    return {
        "person_id": data["person_id"],
        "organization_id": data["organization"].pk,
        "job_position_id": getattr(data["job_position"], "pk", None),
        "title_id": getattr(data["title"], "pk", None),
        "start": data["start"],
        "end": None,
        "concurrent": False,
        "decision": imported(),
    }


def _audit_row(user_id: int | None, person_id: int, label: str, changes: dict) -> dict:
    return {
        "actor_id": user_id,
        "action": "people.import_person",
        "object_type": "people.person",
        "object_id": str(person_id),
        "object_repr": label[:255],
        "changes": changes,
        "reason": imported(),
    }


def _user_id(actor: Actor) -> int | None:
    return actor.user.pk if getattr(actor.user, "pk", None) else None


def _json(value):
    return value if value is None or isinstance(value, (bool, int, str)) else str(value)


def known_past(rows: list[dict]) -> dict:
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


def update_people(actor: Actor, rows: list[dict], lookup_past: dict) -> None:
    """Existing people in bulk: changed fields, one audit entry each (with the past
    classifications that change); a changed post goes through assign_post."""
    people, audits, fields = [], [], {"search_key"}
    user_id = _user_id(actor)
    for data in rows:
        person = data["person"]
        names = PERSON_FIELDS + list(data["record"])
        changes = _apply(person, data, names)
        for year, level in data["past"].items():
            old = lookup_past.get((person.pk, year))
            if old != level:
                changes[str(classification(year))] = [old, level]
        if any(k in changes for k in names):
            people.append(person)
            fields |= {k for k in names if k in changes}
        audits.append(_audit_row(user_id, person.pk, str(person), changes))
    if people:
        Person.objects.bulk_update(people, sorted(fields), batch_size=500)
    insert_rows(AuditEntry, audits)
    _move_posts(actor, rows)


def _apply(person: Person, data: dict, names: list[str]) -> dict:
    """Set the row's values on the person; return the changes, field → [before, after]."""
    before = audit.snapshot(person, names)
    for name in PERSON_FIELDS:
        setattr(person, name, data[name])
    for name, value in data["record"].items():
        setattr(person, name, value)
    person.id_number = person.id_number or None
    person.search_key = f"{fold(person.full_name)} {person.code.lower()}"
    after = audit.snapshot(person, names)
    return {k: [before[k], after[k]] for k in names if before[k] != after[k]}


def _move_posts(actor: Actor, rows: list[dict]) -> None:
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
                decision=imported(),
            )


def save_history(results: list[RowResult]) -> None:
    """Past classifications (replacing those of the same years) and former posts."""
    rows = [r.data for r in results if r.action in ("create", "update")]
    _save_past(rows)
    _save_former_posts(rows)


def _save_past(rows: list[dict]) -> None:
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
        [{"person_id": p, "year": y, "level": lv, "source": imported()} for p, y, lv in past],
    )


def _save_former_posts(rows: list[dict]) -> None:
    """Former posts not already recorded (same person, start and organisation)."""
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


def imported() -> str:
    """The decision, reason and source written on what an import creates."""
    return _("imported from a spreadsheet")
