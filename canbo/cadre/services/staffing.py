"""Staffing: quota against actual people per commune and field, and moves that would help."""

from collections import Counter
from dataclasses import dataclass

from canbo.cadre.analysis import unit_from_path, unit_id
from canbo.org.choices import Field
from canbo.org.models import Organization, StaffingQuota

# Leaders are appointed, not moved to fill a headcount: no suggestions for them.
NO_SUGGESTION_FIELDS = {Field.LEADERSHIP}


@dataclass(frozen=True)
class StaffingRow:
    unit: Organization
    field: str
    quota: int
    actual: int

    @property
    def balance(self) -> int:
        """Positive: surplus; negative: shortage."""
        return self.actual - self.quota

    @property
    def field_label(self) -> str:
        return str(Field(self.field).label)


@dataclass(frozen=True)
class Move:
    field: str
    source: Organization
    target: Organization
    count: int

    @property
    def field_label(self) -> str:
        return str(Field(self.field).label)


def staffing_rows(people, orgs) -> list[StaffingRow]:
    """`people` and `orgs` are already limited to what the user may see."""
    quota: Counter = Counter()
    for q in StaffingQuota.objects.filter(organization__in=orgs).select_related(
        "organization", "job_position"
    ):
        quota[(unit_id(q.organization), q.job_position.field)] += q.quota
    actual: Counter = Counter()
    for org, field in people.filter(job_position__isnull=False).values_list(
        "organization__path", "job_position__field"
    ):
        actual[(unit_from_path(org), field)] += 1
    keys = set(quota) | set(actual)
    units = Organization.objects.in_bulk({k[0] for k in keys})
    rows = [StaffingRow(units[u], f, quota[(u, f)], actual[(u, f)]) for u, f in keys if u in units]
    return sorted(rows, key=lambda r: (r.unit.path, r.field))


def suggest_moves(rows: list[StaffingRow]) -> list[Move]:
    """Pair communes with a surplus and communes short of staff in the same field."""
    moves = []
    for field in sorted({r.field for r in rows} - NO_SUGGESTION_FIELDS):
        moves += _moves_in_field(field, [r for r in rows if r.field == field])
    return moves


def _moves_in_field(field: str, rows: list[StaffingRow]) -> list[Move]:
    order = lambda r: (-abs(r.balance), r.unit.name)  # noqa: E731
    surplus = [[r.unit, r.balance] for r in sorted(rows, key=order) if r.balance > 0]
    shortage = [[r.unit, -r.balance] for r in sorted(rows, key=order) if r.balance < 0]
    moves = []
    while surplus and shortage:
        count = min(surplus[0][1], shortage[0][1])
        moves.append(Move(field, surplus[0][0], shortage[0][0], count))
        for side in (surplus, shortage):
            side[0][1] -= count
            if side[0][1] == 0:
                side.pop(0)
    return moves
