"""Dossiers (and their ratings) from the one-stop system: checked, then written all or none,
idempotently on (commune, dossier code). Used by the API and the spreadsheet import alike.

A row names its handling officer by person code; the dossier belongs to that officer's commune
and counts for the officer's unit at receipt. The same row sent twice writes nothing.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.paths import path_prefixes
from canbo.core.text import nfc
from canbo.feedback.choices import Concern, DossierStatus, Level, Source
from canbo.feedback.models import Dossier, Rating
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.work.locks import locked_months
from canbo.work.periods import month_start

BATCH = 2000
STATUSES = frozenset(DossierStatus.values)
LEVELS = frozenset(Level.values)
CONCERNS = frozenset(Concern.values)
# Inserts plain row dicts (attribute name -> value); returns nothing, sets row["id"].
Inserter = Callable[[type, list[dict]], None]


@dataclass(frozen=True)
class RatingData:
    level: int
    comment: str = ""
    concerns: tuple[str, ...] = ()
    rated_at: datetime | None = None


@dataclass(frozen=True)
class DossierData:
    code: str
    officer_code: str
    received_date: date
    procedure: str = ""
    due_date: date | None = None
    returned_date: date | None = None
    status: str = DossierStatus.RECEIVED
    complained: bool = False
    rating: RatingData | None = None

    def digest(self) -> str:
        """A hash of every field (the same row sent twice is recognised as unchanged)."""
        r = self.rating
        parts = [
            self.code,
            self.officer_code,
            self.received_date,
            self.procedure,
            self.due_date,
            self.returned_date,
            self.status,
            self.complained,
        ]
        if r is not None:
            parts += [r.level, r.comment, ",".join(r.concerns), r.rated_at]
        return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


@dataclass
class Checked:
    """A row resolved against the database, or its errors."""

    data: DossierData
    errors: list[str] = field(default_factory=list)
    # What kind of refusal the first error is, for the API's status: invalid,
    # unknown_officer or period_locked.
    error_kind: str = "invalid"
    officer_id: int | None = None
    unit_id: int | None = None
    commune_id: int | None = None
    existing: dict | None = None  # id, digest, officer_id, month of the stored dossier

    @property
    def action(self) -> str:
        if self.errors:
            return ""
        if self.existing is None:
            return "create"
        return "unchanged" if self.existing["digest"] == self.data.digest() else "update"

    @property
    def month(self) -> date:
        return month_start(self.data.received_date)


def row_errors(data: DossierData) -> list[str]:
    """Checks of one row on its own (dates, level, concerns, status)."""
    errors = []
    if data.due_date and data.due_date < data.received_date:
        errors.append(_("The due date is before the date received."))
    if data.returned_date and data.returned_date < data.received_date:
        errors.append(_("The return date is before the date received."))
    if data.status not in STATUSES:
        allowed = ", ".join(DossierStatus.values)
        errors.append(
            _("Status “%(status)s” is not valid (%(allowed)s).")
            % {"status": data.status, "allowed": allowed}
        )
    if data.rating is not None:
        if data.rating.level not in LEVELS:
            errors.append(_("The rating must be from 1 (very dissatisfied) to 5 (very satisfied)."))
        unknown = set(data.rating.concerns) - CONCERNS
        if unknown:
            errors.append(
                _("Unknown complaint topics: %(topics)s.") % {"topics": ", ".join(sorted(unknown))}
            )
    return errors


def check_dossiers(people: QuerySet, rows: list[DossierData]) -> list[Checked]:
    """Resolve every row in a few queries. `people` is what the sender may write for (its
    subtree through the access chokepoint, or everyone for the command line)."""
    codes = {r.officer_code for r in rows}
    found = {
        code: (pk, org_id, path)
        for pk, code, org_id, path in people.filter(code__in=codes).values_list(
            "id", "code", "organization_id", "organization__path"
        )
    }
    communes = _communes({path for _, _, path in found.values() if path})
    checked, seen = [], {}
    for data in rows:
        item = Checked(data, row_errors(data))
        officer = found.get(data.officer_code)
        if officer is None or not officer[2]:
            if not item.errors:
                item.error_kind = "unknown_officer"
            item.errors.append(
                _("No officer with code %(code)s within your scope.") % {"code": data.officer_code}
            )
        else:
            item.officer_id, item.unit_id = officer[0], officer[1]
            item.commune_id = communes.get(officer[2])
            if item.commune_id is None:
                item.errors.append(
                    _("Officer %(code)s belongs to no commune or ward.")
                    % {"code": data.officer_code}
                )
        key = (item.commune_id, data.code)
        if item.commune_id and key in seen:
            item.errors.append(
                _("Dossier code %(code)s repeats row %(row)s.")
                % {"code": data.code, "row": seen[key] + 1}
            )
        seen.setdefault(key, len(checked))
        checked.append(item)
    _attach_existing(checked)
    _refuse_locked(checked)
    return checked


def _communes(paths: set[str]) -> dict[str, int]:
    """Organisation path -> id of the commune (or ward) above or at it, in one query."""
    prefixes = {p for path in paths for p in path_prefixes(path)}
    kinds = Organization.objects.filter(path__in=prefixes).values_list("path", "id", "kind")
    commune_at = {path: pk for path, pk, kind in kinds if _is_commune(kind)}
    return {
        path: next((commune_at[p] for p in reversed(path_prefixes(path)) if p in commune_at), None)
        for path in paths
    }


def _is_commune(kind: str) -> bool:
    return kind in COMMUNE_KINDS


def _attach_existing(checked: list[Checked]) -> None:
    communes = {c.commune_id for c in checked if c.commune_id}
    codes = {c.data.code for c in checked if c.commune_id}
    existing, codes = {}, sorted(codes)
    for start in range(0, len(codes), 5000):
        part = codes[start : start + 5000]
        for row in Dossier.objects.filter(organization_id__in=communes, code__in=part).values(
            "id", "organization_id", "code", "digest", "officer_id", "month"
        ):
            existing[(row["organization_id"], row["code"])] = row
    for item in checked:
        item.existing = existing.get((item.commune_id, item.data.code))


def _refuse_locked(checked: list[Checked]) -> None:
    """A dossier written into (or moved out of) a locked month of its officer is refused."""
    pairs = {}
    for item in checked:
        if item.action in ("create", "update"):
            pairs[id(item)] = {(item.officer_id, item.month)}
            if item.existing:
                pairs[id(item)].add((item.existing["officer_id"], item.existing["month"]))
    locked = locked_months({p for group in pairs.values() for p in group})
    for item in checked:
        hit = sorted(m for _, m in pairs.get(id(item), set()) & locked)
        if hit:
            if not item.errors:
                item.error_kind = "period_locked"
            item.errors.append(
                _(
                    "The officer's evaluation period of %(month)s is locked: no dossier "
                    "can be written into that month."
                )
                % {"month": f"{hit[0]:%m/%Y}"}
            )


@dataclass(frozen=True)
class Written:
    received: int
    created: int
    updated: int

    @property
    def written(self) -> int:
        return self.created + self.updated

    def as_dict(self) -> dict:
        return {
            "received": self.received,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.received - self.written,
            "written": self.written,
        }


def _bulk_create(model, rows: list[dict]) -> None:
    """The portable inserter: bulk_create in batches (ids set back into the rows)."""
    for start in range(0, len(rows), BATCH):
        part = rows[start : start + BATCH]
        for row, obj in zip(
            part, model.objects.bulk_create([model(**r) for r in part]), strict=True
        ):
            row["id"] = obj.pk


@transaction.atomic
def write_dossiers(
    actor, checked: list[Checked], source_name: str, insert: Inserter | None = None
) -> Written:
    """Write every checked row (none may carry errors): new ones in bulk (with `insert`, e.g.
    COPY on PostgreSQL from the integration layer), changed ones one by one; one audit entry
    for the batch."""
    if any(c.errors for c in checked):
        raise ValueError("rows with errors cannot be written")
    insert = insert or _bulk_create
    now = timezone.now()
    new = [c for c in checked if c.action == "create"]
    changed = [c for c in checked if c.action == "update"]
    if not new and not changed:
        return Written(len(checked), 0, 0)
    dossiers = [_dossier(c, now) for c in new]
    insert(Dossier, dossiers)
    insert(
        Rating,
        [_rating(c, d["id"], now) for c, d in zip(new, dossiers, strict=True) if c.data.rating],
    )
    for item in changed:
        _update(item, now)
    result = Written(len(checked), len(new), len(changed))
    codes = sorted(c.data.code for c in new + changed)
    audit.record(
        actor,
        "feedback.upsert_dossiers",
        _anchor(new, changed),
        after={
            "source": source_name,
            **result.as_dict(),
            "codes": codes[0] if len(codes) == 1 else f"{codes[0]} … {codes[-1]}",
        },
    )
    return result


def _anchor(new: list[Checked], changed: list[Checked]) -> Dossier:
    item = (new or changed)[0]
    return Dossier.objects.get(organization_id=item.commune_id, code=item.data.code)


def _fields(c: Checked) -> dict:
    d = c.data
    return {
        "procedure": nfc(d.procedure) or "",
        "received_date": d.received_date,
        "due_date": d.due_date,
        "returned_date": d.returned_date,
        "status": d.status,
        "complained": d.complained,
        "officer_id": c.officer_id,
        "unit_id": c.unit_id,
        "month": c.month,
        "digest": d.digest(),
    }


def _dossier(c: Checked, now) -> dict:
    return {
        "organization_id": c.commune_id,
        "code": c.data.code,
        "created_at": now,
        "updated_at": now,
        **_fields(c),
    }


def _rating(c: Checked, dossier_id: int, now) -> dict:
    r = c.data.rating
    return {
        "dossier_id": dossier_id,
        "officer_id": c.officer_id,
        "organization_id": c.commune_id,
        "unit_id": c.unit_id,
        "month": c.month,
        "level": r.level,
        "comment": nfc(r.comment) or "",
        "concerns": sorted(set(r.concerns)),
        "source": Source.PORTAL,
        "created_at": r.rated_at or now,
        "seen_at": None,
        "seen_by_id": None,
        "answer": "",
        "answered_at": None,
    }


def _update(c: Checked, now) -> None:
    pk = c.existing["id"]
    Dossier.objects.filter(pk=pk).update(updated_at=now, **_fields(c))
    if c.data.rating is None:
        return
    values = _rating(c, pk, now)
    keep = ("dossier_id", "seen_at", "seen_by_id", "answer", "answered_at")
    Rating.objects.update_or_create(
        dossier_id=pk, defaults={k: v for k, v in values.items() if k not in keep}
    )
