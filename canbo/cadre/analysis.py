"""Who lacks what: gap summaries and the training-candidate lists, over visible people."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from canbo.cadre.clock import add_years
from canbo.cadre.gaps import GAP_KINDS, PROFESSIONAL_KINDS, THEORY, Gap, compute_gaps
from canbo.org.models import Organization

# The plan sends to university those below the standard with MORE than this many years left.
UNIVERSITY_MIN_YEARS_LEFT = 6


@dataclass
class Assessed:
    person: object
    unit: Organization | None
    gaps: list[Gap]

    @property
    def field(self) -> str:
        position = self.person.job_position
        return position.field if position else ""

    def has(self, kind: str) -> bool:
        return any(gap.kind == kind for gap in self.gaps)


@dataclass
class GapCount:
    people: int = 0
    with_gap: int = 0
    by_kind: Counter = field(default_factory=Counter)

    def add(self, row: Assessed) -> None:
        self.people += 1
        self.with_gap += bool(row.gaps)
        self.by_kind.update({gap.kind for gap in row.gaps})

    def kinds(self) -> list[int]:
        return [self.by_kind[kind] for kind in GAP_KINDS]


def unit_from_path(path: str | None) -> int | None:
    """The commune (or provincial agency) at depth 1 of an organisation path."""
    parts = [int(p) for p in (path or "").strip("/").split("/") if p]
    if not parts:
        return None
    return parts[1] if len(parts) > 1 else parts[0]


def unit_id(org: Organization | None) -> int | None:
    return unit_from_path(org.path) if org is not None else None


def assess(people) -> list[Assessed]:
    people = list(people.select_related("organization", "job_position", "title"))
    ids = {unit_id(p.organization) for p in people} - {None}
    units = Organization.objects.in_bulk(ids)
    return [Assessed(p, units.get(unit_id(p.organization)), compute_gaps(p)) for p in people]


def summarise(rows: list[Assessed], key) -> dict:
    counts: dict = {}
    for row in rows:
        counts.setdefault(key(row), GapCount()).add(row)
    return counts


def select(
    rows: list[Assessed], unit: int | None = None, field: str = "", kind: str = ""
) -> list[Assessed]:
    """Rows of a unit / field / gap kind; with no kind, only people with some gap."""
    picked = [r for r in rows if unit is None or (r.unit and r.unit.pk == unit)]
    picked = [r for r in picked if not field or r.field == field]
    return [r for r in picked if (r.has(kind) if kind else r.gaps)]


def has_more_years_left(person, years: int, today: date) -> bool:
    """Strictly more than `years` of service left on `today` (exactly `years` is not)."""
    retire = person.retirement_date
    return retire is not None and retire > add_years(today, years)


def university_candidates(rows: list[Assessed], today: date) -> list[Assessed]:
    """Below the professional standard with more than six years of service left."""
    return [
        r
        for r in rows
        if any(r.has(kind) for kind in PROFESSIONAL_KINDS)
        and has_more_years_left(r.person, UNIVERSITY_MIN_YEARS_LEFT, today)
    ]


def lacking_theory(rows: list[Assessed]) -> list[Assessed]:
    return [r for r in rows if r.has(THEORY)]
