"""The rows written for checked dossiers and their ratings: in bulk for new ones, one by one
for changed ones."""

from collections.abc import Callable
from dataclasses import dataclass

from canbo.core.text import nfc
from canbo.feedback.choices import Source
from canbo.feedback.dossier_data import Checked
from canbo.feedback.models import Dossier, Rating

BATCH = 2000
# Inserts plain row dicts (attribute name -> value); returns nothing, sets row["id"].
Inserter = Callable[[type, list[dict]], None]


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


def bulk_create(model, rows: list[dict]) -> None:
    """The portable inserter: bulk_create in batches (ids set back into the rows)."""
    for start in range(0, len(rows), BATCH):
        part = rows[start : start + BATCH]
        for row, obj in zip(
            part, model.objects.bulk_create([model(**r) for r in part]), strict=True
        ):
            row["id"] = obj.pk


def anchor(new: list[Checked], changed: list[Checked]) -> Dossier:
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


def dossier_row(c: Checked, now) -> dict:
    return {
        "organization_id": c.commune_id,
        "code": c.data.code,
        "created_at": now,
        "updated_at": now,
        **_fields(c),
    }


def rating_row(c: Checked, dossier_id: int, now) -> dict:
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


def update_dossier(c: Checked, now) -> None:
    pk = c.existing["id"]
    Dossier.objects.filter(pk=pk).update(updated_at=now, **_fields(c))
    if c.data.rating is None:
        return
    values = rating_row(c, pk, now)
    keep = ("dossier_id", "seen_at", "seen_by_id", "answer", "answered_at")
    Rating.objects.update_or_create(
        dossier_id=pk, defaults={k: v for k, v in values.items() if k not in keep}
    )
