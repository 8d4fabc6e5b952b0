"""Annual classification (Art. 20–21) and the 20 % quota on "excellent" (Art. 20).

The average, the overrides and the quota arithmetic come from canbo.scoring; this module
gathers the monthly totals, stores the results and enforces the finalisation rule.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal
from functools import lru_cache

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from canbo.cadre.services.records import overrides_by_person
from canbo.core import audit
from canbo.evaluation.choices import AnnualStatus, PeriodKind, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import AnnualResult, EvaluationSheet, QuotaException
from canbo.evaluation.permissions import can_manage_periods
from canbo.org.choices import COMMUNE_KINDS, Field
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.scoring import (
    QuotaEntry,
    YearPeriod,
    check_quota,
    exceeds_quota,
    rulebook_for,
    score_year,
)

COUNTED = (SheetStatus.PUBLISHED, SheetStatus.CONTESTED)
WHOLE_AGENCY = "Toàn cơ quan"


@lru_cache(maxsize=64)
def _group_label(task_group: str) -> str:
    """Civil servants with similar tasks: grouped by the field of their job position."""
    label = Field(task_group).label if task_group in Field.values else "Chưa xác định"
    return f"Nhóm {label}"


def _monthly(year: int, people: list[int]) -> dict[int, list[EvaluationSheet]]:
    sheets = EvaluationSheet.objects.filter(
        person_id__in=people, period__kind=PeriodKind.MONTH, period__start__year=year,
    ).select_related("period").order_by("period__start")
    by_person: dict[int, list[EvaluationSheet]] = defaultdict(list)
    for sheet in sheets:
        by_person[sheet.person_id].append(sheet)
    return by_person


def _year_input(sheets: list[EvaluationSheet]) -> list[YearPeriod]:
    """Approved months count; months not worked (leave) are excluded by the rules."""
    return [
        YearPeriod(sheet.total if sheet.status in COUNTED else None, worked=sheet.worked,
                   name=f"Tháng {sheet.period.start:%m/%Y}")
        for sheet in sheets
    ]


def communes_by_path() -> dict[str, Organization]:
    return {o.path: o for o in Organization.objects.filter(kind__in=COMMUNE_KINDS)}


def commune_of(org: Organization, communes: dict[str, Organization]) -> Organization:
    parts = org.path.strip("/").split("/")
    return communes.get("/" + "/".join(parts[:2]) + "/", org)


@transaction.atomic
def compute_annual(actor, year: int, organization: Organization) -> int:
    """(Re)compute every draft annual result of the subtree; finalised ones are kept."""
    if not can_manage_periods(actor):
        raise EvaluationError("Bạn không có quyền tổng hợp xếp loại năm.")
    people = list(Person.objects.filter(organization__path__startswith=organization.path)
                  .select_related("organization", "job_position"))
    existing = {r.person_id: r for r in AnnualResult.objects.filter(
        year=year, person__in=[p.pk for p in people])}
    months, communes = _monthly(year, [p.pk for p in people]), communes_by_path()
    overrides = overrides_by_person(year, [p.pk for p in people])
    rulebook = rulebook_for(date(year, 1, 1))
    rows = [_row(person, year, months.get(person.pk, []), rulebook, communes,
                 overrides.get(person.pk, []), existing.get(person.pk))
            for person in people
            if person.pk not in existing or existing[person.pk].status != AnnualStatus.FINAL]
    AnnualResult.objects.bulk_create([r for r in rows if r.pk is None], batch_size=1000)
    AnnualResult.objects.bulk_update([r for r in rows if r.pk is not None], ROW_FIELDS,
                                     batch_size=1000)
    audit.record(actor, "evaluation.compute_annual", organization,
                 after={"year": year, "rows": len(rows)})
    return len(rows)


ROW_FIELDS = ["organization", "task_group", "average", "periods_used", "overrides",
              "classification", "label", "explanation"]


def _row(person, year, sheets, rulebook, communes, overrides, row) -> AnnualResult:
    result = score_year(_year_input(sheets), rulebook, overrides)
    total = None if result.total is None else Decimal(str(round(float(result.total), 4)))
    row = row or AnnualResult(person=person, year=year)
    row.organization = commune_of(person.organization, communes)
    row.task_group = person.job_position.field if person.job_position else ""
    row.average, row.periods_used, row.overrides = total, result.periods_used, list(overrides)
    row.classification, row.label = result.classification or "", result.label or ""
    row.explanation = [s.as_dict() for s in result.explanation]
    return row


def excepted(year: int) -> set[int]:
    """The communes allowed above the quota in the year (an exception decision)."""
    return set(QuotaException.objects.filter(year=year).values_list("organization_id", flat=True))


def quota_summary(year: int, results, exceptions: set[int] | None = None) -> dict[int, dict]:
    """Per commune: level counts of the agency and whether it or any task group is over the
    cap, from counts (one query) — the margins come from `quota` for one commune at a time.
    `exceptions` (see `excepted`) spares a query to a caller that already has them."""
    exceptions = excepted(year) if exceptions is None else exceptions
    rulebook = rulebook_for(date(year, 1, 1))
    agency: dict[int, dict[str, int]] = defaultdict(dict)
    groups: dict[tuple, dict[str, int]] = defaultdict(dict)
    # Unclassified results (no worked month) are counted under "" so every commune shows.
    rows = results.values_list(
        "organization_id", "task_group", "classification").annotate(n=Count("id")).order_by()
    for org_id, group, level, n in rows:
        agency[org_id][level] = agency[org_id].get(level, 0) + n
        groups[(org_id, group)][level] = n
    over = {org for (org, _), counts in groups.items()
            if exceeds_quota(counts, rulebook, org in exceptions)}
    return {org: {"counts": counts, "exceeded": org in over or exceeds_quota(
        counts, rulebook, org in exceptions)} for org, counts in agency.items()}


def quota(year: int, results, exceptions: set[int] | None = None) -> dict:
    """Per commune: the report for the whole agency and per task group, honouring exceptions."""
    exceptions = excepted(year) if exceptions is None else exceptions
    by_org: dict[int, list[AnnualResult]] = defaultdict(list)
    for row in results:
        if row.classification:
            by_org[row.organization_id].append(row)
    rulebook = rulebook_for(date(year, 1, 1))
    reports = {}
    for org_id, rows in by_org.items():
        entries = [QuotaEntry(str(r.person_id), WHOLE_AGENCY, r.classification, r.average or 0)
                   for r in rows]
        entries += [QuotaEntry(str(r.person_id), _group_label(r.task_group), r.classification,
                               r.average or 0) for r in rows]
        reports[org_id] = check_quota(entries, rulebook, exception=org_id in exceptions)
    return reports


@transaction.atomic
def finalise_annual(actor, year: int, organization: Organization) -> int:
    """Finalise the subtree's results; refused while any quota is exceeded."""
    if not can_manage_periods(actor):
        raise EvaluationError("Bạn không có quyền chốt xếp loại năm.")
    rows = list(AnnualResult.objects.filter(
        year=year, person__organization__path__startswith=organization.path,
        status=AnnualStatus.DRAFT))
    over = [r for r in quota(year, rows).values() if r.exceeded]
    if over:
        texts = "; ".join(g.text for report in over for g in report.groups if g.exceeded)
        raise EvaluationError(f"Vượt tỷ lệ “Hoàn thành xuất sắc”: {texts} "
                              "Hãy điều chỉnh hoặc ghi nhận quyết định ngoại lệ trước khi chốt.")
    now = timezone.now()
    AnnualResult.objects.filter(pk__in=[r.pk for r in rows]).update(
        status=AnnualStatus.FINAL, finalised_at=now)
    audit.record(actor, "evaluation.finalise_annual", organization,
                 after={"year": year, "rows": len(rows)})
    return len(rows)


@transaction.atomic
def record_quota_exception(actor, organization: Organization, year: int,
                           decision: str) -> QuotaException:
    if not can_manage_periods(actor):
        raise EvaluationError("Bạn không có quyền ghi nhận ngoại lệ tỷ lệ.")
    if not decision.strip():
        raise EvaluationError("Cần ghi số, ngày quyết định công nhận thành tích vượt trội.")
    exception, _ = QuotaException.objects.update_or_create(
        organization=organization, year=year,
        defaults={"decision": decision.strip(), "recorded_by": actor})
    audit.record(actor, "evaluation.quota_exception", organization, reason=decision)
    return exception


def annual_classifications(person, years) -> list[tuple[int, str]]:
    """The cadre module's source of classifications (settings.CANBO_CLASSIFICATION_SOURCE)."""
    rows = AnnualResult.objects.filter(person=person, year__in=list(years)) \
        .exclude(classification="").values_list("year", "classification")
    return list(rows)


def commune_path(path: str | None) -> str:
    parts = (path or "").strip("/").split("/")
    return "/" + "/".join(parts[:2]) + "/"
