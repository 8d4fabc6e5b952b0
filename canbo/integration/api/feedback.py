"""Citizen satisfaction: dossiers (with their ratings) in from the one-stop system, the monthly
index out. Scopes `dossiers:write` and `satisfaction:read`."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field as NinjaField
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import BaseModel, Field, field_validator

from canbo.feedback.dossiers import DossierData, RatingData, check_dossiers, write_dossiers
from canbo.feedback.index import dossiers_for, index_rows
from canbo.integration.api.auth import require_scope
from canbo.integration.api.errors import ApiError, refuse_big_batch
from canbo.integration.api.paging import Listing, Page, Pages
from canbo.integration.api.tasks import ERRORS, org_path
from canbo.integration.tasks import fast_insert
from canbo.integration.tasks.schemas import (
    CODE_PATTERN,
    MAX_BATCH,
    SOURCE_PATTERN,
    STRICT,
    Code,
    Day,
    Text,
)
from canbo.people.models import Person

router = Router(tags=["satisfaction"])
DOSSIER_CODE = r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$"
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
STATUS = {"invalid": 422, "unknown_officer": 422, "period_locked": 409}
ConcernCode = Literal["attitude", "time", "extra_papers", "guidance", "fees", "facilities"]


class RatingIn(BaseModel):
    model_config = STRICT
    level: int = Field(
        ..., ge=1, le=5, description=gettext_lazy("5 very satisfied … 1 very dissatisfied")
    )
    comment: Annotated[Text, Field(max_length=1000)] = ""
    concerns: Annotated[list[ConcernCode], Field(max_length=6)] = []
    rated_at: datetime | None = None


class DossierIn(BaseModel):
    model_config = STRICT
    code: Annotated[str, Field(pattern=DOSSIER_CODE)] = Field(
        ..., description=gettext_lazy("Dossier code")
    )
    procedure: Annotated[Text, Field(max_length=300)] = ""
    officer_code: Code = Field(..., description=gettext_lazy("Code of the handling officer"))
    received_date: Day
    due_date: Day | None = None
    returned_date: Day | None = None
    status: Literal["received", "processing", "returned", "cancelled"] = "received"
    complained: bool = False
    rating: RatingIn | None = None


class DossiersIn(BaseModel):
    model_config = STRICT
    source: Annotated[str, Field(pattern=SOURCE_PATTERN)] = "onestop"
    dossiers: Annotated[list[DossierIn], Field(min_length=1, max_length=MAX_BATCH)]

    @field_validator("dossiers", mode="before")
    @classmethod
    def _not_too_many(cls, value):
        message = _("Each request sends at most %(max)s dossiers (received %(count)s).")
        return refuse_big_batch(value, MAX_BATCH, "dossiers", message)


class DossiersOut(Schema):
    received: int
    created: int
    updated: int
    unchanged: int
    written: int


class SatisfactionFilters(Schema):
    period: str = NinjaField(..., pattern=MONTH_PATTERN, description=gettext_lazy("Month: 2026-10"))
    org: str | None = NinjaField(
        None, pattern=CODE_PATTERN, description=gettext_lazy("Unit identifier code")
    )


class SatisfactionRow(Schema):
    person_code: str | None
    org_code: str | None
    dossiers: int
    rated: int
    satisfied: int
    dissatisfied: int
    index: Decimal | None
    on_time: Decimal | None


class SatisfactionPage(Page):
    items: list[SatisfactionRow]


def _data(row: DossierIn) -> DossierData:
    rating = None
    if row.rating is not None:
        rating = RatingData(
            row.rating.level, row.rating.comment, tuple(row.rating.concerns), row.rating.rated_at
        )
    return DossierData(
        code=row.code,
        officer_code=row.officer_code,
        received_date=row.received_date,
        procedure=row.procedure,
        due_date=row.due_date,
        returned_date=row.returned_date,
        status=row.status,
        complained=row.complained,
        rating=rating,
    )


@router.post("/dossiers/bulk", response={200: DossiersOut, **ERRORS})
def bulk_dossiers(request, payload: DossiersIn):
    """Create or update up to 1,000 dossiers (with their ratings), idempotently on the dossier
    code within the officer's commune; all or nothing; the same batch twice writes nothing."""
    client = require_scope(request, "dossiers:write")
    rows = [_data(row) for row in payload.dossiers]
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                result = _write(client, payload.source, rows)
            break
        except IntegrityError:
            if attempt == 2:
                raise ApiError(
                    409,
                    "conflict",
                    _(
                        "The dossiers are being written by another request at the same time. "
                        "Please send again."
                    ),
                ) from None
    request.api_counts = {"received": result.received, "written": result.written}
    return result.as_dict()


def _write(client, source: str, rows: list[DossierData]):
    checked = check_dossiers(Person.objects.visible_to(client), rows)
    for i, item in enumerate(checked):
        if item.errors:
            status, code = STATUS[item.error_kind], item.error_kind
            if (
                code == "unknown_officer"
                and Person.objects.filter(code=item.data.officer_code).exists()
            ):
                status, code = 403, "outside_scope"
            raise ApiError(
                status,
                code,
                f"dossiers[{i}] ({item.data.code}): {item.errors[0]}",
                f"dossiers[{i}]",
            )
    return write_dossiers(None, checked, source, fast_insert.insert_rows)


@router.get("/satisfaction", response={200: SatisfactionPage, **ERRORS})
@paginate(Pages)
def satisfaction(request, filters: Query[SatisfactionFilters]):
    """The Decision 766 index per officer for one month, within the client's subtree."""
    client = require_scope(request, "satisfaction:read")
    year, month = (int(part) for part in filters.period.split("-"))
    path = org_path(client, filters.org) if filters.org else None
    rows = index_rows(dossiers_for(client, [date(year, month, 1)], path), "officer")
    return Listing(rows, lambda r: r.as_api())
