"""Published agency evaluations of the communes (issue 15's Contract), for connected systems
with the agency:read scope, within the client's subtree."""

from django.utils.translation import gettext_lazy as _
from ninja import Field, Query, Router, Schema

from canbo.agency.models import AgencyEvaluation, EvaluationStatus
from canbo.agency.report import contract_rows
from canbo.integration.api.auth import require_scope
from canbo.integration.api.tasks import ERRORS

router = Router(tags=["agency"])


class AgencyFilters(Schema):
    year: int = Field(..., ge=2000, le=2100, description=_("Evaluation year, e.g. 2026"))


class CriterionOut(Schema):
    name: str
    points: str
    max: str
    source: str = Field(description="computed | entered")


class IndicatorOut(Schema):
    name: str
    unit: str
    target: str | None
    actual: str | None
    points: str


class AgencyOut(Schema):
    code: str
    name: str
    general: str = Field(description=_("2 decimal places"))
    task: str
    total: str
    level: str = Field(description="excellent|good|complete|fail")
    status: str
    criteria: list[CriterionOut]
    indicators: list[IndicatorOut]


@router.get("/agency/results", response={200: list[AgencyOut], **ERRORS})
def agency_results(request, filters: Query[AgencyFilters]):
    """Published agency evaluations of a year: one row per commune, ranked by total."""
    client = require_scope(request, "agency:read")
    rows = (
        AgencyEvaluation.objects.visible_to(client)
        .filter(year=filters.year, status=EvaluationStatus.PUBLISHED)
        .order_by("-total", "organization__name")
    )
    return contract_rows(rows)
