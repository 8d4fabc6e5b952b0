"""Open and lock evaluation periods (personnel officers)."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from canbo.core import audit
from canbo.core.access import in_own_subtree
from canbo.evaluation.choices import PeriodKind, PeriodStatus, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet
from canbo.evaluation.permissions import can_manage_periods
from canbo.evaluation.services.absence import sync_worked
from canbo.evaluation.services.staleness import return_stale_leaders, stale_leaders
from canbo.evaluation.signals import period_locked
from canbo.org.models import Organization
from canbo.people.models import Person


def _last_day(month: date) -> date:
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


@transaction.atomic
def open_period(
    actor,
    organization: Organization,
    start: date,
    kind: str = PeriodKind.MONTH,
    complaint_days: int = 10,
    deadlines: tuple[date, date, date] | None = None,
) -> EvaluationPeriod:
    """Open a month for an organisation subtree and create a sheet for each person in it."""
    if not can_manage_periods(actor) or not in_own_subtree(actor, organization.path):
        raise EvaluationError(_("You may not open an evaluation period for this unit."))
    start = start.replace(day=1)
    if EvaluationPeriod.objects.filter(organization=organization, kind=kind, start=start).exists():
        raise EvaluationError(_("This evaluation period is already open."))
    end = _last_day(start)
    self_due, review_due, approval_due = deadlines or (
        end + timedelta(days=3),
        end + timedelta(days=6),
        end + timedelta(days=9),
    )
    period = EvaluationPeriod.objects.create(
        organization=organization,
        kind=kind,
        start=start,
        self_assessment_due=self_due,
        review_due=review_due,
        approval_due=approval_due,
        complaint_days=complaint_days,
        opened_by=actor if getattr(actor, "pk", None) else None,
    )
    create_sheets(period)
    audit.record(actor, "evaluation.open_period", period, after={"start": str(start)})
    return period


def new_sheets(period: EvaluationPeriod) -> list[EvaluationSheet]:
    """One unsaved sheet per person of the subtree who has none in an overlapping period."""
    people = Person.objects.filter(organization__path__startswith=period.organization.path).exclude(
        sheets__period__start=period.start, sheets__period__kind=period.kind
    )
    return [
        EvaluationSheet(person=p, period=period, is_leader=bool(p.title and p.title.is_leader))
        for p in people.select_related("title")
    ]


def create_sheets(period: EvaluationPeriod, sheets: list[EvaluationSheet] | None = None) -> int:
    """Save the period's new sheets (`sheets`: those of `new_sheets`, which the demo seed
    fills before saving) and mark the months not worked because of leave."""
    sheets = new_sheets(period) if sheets is None else sheets
    EvaluationSheet.objects.bulk_create(sheets, batch_size=2000)
    if period.kind == PeriodKind.MONTH:  # months not worked because of leave
        sync_worked(period.sheets.values("person_id"), period.start.year, period)
    return len(sheets)


def lock_period(actor, period: EvaluationPeriod) -> EvaluationPeriod:
    """Lock a period once every sheet is published; a locked period is read-only. Leader
    results gone stale are first sent back for re-approval (committed), and the lock refused."""
    if not can_manage_periods(actor) or not in_own_subtree(actor, period.organization.path):
        raise EvaluationError(_("You may not lock this evaluation period."))
    if not period.is_locked:
        returned = return_stale_leaders(actor, period)
        if returned:
            names = ", ".join(s.person.full_name for s in returned)
            raise EvaluationError(
                _(
                    "Leaders' results are not up to date with the approved results of the people "
                    "in their charge: %(names)s. These sheets were sent back for approval again; "
                    "approve them, then lock the period."
                )
                % {"names": names}
            )
    return _lock(actor, period)


@transaction.atomic
def _lock(actor, period: EvaluationPeriod) -> EvaluationPeriod:
    period = EvaluationPeriod.objects.select_for_update().get(pk=period.pk)
    if period.is_locked:
        raise EvaluationError(_("The evaluation period is locked."))
    pending = period.sheets.exclude(status=SheetStatus.PUBLISHED).filter(worked=True).count()
    if pending:
        raise EvaluationError(
            ngettext(
                "%(count)s sheet is not yet approved: the period cannot be locked yet.",
                "%(count)s sheets are not yet approved: the period cannot be locked yet.",
                pending,
            )
            % {"count": pending}
        )
    if stale_leaders(period):  # a result moved in between: the next attempt returns it
        raise EvaluationError(_("A leader's result has just changed: try locking again."))
    period.status, period.locked_at = PeriodStatus.LOCKED, timezone.now()
    period.save(update_fields=["status", "locked_at"])
    audit.record(actor, "evaluation.lock_period", period, after={"status": period.status})
    _announce_lock(period)
    return period


def _announce_lock(period: EvaluationPeriod) -> None:
    period_locked.send(sender=EvaluationPeriod, period=period)  # connected systems are told


def period_for(person: Person, month: date) -> EvaluationPeriod | None:
    """The most specific month period covering the person's unit."""
    if person.organization is None:
        return None
    candidates = EvaluationPeriod.objects.filter(kind=PeriodKind.MONTH, start=month)
    path = person.organization.path
    matching = [
        p for p in candidates.select_related("organization") if path.startswith(p.organization.path)
    ]
    return max(matching, key=lambda p: len(p.organization.path), default=None)


def locked_pairs(sender, pairs=None, months=None, **kwargs) -> set[tuple[int, date]]:
    """Answer work.signals.locked_pairs_requested: (person id, month) pairs whose sheet lies
    in a locked period, among `pairs`, or every one of `months`."""
    sheets = EvaluationSheet.objects.filter(period__status=PeriodStatus.LOCKED)
    if pairs is not None:
        sheets = sheets.filter(
            person_id__in={p for p, _ in pairs}, period__start__in={m for _, m in pairs}
        )
    else:
        sheets = sheets.filter(period__start__in=set(months or ()))
    return set(sheets.values_list("person_id", "period__start"))
