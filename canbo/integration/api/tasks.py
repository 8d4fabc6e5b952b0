"""Task endpoints: upsert one or a batch, read, list, and task events."""

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field as NinjaField
from ninja import Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from canbo.core.access import within
from canbo.integration.api.auth import require_scope
from canbo.integration.api.errors import ApiError
from canbo.integration.api.paging import Listing, Pages
from canbo.integration.api.schemas import ErrorOut
from canbo.integration.tasks import identity as task_identity
from canbo.integration.tasks.events import record_events
from canbo.integration.tasks.schemas import (
    CODE_PATTERN,
    EXTERNAL_ID_PATTERN,
    PERIOD_PATTERN,
    SOURCE_PATTERN,
    BulkEventIn,
    BulkEventsIn,
    BulkIn,
    BulkTaskIn,
    DocumentOut,
    EventIn,
    EventsOut,
    TaskIn,
    TaskOut,
    TaskPage,
    UpsertOut,
)
from canbo.integration.tasks.upsert import upsert_tasks
from canbo.org.models import Organization
from canbo.work.errors import WorkError
from canbo.work.models import Task
from canbo.work.periods import parse_period

router = Router(tags=["tasks"])
ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    413: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
}
Source = Path(..., pattern=SOURCE_PATTERN, description=gettext_lazy("Source system, e.g. ioffice"))
ExternalId = Path(
    ..., pattern=EXTERNAL_ID_PATTERN, description=gettext_lazy("Task code in the source system")
)


class TaskFilters(Schema):
    assignee: str | None = NinjaField(
        None, pattern=CODE_PATTERN, description=gettext_lazy("Civil servant code")
    )
    org: str | None = NinjaField(
        None, pattern=CODE_PATTERN, description=gettext_lazy("Unit identifier code")
    )
    period: str | None = NinjaField(
        None, pattern=PERIOD_PATTERN, description=gettext_lazy("Period: 2026-10, 2026-Q3 or 2026")
    )
    source: str | None = NinjaField(None, pattern=SOURCE_PATTERN)
    status: str | None = NinjaField(None, pattern=r"^(assigned|completed|cancelled)$")


class EventOut(Schema):
    received: int
    written: int
    task: TaskOut


def _counted(request, received: int, written: int) -> None:
    request.api_counts = {"received": received, "written": written}


def _upsert(client, source: str, rows: list[BulkTaskIn], prefix: str):
    """Upsert; a concurrent insert of the same ids is retried once, as a re-send."""
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                return upsert_tasks(client, source, rows, prefix)
        except IntegrityError:
            if attempt == 2:
                raise ApiError(
                    409,
                    "conflict",
                    _(
                        "The task is being written at the same time by another request. "
                        "Please send it again."
                    ),
                ) from None
    return None


@router.put("/tasks/{source}/{external_id}", response={200: TaskOut, 201: TaskOut, **ERRORS})
def put_task(request, payload: TaskIn, source: str = Source, external_id: str = ExternalId):
    """Create or update one task, idempotently on (source, external_id) of this system."""
    client = require_scope(request, "tasks:write")
    row = BulkTaskIn(external_id=external_id, **payload.model_dump())
    result = _upsert(client, source, [row], "")
    _counted(request, 1, result.written)
    return Status(201 if result.created else 200, task_out(_one(client, source, external_id)))


@router.post("/tasks/bulk", response={200: UpsertOut, **ERRORS})
def bulk_tasks(request, payload: BulkIn):
    """Create or update up to 1,000 tasks; all or nothing; the same batch twice writes nothing."""
    client = require_scope(request, "tasks:write")
    result = _upsert(client, payload.source, payload.tasks, "tasks")
    _counted(request, result.received, result.written)
    return result.as_dict()


@router.get("/tasks/{source}/{external_id}", response={200: TaskOut, **ERRORS})
def get_task(request, source: str = Source, external_id: str = ExternalId):
    """One task, within the client's organisation subtree."""
    client = require_scope(request, "tasks:read")
    return task_out(_one(client, source, external_id))


@router.get("/tasks", response={200: TaskPage, **ERRORS})
@paginate(Pages)
def list_tasks(request, filters: Query[TaskFilters]):
    """Tasks of the client's subtree, filtered by assignee, organisation, period, source."""
    client = require_scope(request, "tasks:read")
    return Listing(_filtered(client, _tasks(client), filters).order_by("id"), task_out)


@router.post("/tasks/{source}/{external_id}/events", response={200: EventOut, **ERRORS})
def post_event(request, payload: EventIn, source: str = Source, external_id: str = ExternalId):
    """Record one event of a task; the task's state is re-derived from all its events."""
    client = require_scope(request, "tasks:write")
    item = BulkEventIn(external_id=external_id, **payload.model_dump())
    result = record_events(client, source, [item], "")
    _counted(request, 1, result.written)
    return {
        "received": 1,
        "written": result.written,
        "task": task_out(_one(client, source, external_id)),
    }


@router.post("/tasks/events", response={200: EventsOut, **ERRORS})
def post_events(request, payload: BulkEventsIn):
    """Record up to 1,000 events of tasks of one source, in any order; all or nothing."""
    client = require_scope(request, "tasks:write")
    result = record_events(client, payload.source, payload.events, "events")
    _counted(request, result.received, result.written)
    return result.as_dict()


def _tasks(client):
    return (
        Task.objects.visible_to(client)
        .select_related("assignee", "organization", "assigner", "catalog_item", "source_record")
        .annotate(n_events=Count("events"))
    )


def _one(client, source: str, external_id: str) -> Task:
    """The task the client means: its own namespace first (canbo.integration.tasks.identity)."""
    ids = task_identity.candidates(client, source, [external_id]).filter(visible=True)
    pk = ids.values_list("id", flat=True).first()
    return get_object_or_404(_tasks(client), pk=pk)


def _filtered(client, tasks, filters: TaskFilters):
    if filters.assignee:
        tasks = tasks.filter(assignee__code=filters.assignee)
    if filters.org:
        tasks = within(tasks, org_path(client, filters.org))
    if filters.source:
        tasks = tasks.filter(source=filters.source)
    if filters.status:
        tasks = tasks.filter(status=filters.status)
    if filters.period:
        try:
            period = parse_period(filters.period)
        except WorkError as exc:
            raise ApiError(422, "invalid", exc.message, "period") from None
        tasks = tasks.filter(period__gte=period.start, period__lte=period.end)
    return tasks


def org_path(client, code: str) -> str:
    """The path of a visible organisation by electronic code, for subtree filters."""
    org = Organization.objects.visible_to(client).filter(code=code).first()
    if org is None:
        raise ApiError(
            422,
            "invalid",
            _("No unit with identifier code %(code)s in the connected application's scope.")
            % {"code": code},
            "org",
        )
    return org.path


def task_out(task: Task) -> TaskOut:
    record = getattr(task, "source_record", None)
    document = DocumentOut(**record.document) if record and record.document else None
    return TaskOut(
        source=task.source,
        external_id=task.external_id,
        name=task.name,
        assignee_code=task.assignee.code if task.assignee else None,
        organization_code=task.organization.code,
        organization_name=task.organization.name,
        assigner_code=task.assigner.code if task.assigner else None,
        catalog_item_code=task.catalog_item.code if task.catalog_item else None,
        coefficient=task.coefficient,
        quantity=task.quantity,
        assigned_date=task.assigned_date,
        due_date=task.due_date,
        completed_date=task.completed_date,
        status=task.status,
        period=f"{task.period:%Y-%m}",
        quality_failures=task.quality_failures,
        delays=task.delays,
        document=document,
        events=getattr(task, "n_events", 0),
    )
