"""Sheet workflow: self-assessment, review, approval and publication.

Each step checks the state and the actor's right, bumps the version (so a second editor
gets a conflict instead of overwriting), stores the scoring result and writes the audit log.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core import audit
from canbo.evaluation.choices import STEP_FROM, Level, SheetStatus
from canbo.evaluation.errors import ConflictError, EvaluationError
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.notify import notify
from canbo.evaluation.permissions import can_approve, can_review, can_self_assess
from canbo.evaluation.services.result import check_general, compute, criteria_of, stored_total
from canbo.evaluation.services.staleness import refresh_leaders
from canbo.evaluation.signals import collect, review_objections, sheet_published

AUDITED = ["status", "general_self", "general_review", "total", "classification"]
CONFLICT = gettext_lazy(
    "Someone else changed the sheet while you were editing it. Reload "
    "the page to see the latest version; your changes were not saved."
)


def _locked_for_update(sheet: EvaluationSheet, version: int | None) -> EvaluationSheet:
    current = (
        EvaluationSheet.objects.select_for_update(of=("self",))
        .select_related("period", "person__organization", "person__title")
        .get(pk=sheet.pk)
    )
    if version is not None and current.version != version:
        raise ConflictError(str(CONFLICT))
    if current.period.is_locked:
        raise EvaluationError(_("The evaluation period is locked: the sheet cannot be changed."))
    return current


def _expect(sheet: EvaluationSheet, step: str) -> None:
    if sheet.status not in STEP_FROM[step]:
        raise EvaluationError(
            _("The sheet is in state “%(status)s”: this step cannot be taken.")
            % {"status": sheet.get_status_display()}
        )


def _save(actor, sheet: EvaluationSheet, action: str, before: dict, reason: str = "") -> None:
    sheet.version += 1
    sheet.save()
    audit.record(actor, action, sheet, before, audit.snapshot(sheet, AUDITED), reason=reason)


def _store_result(sheet: EvaluationSheet) -> None:
    sheet.result = compute(sheet)
    sheet.total = stored_total(sheet.result)
    sheet.classification = sheet.result["classification"] or ""


@transaction.atomic
def submit_self_assessment(
    actor,
    sheet: EvaluationSheet,
    general: list,
    comment: str = "",
    evidence: str = "",
    version: int | None = None,
) -> EvaluationSheet:
    sheet = _locked_for_update(sheet, version)
    if not can_self_assess(actor, sheet):
        raise EvaluationError(_("Only the civil servant evaluated may self-assess their sheet."))
    _expect(sheet, "self")
    before = audit.snapshot(sheet, AUDITED)
    sheet.general_self = check_general(sheet, general)
    sheet.self_comment, sheet.evidence = comment, evidence
    sheet.status, sheet.submitted_at = SheetStatus.SELF_ASSESSED, timezone.now()
    _store_result(sheet)
    _save(actor, sheet, "evaluation.self_assess", before)
    return sheet


@transaction.atomic
def review_sheet(
    actor,
    sheet: EvaluationSheet,
    general: list,
    reasons: dict[int, str],
    comment: str = "",
    collective_comment: str = "",
    organising: str = Level.FULL,
    third: str = Level.FULL,
    version: int | None = None,
) -> EvaluationSheet:
    """The unit head confirms or adjusts the general criteria; each change needs a reason."""
    sheet = _locked_for_update(sheet, version)
    if not can_review(actor, sheet):
        raise EvaluationError(_("You may not review this sheet."))
    _expect(sheet, "review")
    points = check_general(sheet, general)
    changed = _changed_criteria(sheet.general_self or [], points)
    codes = criteria_of(sheet).codes  # reasons are per line of the sheet's criteria set
    missing = [codes[i] for i in changed if not (reasons.get(i) or "").strip()]
    if missing:
        raise EvaluationError(
            _("Give a reason for each adjusted criterion (criteria %(codes)s).")
            % {"codes": ", ".join(missing)}
        )
    explained = set(changed) | _answer_objections(sheet, points, reasons)
    before = audit.snapshot(sheet, AUDITED)
    sheet.general_review = points
    sheet.adjust_reasons = {str(i): reasons[i].strip() for i in sorted(explained)}
    sheet.review_comment, sheet.collective_comment = comment, collective_comment
    if sheet.is_leader:
        sheet.leader_organising, sheet.leader_third = organising, third
    sheet.status, sheet.reviewed_at, sheet.reviewed_by = (
        SheetStatus.REVIEWED,
        timezone.now(),
        actor,
    )
    _store_result(sheet)
    reason = "; ".join(
        _("Criterion %(code)s: %(reason)s") % {"code": codes[int(i)], "reason": r}
        for i, r in sheet.adjust_reasons.items()
    )
    _save(actor, sheet, "evaluation.review", before, reason)
    return sheet


def _answer_objections(sheet: EvaluationSheet, points: list, reasons: dict[int, str]) -> set[int]:
    """Higher apps' objections (canbo.evaluation.signals.review_objections) each need a
    written reason on one of their lines; return the lines whose reasons answer them."""
    answered: set[int] = set()
    for objection in collect(review_objections, sheet=sheet, points=points, reasons=reasons):
        given = [i for i in objection.lines if (reasons.get(i) or "").strip()]
        if not given:
            raise EvaluationError(objection.message)
        answered.update(given)
    return answered


def _changed_criteria(before: list, after: list) -> list[int]:
    return [i for i, value in enumerate(after) if i >= len(before) or before[i] != value]


@transaction.atomic
def approve_sheet(
    actor, sheet: EvaluationSheet, comment: str = "", version: int | None = None
) -> EvaluationSheet:
    """Approve and publish: the result is frozen, the person notified, systems told."""
    sheet = _locked_for_update(sheet, version)
    if not can_approve(actor, sheet):
        raise EvaluationError(_("You may not approve this sheet."))
    _expect(sheet, "approve")
    before = audit.snapshot(sheet, AUDITED)
    sheet.approval_comment = comment
    sheet.status, sheet.approved_at, sheet.approved_by = (
        SheetStatus.PUBLISHED,
        timezone.now(),
        actor,
    )
    _store_result(sheet)
    _save(actor, sheet, "evaluation.approve", before)
    _publish(sheet)
    refresh_leaders(actor, sheet)
    return sheet


def approve_unit(actor, sheets) -> tuple[int, list[str]]:
    """Approve every reviewed sheet given; return the count and the refusals."""
    approved, refusals = 0, []
    for sheet in sheets:
        try:
            approve_sheet(actor, sheet)
            approved += 1
        except EvaluationError as exc:
            refusals.append(f"{sheet.person}: {exc.message}")
    return approved, refusals


def _publish(sheet: EvaluationSheet) -> None:
    profile = getattr(sheet.person, "profile", None)
    if profile is not None:
        notify(
            [profile.user_id],
            url=f"/evaluation/sheets/{sheet.pk}/",
            text=_("Evaluation result of %(period)s: %(label)s.")
            % {"period": sheet.period, "label": sheet.result["label"] or "—"},
        )
    sheet_published.send(sender=EvaluationSheet, sheet=sheet)  # connected systems are told
