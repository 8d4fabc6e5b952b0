"""Checks of dossier rows against the database: the officer and their commune, a code repeated
in the batch, the dossier already stored, and the locked months of evaluation."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from canbo.core.paths import path_prefixes
from canbo.feedback.dossier_data import Checked
from canbo.feedback.models import Dossier
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.work.locks import locked_months


def officers(people: QuerySet, codes: set[str]) -> dict[str, tuple]:
    """Officer code -> (person id, organisation id, organisation path), within `people`."""
    return {
        code: (pk, org_id, path)
        for pk, code, org_id, path in people.filter(code__in=codes).values_list(
            "id", "code", "organization_id", "organization__path"
        )
    }


def resolve_officer(item: Checked, officer: tuple | None, communes: dict[str, int]) -> None:
    """The row's officer, unit and commune, or why there is none."""
    code = item.data.officer_code
    if officer is None or not officer[2]:
        if not item.errors:
            item.error_kind = "unknown_officer"
        item.errors.append(_("No officer with code %(code)s within your scope.") % {"code": code})
        return
    item.officer_id, item.unit_id = officer[0], officer[1]
    item.commune_id = communes.get(officer[2])
    if item.commune_id is None:
        item.errors.append(_("Officer %(code)s belongs to no commune or ward.") % {"code": code})


def refuse_repeat(item: Checked, seen: dict, index: int) -> None:
    """A dossier code an earlier row of the batch has in the same commune."""
    key = (item.commune_id, item.data.code)
    if item.commune_id and key in seen:
        item.errors.append(
            _("Dossier code %(code)s repeats row %(row)s.")
            % {"code": item.data.code, "row": seen[key] + 1}
        )
    seen.setdefault(key, index)


def commune_ids(paths: set[str]) -> dict[str, int]:
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


def attach_existing(checked: list[Checked]) -> None:
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


def refuse_locked(checked: list[Checked]) -> None:
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
