"""Input and output schemas of the task API. Inputs refuse unknown fields.

Inputs are plain pydantic models: ninja's Schema adds a Django-aware root validator to every
object, which costs more than the rest of a 500-task batch.
"""

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Schema
from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator

from canbo.integration.api.errors import refuse_big_batch
from canbo.integration.api.paging import Page

MAX_BATCH = 1000
SOURCE_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,31}$"
EXTERNAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$"
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,34}$"
PERIOD_PATTERN = r"^\d{4}(-(\d{1,2}|[Qq][1-4]))?$"
MIN_DAY, MAX_DAY = date(2000, 1, 1), date(2100, 12, 31)
STRICT = ConfigDict(extra="forbid")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
Date = date  # a field below is named "date"


def _clean_text(value: str) -> str:
    """NFC, no NUL or other control characters except line breaks, valid UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(_("The string contains invalid Unicode characters.")) from None
    if CONTROL.search(value):
        raise ValueError(_("The string contains invalid control characters."))
    return unicodedata.normalize("NFC", value).strip()


def _check_day(value: date | None) -> date | None:
    if value is not None and not MIN_DAY <= value <= MAX_DAY:
        raise ValueError(_("The date must lie between 01/01/2000 and 31/12/2100."))
    return value


Text = Annotated[str, AfterValidator(_clean_text)]
Day = Annotated[date, AfterValidator(_check_day)]
Code = Annotated[str, Field(pattern=CODE_PATTERN)]
ExternalId = Annotated[str, Field(pattern=EXTERNAL_ID_PATTERN)]
Coefficient = Annotated[Decimal, Field(gt=0, le=Decimal("999.99"), decimal_places=2)]
Quantity = Annotated[Decimal, Field(gt=0, le=Decimal("9999999.99"), decimal_places=2)]
Status = Literal["assigned", "completed", "cancelled"]
EventKind = Literal[
    "assigned", "deadline_extended", "completed", "returned_for_rework", "cancelled"
]


class DocumentIn(BaseModel):
    """The document the task comes from (số/ký hiệu, ngày, trích yếu, cơ quan ban hành)."""

    model_config = STRICT
    number: Annotated[Text, Field(max_length=100)] | None = None
    date: Day | None = None
    subject: Annotated[Text, Field(max_length=1000)] | None = None
    issuer: Annotated[Text, Field(max_length=300)] | None = None


class TaskIn(BaseModel):
    model_config = STRICT
    assignee_code: Code | None = Field(None, description=gettext_lazy("Assignee's code"))
    organization_code: Code | None = Field(
        None, description=gettext_lazy("Identifier code of the assigned unit")
    )
    assigner_code: Code | None = Field(None, description=gettext_lazy("Assigner's code"))
    catalog_item_code: Code | None = Field(None, description=gettext_lazy("Catalogue item code"))
    coefficient: Coefficient | None = Field(
        None, description=gettext_lazy("Coefficient (when there is no item code)")
    )
    name: Annotated[Text, Field(max_length=300)] = ""
    quantity: Quantity = Decimal("1")
    assigned_date: Day
    due_date: Day | None = None
    status: Status = "assigned"
    completed_date: Day | None = None
    document: DocumentIn | None = None


class BulkTaskIn(TaskIn):
    external_id: ExternalId


class BulkIn(BaseModel):
    model_config = STRICT
    source: Annotated[str, Field(pattern=SOURCE_PATTERN)]
    tasks: Annotated[list[BulkTaskIn], Field(min_length=1, max_length=MAX_BATCH)]

    @field_validator("tasks", mode="before")
    @classmethod
    def _not_too_many(cls, value):
        message = _("Each request sends at most %(limit)s tasks (received %(count)s).")
        return refuse_big_batch(value, MAX_BATCH, "tasks", message)


class EventIn(BaseModel):
    model_config = STRICT
    event_id: ExternalId
    kind: EventKind
    occurred_at: datetime
    actor_code: Code | None = None
    new_due: Day | None = Field(None, description=gettext_lazy("Required with deadline_extended"))
    completed_date: Day | None = Field(None, description=gettext_lazy("Required with completed"))
    note: Annotated[Text, Field(max_length=2000)] = ""


class BulkEventIn(EventIn):
    external_id: ExternalId


class BulkEventsIn(BaseModel):
    model_config = STRICT
    source: Annotated[str, Field(pattern=SOURCE_PATTERN)]
    events: Annotated[list[BulkEventIn], Field(min_length=1, max_length=MAX_BATCH)]

    @field_validator("events", mode="before")
    @classmethod
    def _not_too_many(cls, value):
        message = _("Each request sends at most %(limit)s events.")
        return refuse_big_batch(value, MAX_BATCH, "events", message)


class DocumentOut(Schema):
    number: str | None = None
    date: Date | None = None
    subject: str | None = None
    issuer: str | None = None


class TaskOut(Schema):
    source: str
    external_id: str
    name: str
    assignee_code: str | None
    organization_code: str | None
    organization_name: str
    assigner_code: str | None
    catalog_item_code: str | None
    coefficient: Decimal
    quantity: Decimal
    assigned_date: date
    due_date: date | None
    completed_date: date | None
    status: str
    period: str
    quality_failures: int
    delays: int
    document: DocumentOut | None
    events: int


class TaskPage(Page):
    items: list[TaskOut]


class UpsertOut(Schema):
    received: int
    created: int
    updated: int
    unchanged: int
    written: int


class EventsOut(Schema):
    received: int
    written: int
    tasks_changed: int
