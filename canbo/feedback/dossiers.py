"""Dossiers (and their ratings) from the one-stop system: checked, then written all or none,
idempotently on (commune, dossier code). Used by the API and the spreadsheet import alike.

A row names its handling officer by person code; the dossier belongs to that officer's commune
and counts for the officer's unit at receipt. The same row sent twice writes nothing.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from canbo.core import audit
from canbo.feedback.dossier_checks import (
    attach_existing,
    commune_ids,
    officers,
    refuse_locked,
    refuse_repeat,
    resolve_officer,
)
from canbo.feedback.dossier_data import Checked, DossierData, RatingData, row_errors
from canbo.feedback.dossier_writes import (
    Inserter,
    Written,
    anchor,
    bulk_create,
    dossier_row,
    rating_row,
    update_dossier,
)
from canbo.feedback.models import Dossier, Rating

__all__ = ["DossierData", "RatingData", "check_dossiers", "write_dossiers"]


def check_dossiers(people: QuerySet, rows: list[DossierData]) -> list[Checked]:
    """Resolve every row in a few queries. `people` is what the sender may write for (its
    subtree through the access chokepoint, or everyone for the command line)."""
    found = officers(people, {r.officer_code for r in rows})
    communes = commune_ids({path for _, _, path in found.values() if path})
    checked: list[Checked] = []
    seen: dict = {}
    for data in rows:
        item = Checked(data, row_errors(data))
        resolve_officer(item, found.get(data.officer_code), communes)
        refuse_repeat(item, seen, len(checked))
        checked.append(item)
    attach_existing(checked)
    refuse_locked(checked)
    return checked


@transaction.atomic
def write_dossiers(
    actor, checked: list[Checked], source_name: str, insert: Inserter | None = None
) -> Written:
    """Write every checked row (none may carry errors): new ones in bulk (with `insert`, e.g.
    COPY on PostgreSQL from the integration layer), changed ones one by one; one audit entry
    for the batch."""
    if any(c.errors for c in checked):
        raise ValueError("rows with errors cannot be written")
    insert = insert or bulk_create
    now = timezone.now()
    new = [c for c in checked if c.action == "create"]
    changed = [c for c in checked if c.action == "update"]
    if not new and not changed:
        return Written(len(checked), 0, 0)
    dossiers = [dossier_row(c, now) for c in new]
    insert(Dossier, dossiers)
    insert(
        Rating,
        [rating_row(c, d["id"], now) for c, d in zip(new, dossiers, strict=True) if c.data.rating],
    )
    for item in changed:
        update_dossier(item, now)
    result = Written(len(checked), len(new), len(changed))
    codes = sorted(c.data.code for c in new + changed)
    audit.record(
        actor,
        "feedback.upsert_dossiers",
        anchor(new, changed),
        after={
            "source": source_name,
            **result.as_dict(),
            "codes": codes[0] if len(codes) == 1 else f"{codes[0]} … {codes[-1]}",
        },
    )
    return result
