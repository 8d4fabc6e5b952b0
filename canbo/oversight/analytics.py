"""Supervision analytics (plan II.2.2: "chấn chỉnh tình trạng đánh giá cán bộ không sát"):
where the evaluations look too generous, over one year's sheets and tasks.

Aggregates only, computed over the rows the oversight rule lets the user see; a reviewer is
named by their account, not their personal record.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Count, F, Q

from canbo.core.access import visible_oversight
from canbo.core.paths import commune_path
from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.models import EvaluationSheet
from canbo.org.models import Organization
from canbo.scoring import to_fraction
from canbo.work.models import Task

EXCELLENT, FAIL = "excellent", "fail"
NEVER_ADJUSTS_MIN = 5  # a reviewer who reviewed at least this many sheets and changed none
CAPABILITY = "oversight.plan.view"


@dataclass
class CommuneRow:
    name: str
    sheets: int = 0
    excellent: int = 0
    gap_total: Fraction = Fraction(0)
    gap_sheets: int = 0  # the mean is over every sheet (an unadjusted one has no gap)
    late_tasks: int = 0
    late_unrecorded: int = 0

    @property
    def excellent_share(self) -> float:
        return 100 * self.excellent / self.sheets if self.sheets else 0.0

    @property
    def mean_gap(self) -> float:
        """The exact quotient, converted once (the page and the export round it half up)."""
        return float(self.gap_total / self.gap_sheets) if self.gap_sheets else 0.0


@dataclass
class ReviewerRow:
    name: str
    reviewed: int = 0
    excellent: int = 0
    adjusted: int = 0

    @property
    def excellent_share(self) -> float:
        return 100 * self.excellent / self.reviewed if self.reviewed else 0.0

    @property
    def never_adjusts(self) -> bool:
        return self.reviewed >= NEVER_ADJUSTS_MIN and not self.adjusted


@dataclass
class Analytics:
    year: int
    communes: list[CommuneRow] = field(default_factory=list)
    reviewers: list[ReviewerRow] = field(default_factory=list)
    lenient_leaders: list[tuple[str, str, str]] = field(default_factory=list)  # unit, month, n


def supervision_analytics(user, year: int) -> Analytics:
    """A fixed number of grouped queries; only adjusted sheets and leaders' sheets are
    fetched row by row."""
    communes = {o.path: o.name for o in Organization.objects.filter(depth=1)}
    rows: dict[str, CommuneRow] = {}

    def row_of(path: str) -> CommuneRow | None:
        name = communes.get(commune_path(path))
        return rows.setdefault(name, CommuneRow(name)) if name else None

    sheets = visible_oversight(
        EvaluationSheet.objects.all(), user, CAPABILITY, "person__organization__path"
    ).filter(
        period__start__year=year,
        worked=True,
        status__in=[SheetStatus.REVIEWED, SheetStatus.PUBLISHED, SheetStatus.CONTESTED],
    )
    excellent = Count("id", filter=Q(classification=EXCELLENT))
    for path, n, top in (
        sheets.values_list("person__organization__path")
        .annotate(n=Count("id"), top=excellent)
        .order_by()
    ):
        if (row := row_of(path)) is not None:
            row.sheets += n
            row.excellent += top
    adjusted = sheets.exclude(general_review__isnull=True).exclude(general_self=F("general_review"))
    for path, own, reviewed in adjusted.values_list(
        "person__organization__path", "general_self", "general_review"
    ):
        if (row := row_of(path)) is not None and own and reviewed:
            row.gap_total += _points(own) - _points(reviewed)
    for row in rows.values():
        row.gap_sheets = row.sheets
    reviewers = [
        ReviewerRow(name, n, top, changed)
        for name, n, top, changed in sheets.filter(reviewed_by__isnull=False)
        .values_list("reviewed_by__username")
        .annotate(n=Count("id"), top=excellent, changed=Count("id", filter=Q(id__in=adjusted)))
        .order_by()
    ]
    failing = set(
        sheets.filter(classification=FAIL, is_leader=False).values_list(
            "person__organization_id", "period__start"
        )
    )
    full_d: dict[tuple[int, object], int] = defaultdict(int)
    leaders = sheets.filter(
        is_leader=True,
        person__organization_id__in={org for org, _ in failing},
        period__start__in={start for _, start in failing},
    )
    for org_id, start, d in leaders.values_list(
        "person__organization_id", "period__start", "result__d"
    ):
        if (org_id, start) in failing and d is not None and float(d) >= 1:
            full_d[(org_id, start)] += 1
    _late_tasks(user, year, row_of)
    names = Organization.objects.in_bulk({org for org, _ in full_d})
    return Analytics(
        year=year,
        communes=sorted(rows.values(), key=lambda r: -r.excellent_share),
        reviewers=sorted(reviewers, key=lambda r: (-r.never_adjusts, -r.reviewed)),
        lenient_leaders=[
            (str(names.get(org, "")), f"{start:%m/%Y}", str(n))
            for (org, start), n in sorted(full_d.items())
        ],
    )


def _late_tasks(user, year: int, row_of) -> None:
    tasks = visible_oversight(Task.objects.all(), user, CAPABILITY).filter(
        due_date__year=year, completed_date__gt=F("due_date")
    )
    for path, n, unrecorded in (
        tasks.values_list("organization__path")
        .annotate(n=Count("id"), unrecorded=Count("id", filter=Q(delays=0)))
        .order_by()
    ):
        if (row := row_of(path)) is not None:
            row.late_tasks += n
            row.late_unrecorded += unrecorded


def _points(values: list) -> Fraction:
    """The exact sum of stored criterion points (a float sum could drift: 0.1 + 0.2)."""
    return sum((to_fraction(v) for v in values), Fraction(0))
