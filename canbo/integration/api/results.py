"""Published evaluation results, for connected systems with the results:read scope."""

from datetime import datetime
from decimal import Decimal
from operator import attrgetter

from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from canbo.core.access import within
from canbo.evaluation.choices import AnnualStatus, SheetStatus
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.integration.api.auth import require_scope
from canbo.integration.api.errors import ApiError
from canbo.integration.api.paging import Listing, Page, Pages
from canbo.integration.api.tasks import ERRORS, org_path
from canbo.integration.tasks.schemas import CODE_PATTERN, PERIOD_PATTERN
from canbo.reports.annual_report import average_text
from canbo.scoring import LABELS
from canbo.work.errors import WorkError
from canbo.work.periods import parse_period

router = Router(tags=["results"])


class ResultFilters(Schema):
    period: str = Field(
        ..., pattern=PERIOD_PATTERN, description=gettext_lazy("Period: 2026-10, 2026-Q3, 2026")
    )
    org: str | None = Field(
        None, pattern=CODE_PATTERN, description=gettext_lazy("Unit identifier code")
    )


class ResultOut(Schema):
    person_code: str
    full_name: str
    organization_code: str | None
    organization_name: str | None
    period: str
    total: Decimal | None
    classification: str
    label: str | None
    approved_at: datetime | None
    result: dict | None
    # The ratios of the frozen result (fractions 0–1); d, đ (dd), e only for leaders.
    a: float | None = None
    b: float | None = None
    c: float | None = None
    d: float | None = None
    dd: float | None = None
    e: float | None = None


class AnnualOut(Schema):
    """A finalised annual classification (Art. 20–21)."""

    person_code: str
    full_name: str
    organization_code: str | None
    organization_name: str | None
    period: str
    year: int
    average: str | None = Field(description=gettext_lazy("Average score, 2 decimal places"))
    score_level: str | None = Field(
        description=gettext_lazy("Level by score: excellent|good|complete|fail")
    )
    final_level: str | None = Field(
        description=gettext_lazy("Final classification level (after the decision)")
    )
    classification: str | None
    label: str | None
    overrides: list[str]
    decision: str | None
    finalised_at: datetime | None


class ResultPage(Page):
    items: list[ResultOut | AnnualOut]


@router.get("/results", response={200: ResultPage, **ERRORS})
@paginate(Pages)
def list_results(request, filters: Query[ResultFilters]):
    """Approved and published evaluation results of a period, within the client's subtree."""
    client = require_scope(request, "results:read")
    try:
        period = parse_period(filters.period)
    except WorkError as exc:
        raise ApiError(422, "invalid", exc.message, "period") from None
    if period.kind == "year":
        return _annual(client, filters, period)
    sheets = (
        EvaluationSheet.objects.visible_to(client)
        .filter(status=SheetStatus.PUBLISHED, period__kind=period.kind, period__start=period.start)
        .select_related("person__organization", "period")
    )
    if filters.org:
        sheets = within(sheets, org_path(client, filters.org), "person__organization__path")
    return Listing(
        sheets.order_by("person__code", "id"),
        lambda sheet: _out(sheet, period.label),
        attrgetter("person_id"),
        "api.results",
    )


def _annual(client, filters: ResultFilters, period) -> Listing:
    """Finalised annual results of the year, within the client's subtree."""
    rows = (
        AnnualResult.objects.visible_to(client)
        .filter(year=period.start.year, status=AnnualStatus.FINAL)
        .select_related("person", "organization")
    )
    if filters.org:
        rows = within(rows, org_path(client, filters.org), "person__organization__path")
    return Listing(
        rows.order_by("person__code", "id"),
        lambda row: _annual_out(row, period.label),
        attrgetter("person_id"),
        "api.results",
    )


def _annual_out(row: AnnualResult, label: str) -> AnnualOut:
    org = row.organization
    return AnnualOut(
        person_code=row.person.code,
        full_name=row.person.full_name,
        organization_code=org.code,
        organization_name=org.name,
        period=label,
        year=row.year,
        average=average_text(row),
        score_level=row.classification or None,
        final_level=row.level or None,
        classification=row.level or None,
        label=LABELS.get(row.level) if row.level else None,
        overrides=list(row.overrides or []),
        decision=row.final_decision or None,
        finalised_at=row.finalised_at,
    )


def _out(sheet: EvaluationSheet, label: str) -> ResultOut:
    person, org = sheet.person, sheet.person.organization
    result = sheet.result or {}
    return ResultOut(
        person_code=person.code,
        full_name=person.full_name,
        organization_code=org.code if org else None,
        organization_name=org.name if org else None,
        period=label,
        total=sheet.total,
        classification=sheet.classification,
        label=result.get("label"),
        approved_at=sheet.approved_at,
        result=sheet.result,
        **{key: result.get(key) for key in ("a", "b", "c", "d", "dd", "e")},
    )
