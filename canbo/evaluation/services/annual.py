"""Annual classification (Art. 20–21): exact averages of the months worked, overrides.

The average, the overrides and the quota arithmetic come from canbo.scoring; this module
gathers the monthly totals and stores the results. The quota, the authority's decisions and
finalisation live in `canbo.evaluation.services.quota`.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db import transaction
from django.db.models.fields.json import KT
from django.utils.translation import gettext as _

from canbo.cadre.services.records import overrides_by_person
from canbo.core import audit
from canbo.evaluation.choices import AnnualStatus, PeriodKind, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.groups import default_groups
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.evaluation.permissions import can_manage_periods
from canbo.evaluation.services.quota import (  # noqa: F401 (the annual screen's API)
    can_decide,
    decide_final_level,
    excepted,
    finalise_annual,
    lock_communes,
    may_decide,
    over_cap_message,
    quota,
    quota_summary,
    record_quota_exception,
    set_task_group,
)
from canbo.evaluation.services.result import STORED_PLACES
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.people.choices import LeaveKind
from canbo.people.leave import not_worked_months
from canbo.people.models import LeavePeriod, Person
from canbo.scoring import YearPeriod, lower_than, rulebook_for, score_year
from canbo.scoring.numfmt import rounded

COUNTED = (SheetStatus.PUBLISHED, SheetStatus.CONTESTED)


@dataclass(frozen=True)
class MonthSheet:
    """What the year needs of a monthly sheet (loaded without the result JSON)."""

    start: date
    status: str
    worked: bool
    total: Decimal | None
    total_exact: str | None


def _monthly(year: int, people) -> dict[int, list[MonthSheet]]:
    rows = (
        EvaluationSheet.objects.filter(
            person_id__in=people,
            period__kind=PeriodKind.MONTH,
            period__start__year=year,
        )
        .order_by("period__start")
        .values_list(
            "person_id", "period__start", "status", "worked", "total", KT("result__total_exact")
        )
    )
    by_person: dict[int, list[MonthSheet]] = defaultdict(list)
    for person_id, *values in rows:
        by_person[person_id].append(MonthSheet(*values))
    return by_person


def exact_total(sheet: MonthSheet) -> Fraction | Decimal | None:
    """The month's unrounded total: the fraction frozen at approval, never the stored
    4-decimal value (89.99998857 must not become 90)."""
    if sheet.total_exact:
        return Fraction(sheet.total_exact)
    return sheet.total


def _year_input(sheets: list[MonthSheet], leave: dict) -> list[YearPeriod]:
    """Approved months count; months not worked (leave) are excluded by the rules, and the
    explanation names the leave behind them."""
    return [
        YearPeriod(
            exact_total(sheet) if sheet.status in COUNTED else None,
            worked=sheet.worked,
            name=_month_name(sheet, leave),
            maternity=not sheet.worked and sheet.start in leave.get(MATERNITY, ()),
        )
        for sheet in sheets
    ]


MATERNITY = "maternity"  # key of the months of maternity leave in a person's leave map


def _leave_maps(people, year: int) -> dict[int, dict]:
    """Per person: month → reason of the months not worked, and the maternity months."""
    leave: dict[int, dict] = not_worked_months(people, year)
    for person_id, start, end in LeavePeriod.objects.filter(
        person_id__in=people,
        kind=LeaveKind.MATERNITY,
        start__lte=date(year, 12, 31),
        end__gte=date(year, 1, 1),
    ).values_list("person_id", "start", "end"):
        months = {
            date(year, m, 1)
            for m in range(1, 13)
            if date(year, m, 1) <= end and start < _next_month(date(year, m, 1))
        }
        leave.setdefault(person_id, {}).setdefault(MATERNITY, set()).update(months)
    return leave


def _next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _month_name(sheet: MonthSheet, leave: dict) -> str:
    name = _("Month %(month)s") % {"month": f"{sheet.start:%m/%Y}"}
    reason = leave.get(sheet.start) if not sheet.worked else None
    return f"{name} ({reason})" if reason else name


def communes_by_path() -> dict[str, Organization]:
    return {o.path: o for o in Organization.objects.filter(kind__in=COMMUNE_KINDS)}


def commune_of(org: Organization, communes: dict[str, Organization]) -> Organization:
    parts = org.path.strip("/").split("/")
    return communes.get("/" + "/".join(parts[:2]) + "/", org)


@transaction.atomic
def compute_annual(actor, year: int, organization: Organization, operator: bool = False) -> int:
    """(Re)compute every draft annual result of the subtree; finalised ones are kept.
    `operator`: the server's command line, which acts without a user."""
    if not operator and not can_manage_periods(actor):
        raise EvaluationError(_("You may not compute the annual ratings."))
    lock_communes(organization)  # one compute or finalise per commune at a time
    in_scope = Person.objects.filter(organization__path__startswith=organization.path)
    people = list(in_scope.select_related("organization", "job_position", "title"))
    ids = in_scope.values("pk")  # a subquery: no list of ten thousand parameters
    results = AnnualResult.objects.filter(year=year, person__in=ids)
    existing = {r.person_id: r for r in results.filter(status=AnnualStatus.DRAFT)}
    final = set(results.filter(status=AnnualStatus.FINAL).values_list("person_id", flat=True))
    before = {person_id: _values(row) for person_id, row in existing.items()}
    months, communes = _monthly(year, ids), communes_by_path()
    overrides, groups = overrides_by_person(year, ids), default_groups(people)
    leave = _leave_maps(ids, year)
    rulebook = rulebook_for(date(year, 1, 1))
    rows = [
        _row(
            person,
            year,
            months.get(person.pk, []),
            rulebook,
            communes,
            overrides.get(person.pk, []),
            existing.get(person.pk),
            groups[person.pk],
            leave.get(person.pk, {}),
        )
        for person in people
        if person.pk not in final
    ]
    _write([r for r in rows if r.pk is None or _values(r) != before[r.person_id]])
    audit.record(
        actor, "evaluation.compute_annual", organization, after={"year": year, "rows": len(rows)}
    )
    return len(rows)


ROW_FIELDS = [
    "organization",
    "task_group",
    "average",
    "average_exact",
    "periods_used",
    "periods_absent",
    "overrides",
    "classification",
    "label",
    "explanation",
    "final_level",
    "final_reason",
    "final_decision",
    "decided_by",
    "decided_at",
]


def _values(row: AnnualResult) -> tuple:
    return tuple(getattr(row, row._meta.get_field(name).attname) for name in ROW_FIELDS)


def _write(rows: list[AnnualResult]) -> None:
    """Insert new rows and update changed ones in one INSERT ... ON CONFLICT per batch (a
    bulk_update builds a CASE per field and row: minutes for a province at scale)."""
    for row in rows:
        row.pk = None  # the stored row keeps its id: the conflict on (person, year) updates it
    AnnualResult.objects.bulk_create(
        rows,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["person", "year"],
        update_fields=[*ROW_FIELDS, "computed_at"],
    )


def _row(person, year, sheets, rulebook, communes, overrides, row, group, leave) -> AnnualResult:
    result = score_year(_year_input(sheets, leave), rulebook, overrides)
    row = row or AnnualResult(person=person, year=year)
    row.organization = commune_of(person.organization, communes)
    if not row.task_group_manual:
        row.task_group = group
    exact = result.total
    row.average = None if exact is None else rounded(exact, STORED_PLACES)
    row.average_exact = "" if exact is None else str(exact)
    row.periods_used = result.periods_used
    row.periods_absent = sum(1 for sheet in sheets if not sheet.worked)
    row.overrides = list(overrides)
    row.classification, row.label = result.classification or "", result.label or ""
    row.explanation = [s.as_dict() for s in result.explanation]
    _keep_decision_if_lower(row)
    return row


def _keep_decision_if_lower(row: AnnualResult) -> None:
    """A decided lower level stands only while it is still lower than the score level."""
    if row.final_level and not lower_than(row.final_level, row.classification):
        row.final_level = row.final_reason = row.final_decision = ""
        row.decided_by = row.decided_at = None


def missing_months(year: int, person_ids) -> dict[int, int]:
    """Per person: months worked whose sheet is not approved (the year is incomplete)."""
    rows = (
        EvaluationSheet.objects.filter(
            person_id__in=list(person_ids),
            period__kind=PeriodKind.MONTH,
            period__start__year=year,
            worked=True,
        )
        .exclude(status__in=COUNTED)
        .values_list("person_id", flat=True)
    )
    counts: dict[int, int] = defaultdict(int)
    for person_id in rows:
        counts[person_id] += 1
    return dict(counts)


def annual_classifications(sender, person, years, **kwargs) -> list[tuple[int, str]]:
    """Answers cadre.signals.classifications_requested: the final (or computed) levels."""
    rows = (
        AnnualResult.objects.filter(person=person, year__in=list(years))
        .exclude(classification="")
        .values_list("year", "final_level", "classification")
    )
    return [(year, final or score) for year, final, score in rows]
