"""A leader's result follows the approved results in their scope until the month is locked.

When a result in the scope changes (an approval, an accepted complaint), every published
leader sheet answering for that person is recomputed; if the result differs, the sheet
returns for re-approval and the leader and the approvers are told. A month whose published
leader results are stale cannot be locked.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.access import who_can
from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet
from canbo.evaluation.notify import notify
from canbo.evaluation.services.leaders import CHAIRMAN, leader_kind, leaders_answering_for
from canbo.evaluation.services.result import compute, stored_total
from canbo.people.models import Profile

COMPARED = ("total_exact", "d", "a", "b", "c", "classification")


def differs(stored: dict | None, fresh: dict) -> bool:
    stored = stored or {}
    return any(stored.get(key) != fresh.get(key) for key in COMPARED)


def refresh_leaders(actor, changed: EvaluationSheet, seen: set[int] | None = None) -> list:
    """Return the leader sheets sent back for re-approval because `changed` moved."""
    seen = seen if seen is not None else {changed.pk}
    returned = []
    for sheet in leaders_answering_for({changed.person_id}, changed.period.start):
        if sheet.pk in seen or sheet.status != SheetStatus.PUBLISHED or sheet.period.is_locked:
            continue
        seen.add(sheet.pk)
        fresh = compute(sheet)
        if not differs(sheet.result, fresh):
            continue
        _return_for_approval(actor, sheet, fresh)
        returned.append(sheet)
        returned += refresh_leaders(actor, sheet, seen)  # their own superiors may move too
    return returned


def _return_for_approval(actor, sheet: EvaluationSheet, fresh: dict) -> None:
    before = {
        "status": sheet.status,
        "total": str(sheet.total),
        "classification": sheet.classification,
    }
    sheet.result, sheet.total = fresh, stored_total(fresh)
    sheet.classification = fresh["classification"] or ""
    sheet.status, sheet.approved_at, sheet.approved_by = SheetStatus.REVIEWED, None, None
    sheet.version += 1
    sheet.save(
        update_fields=[
            "result",
            "total",
            "classification",
            "status",
            "approved_at",
            "approved_by",
            "version",
        ]
    )
    audit.record(
        actor,
        "evaluation.leader_result_changed",
        sheet,
        before,
        {"status": sheet.status, "total": str(sheet.total), "classification": sheet.classification},
        reason=_("Results in the leader's charge changed after approval."),
    )
    _notify(sheet)


def _notify(sheet: EvaluationSheet) -> None:
    text = _(
        "The result of %(period)s of %(name)s changed because the results of people in their "
        "charge changed: the sheet needs approval again."
    ) % {"period": sheet.period, "name": sheet.person.full_name}
    url = f"/evaluation/sheets/{sheet.pk}/"
    notify(sorted(_recipients(sheet)), text, url)


def _recipients(sheet: EvaluationSheet) -> set[int]:
    people = Profile.objects.filter(person=sheet.person).values_list("user_id", flat=True)
    if leader_kind(sheet.person) == CHAIRMAN:
        approvers = who_can("evaluation.approve_chairman")
    else:
        commune = sheet.person.organization.commune()
        approvers = who_can("evaluation.leaders.follow", commune)
    return set(people) | set(approvers.values_list("id", flat=True))


def stale_leaders(period: EvaluationPeriod) -> list[EvaluationSheet]:
    """Published leader sheets of the period whose frozen result no longer holds."""
    sheets = period.sheets.filter(is_leader=True, status=SheetStatus.PUBLISHED).select_related(
        "period", "person__organization", "person__title"
    )
    return [s for s in sheets if differs(s.result, compute(s))]


@transaction.atomic
def return_stale_leaders(actor, period: EvaluationPeriod) -> list[EvaluationSheet]:
    """Send every stale published leader sheet of the period back for re-approval."""
    returned = []
    for sheet in stale_leaders(period):
        _return_for_approval(actor, sheet, compute(sheet))
        returned.append(sheet)
    return returned
