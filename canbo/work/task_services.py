"""Workflow functions for tasks: check state, lock, save, write an audit entry, then refresh
the assignee's month score once the transaction has committed."""

from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.text import nfc
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.choices import DelayKind, TaskStatus
from canbo.work.errors import WorkError
from canbo.work.locks import refuse_locked
from canbo.work.models import CatalogItem, Delay, QualityReview, Task
from canbo.work.periods import period_of
from canbo.work.recompute import refresh_person_period

STATE_FIELDS = [
    "status",
    "due_date",
    "completed_date",
    "quality_failures",
    "objective_quality_failures",
    "delays",
    "objective_delays",
]
ASSIGN_FIELDS = [
    "name",
    "assignee",
    "organization",
    "catalog_item",
    "coefficient",
    "quantity",
    "assigned_date",
    "due_date",
    "period",
    "source",
    "external_id",
]
MAX_QUANTITY = Decimal("9999999.99")


def assign_task(
    actor,
    *,
    name: str = "",
    assigned_date: date,
    assignee: Person | None = None,
    organization: Organization | None = None,
    catalog_item: CatalogItem | None = None,
    coefficient=None,
    quantity=1,
    due_date: date | None = None,
    assigner: Person | None = None,
    source: str = "",
    external_id: str = "",
    evidence: str = "",
) -> Task:
    """Create a task; the same (source, external_id) sent twice returns the first task."""
    source, external_id = (source or "").strip(), (external_id or "").strip()
    if external_id and (existing := _by_external_id(source, external_id)):
        return existing
    fields = {
        "name": nfc(name) or (catalog_item.name if catalog_item else ""),
        "assignee": assignee,
        "organization": organization or _org_of(assignee),
        "catalog_item": catalog_item,
        "coefficient": _coefficient(catalog_item, coefficient),
        "quantity": _quantity(quantity),
        "assigned_date": assigned_date,
        "due_date": due_date,
        "period": period_of(assigned_date, due_date),
        "assigner": assigner,
        "source": source,
        "external_id": external_id,
        "evidence": nfc(evidence) or "",
    }
    _check_new(fields)
    with transaction.atomic():
        try:
            with transaction.atomic():  # a savepoint: a concurrent duplicate is not an error
                task = Task.objects.create(**fields)
        except IntegrityError:
            if external_id and (existing := _by_external_id(source, external_id)):
                return existing
            raise
        audit.record(actor, "work.assign_task", task, after=audit.snapshot(task, ASSIGN_FIELDS))
        _refresh_after_commit(task)
    return task


@transaction.atomic
def extend_deadline(actor, task: Task, new_due: date, reason: str = "") -> Task:
    """Move the deadline later; every extension counts as one delay."""
    task = _locked(task, TaskStatus.ASSIGNED)
    if task.due_date is None:
        raise WorkError(_("The task has no due date, so it cannot be extended."))
    if new_due <= task.due_date:
        raise WorkError(
            _("The new due date must be after the current one (%(due)s).")
            % {"due": f"{task.due_date:%d/%m/%Y}"}
        )
    before = audit.snapshot(task, STATE_FIELDS)
    Delay.objects.create(
        task=task,
        kind=DelayKind.EXTENSION,
        due_before=task.due_date,
        due_after=new_due,
        reason=nfc(reason) or "",
        recorded_by=_user(actor),
    )
    task.due_date = new_due
    return _save(actor, "work.extend_deadline", task, before, reason)


@transaction.atomic
def complete_task(actor, task: Task, completed_date: date, evidence: str = "") -> Task:
    """Mark a task done; finishing after the (final) due date is one more delay."""
    task = _locked(task, TaskStatus.ASSIGNED)
    if completed_date < task.assigned_date:
        raise WorkError(_("The completion date cannot be before the assignment date."))
    if completed_date > timezone.localdate():
        raise WorkError(_("The completion date cannot be in the future."))
    before = audit.snapshot(task, STATE_FIELDS)
    if task.due_date and completed_date > task.due_date:
        Delay.objects.create(
            task=task,
            kind=DelayKind.LATE_COMPLETION,
            due_before=task.due_date,
            due_after=completed_date,
            recorded_by=_user(actor),
        )
    task.status, task.completed_date = TaskStatus.COMPLETED, completed_date
    if evidence := nfc(evidence):
        task.evidence = f"{task.evidence}\n{evidence}".strip()
    return _save(actor, "work.complete_task", task, before)


@transaction.atomic
def record_quality_review(actor, task: Task, passed: bool, note: str = "") -> QualityReview:
    """Record a quality review of a completed task; each failure is a major content error."""
    task = _locked(task, TaskStatus.COMPLETED)
    note = nfc(note) or ""
    if not passed and not note:
        raise WorkError(_("A failed quality review must state the fault."))
    before = audit.snapshot(task, STATE_FIELDS)
    review = QualityReview.objects.create(
        task=task, passed=passed, note=note, reviewer=_user(actor)
    )
    _save(actor, "work.record_quality_review", task, before, note)
    return review


@transaction.atomic
def certify_objective_cause(actor, record: QualityReview | Delay, reason: str) -> Task:
    """Certify that a failure or delay had an objective cause, so it is not deducted."""
    reason = nfc(reason) or ""
    if not reason:
        raise WorkError(_("Give the reason for certifying an objective cause."))
    record = type(record).objects.select_for_update().get(pk=record.pk)
    if isinstance(record, QualityReview) and record.passed:
        raise WorkError(_("A passed quality review needs no objective-cause certification."))
    if record.objective:
        raise WorkError(_("This case is already certified as an objective cause."))
    task = _locked(record.task, None)
    before = audit.snapshot(task, STATE_FIELDS)
    record.objective, record.certification_reason = True, reason
    record.certified_by, record.certified_at = _user(actor), timezone.now()
    record.save(update_fields=["objective", "certification_reason", "certified_by", "certified_at"])
    return _save(actor, "work.certify_objective_cause", task, before, reason)


@transaction.atomic
def cancel_task(actor, task: Task, reason: str) -> Task:
    """Withdraw an assigned task: it no longer counts in any score."""
    reason = nfc(reason) or ""
    if not reason:
        raise WorkError(_("Give the reason for cancelling the task."))
    task = _locked(task, TaskStatus.ASSIGNED)
    before = audit.snapshot(task, STATE_FIELDS)
    task.status = TaskStatus.CANCELLED
    return _save(actor, "work.cancel_task", task, before, reason)


def _by_external_id(source: str, external_id: str) -> Task | None:
    return Task.objects.filter(owner=None, source=source, external_id=external_id).first()


def _org_of(assignee: Person | None) -> Organization:
    if assignee is None or assignee.organization_id is None:
        raise WorkError(_("A task needs an assignee (with a unit) or an assigned unit."))
    return assignee.organization


def _coefficient(item: CatalogItem | None, given) -> Decimal:
    if item is not None:
        if not item.catalog.published:
            raise WorkError(_("Tasks are assigned only from a published product catalogue."))
        return item.coefficient
    value = _decimal(given, _("Conversion coefficient"))
    if not Decimal("0") < value <= Decimal("999.99"):
        raise WorkError(_("The conversion coefficient must be above 0 and at most 999.99."))
    return value


def _quantity(given) -> Decimal:
    value = _decimal(given, _("Quantity"))
    if not Decimal("0") < value <= MAX_QUANTITY:
        raise WorkError(_("The quantity must be above 0."))
    return value


def _decimal(given, label: str) -> Decimal:
    try:
        value = Decimal(str(given).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise WorkError(
            _("%(label)s “%(value)s” is not a number.") % {"label": label, "value": given}
        ) from None
    if not value.is_finite() or value != value.quantize(Decimal("0.01")):
        raise WorkError(
            _("%(label)s “%(value)s” must be a number with at most 2 decimal places.")
            % {"label": label, "value": given}
        )
    return value


def _check_new(fields: dict) -> None:
    if not fields["name"]:
        raise WorkError(_("The task needs a name."))
    due = fields["due_date"]
    if due is not None and due < fields["assigned_date"]:
        raise WorkError(_("The due date cannot be before the assignment date."))
    assignee = fields["assignee"]
    refuse_locked([(assignee and assignee.pk, fields["period"])])


def _locked(task: Task, status: str | None) -> Task:
    task = Task.objects.select_for_update().get(pk=task.pk)
    if status is not None and task.status != status:
        raise WorkError(
            _("The task is in state “%(status)s”: this action cannot be taken.")
            % {"status": task.get_status_display()}
        )
    refuse_locked([(task.assignee_id, task.period)])
    return task


def _refresh_counters(task: Task) -> None:
    failed, objective = Q(passed=False), Q(objective=True)
    reviews = task.reviews.aggregate(
        failures=Count("id", filter=failed), objective=Count("id", filter=failed & objective)
    )
    delays = task.delay_records.aggregate(n=Count("id"), objective=Count("id", filter=objective))
    task.quality_failures = reviews["failures"]
    task.objective_quality_failures = reviews["objective"]
    task.delays, task.objective_delays = delays["n"], delays["objective"]


def _save(actor, action: str, task: Task, before: dict, reason: str = "") -> Task:
    _refresh_counters(task)
    task.save(update_fields=[*STATE_FIELDS, "evidence", "updated_at"])
    audit.record(actor, action, task, before, audit.snapshot(task, STATE_FIELDS), reason=reason)
    _refresh_after_commit(task)
    return task


def _refresh_after_commit(task: Task) -> None:
    if task.assignee_id is None:
        return
    transaction.on_commit(partial(refresh_person_period, task.assignee_id, task.period))


def _user(actor):
    return actor if getattr(actor, "pk", None) else None
