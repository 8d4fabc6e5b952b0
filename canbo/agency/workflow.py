"""Workflow of the agency evaluation: self-assess (chairman), review (Sở Nội vụ), approve and
publish (provincial leadership). Every step is audited; bad input raises AgencyError with a
Vietnamese message and writes nothing."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.agency.errors import AgencyError
from canbo.agency.inputs import parse_points
from canbo.agency.models import AgencyEvaluation, EvaluationStatus, Measure
from canbo.agency.signals import agency_published
from canbo.agency.steps import acting_user, move_status, require_capability
from canbo.agency.totals import refresh, scores_of
from canbo.core import audit


@transaction.atomic
def save_self_assessment(actor, evaluation: AgencyEvaluation, entries: dict) -> None:
    """The chairman's points and evidence for the entered criteria ({code: (points, evidence)})."""
    require_capability(actor, "agency.self_assess")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status not in (EvaluationStatus.DRAFT,):
        raise AgencyError(
            _(
                "The self-assessment has already been sent: it can no longer be "
                "changed by the commune."
            )
        )
    scores = {s.criterion.code: s for s in scores_of(evaluation).values()}
    unknown = sorted(set(entries) - set(scores))
    if unknown:
        raise AgencyError(_("Unknown criteria: %(codes)s.") % {"codes": ", ".join(unknown)})
    changed = []
    for code, (raw, evidence) in entries.items():
        score = scores[code]
        if score.criterion.measure == Measure.COMPUTED:
            continue
        points = parse_points(raw, score.criterion)
        evidence = (evidence or "").strip()
        if points is not None and points > 0 and not evidence:
            raise AgencyError(
                _("Criterion %(code)s: give the evidence for the points entered.") % {"code": code}
            )
        before = audit.snapshot(score, ["self_points", "evidence"])
        score.self_points, score.evidence = points, evidence
        changed.append((score, before))
    for score, before in changed:
        score.save(update_fields=["self_points", "evidence"])
        audit.record(
            actor,
            "agency.save_self_assessment",
            evaluation,
            before,
            audit.snapshot(score, ["self_points", "evidence"]),
            reason=score.criterion.code,
        )
    refresh([evaluation])


@transaction.atomic
def submit_self_assessment(actor, evaluation: AgencyEvaluation) -> None:
    require_capability(actor, "agency.self_assess")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.DRAFT:
        raise AgencyError(_("Only a draft can be sent for review."))
    missing = [
        s.criterion.code
        for s in scores_of(evaluation).values()
        if s.criterion.measure == Measure.ENTERED and s.computed is None and s.self_points is None
    ]
    if missing:
        raise AgencyError(
            _("Assess every entered criterion before sending: %(codes)s.")
            % {"codes": ", ".join(sorted(missing))}
        )
    move_status(
        actor,
        evaluation,
        EvaluationStatus.SELF_ASSESSED,
        "agency.submit_self_assessment",
        self_assessed_by=acting_user(actor),
        self_assessed_at=timezone.now(),
    )


@transaction.atomic
def review_evaluation(actor, evaluation: AgencyEvaluation, entries: dict, reason: str) -> None:
    """The Sở Nội vụ's points for entered criteria ({code: points}), with its reasons."""
    require_capability(actor, "agency.review")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.SELF_ASSESSED:
        raise AgencyError(_("Only a self-assessed evaluation can be reviewed."))
    reason = (reason or "").strip()
    if not reason:
        raise AgencyError(_("Give the reasons of the review."))
    updates = _reviewed_points(evaluation, entries)
    for score, points in updates:
        before = audit.snapshot(score, ["review_points"])
        score.review_points = points
        score.save(update_fields=["review_points"])
        audit.record(
            actor,
            "agency.review_score",
            evaluation,
            before,
            audit.snapshot(score, ["review_points"]),
            reason=reason,
        )
    refresh([evaluation])
    move_status(
        actor,
        evaluation,
        EvaluationStatus.REVIEWED,
        "agency.review_evaluation",
        reason=reason,
        reviewed_by=acting_user(actor),
        reviewed_at=timezone.now(),
        review_reason=reason,
    )


def _reviewed_points(evaluation: AgencyEvaluation, entries: dict) -> list[tuple]:
    """(score, points) of each criterion reviewed; a computed criterion takes no points."""
    scores = {s.criterion.code: s for s in scores_of(evaluation).values()}
    updates = []
    for code, raw in entries.items():
        score = scores.get(code)
        if score is None:
            raise AgencyError(_("Unknown criteria: %(codes)s.") % {"codes": code})
        points = parse_points(raw, score.criterion)
        if score.criterion.measure == Measure.COMPUTED and points is not None:
            raise AgencyError(
                _("Criterion %(code)s is computed from the data: it cannot be changed by hand.")
                % {"code": code}
            )
        updates.append((score, points))
    return updates


@transaction.atomic
def return_evaluation(actor, evaluation: AgencyEvaluation, reason: str) -> None:
    """The Sở Nội vụ sends a self-assessment back to the commune, with its reasons."""
    require_capability(actor, "agency.review")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.SELF_ASSESSED:
        raise AgencyError(_("Only a self-assessed evaluation can be returned."))
    if not (reason or "").strip():
        raise AgencyError(_("Give the reasons of the review."))
    move_status(
        actor,
        evaluation,
        EvaluationStatus.DRAFT,
        "agency.return_evaluation",
        reason=reason.strip(),
        review_reason=reason.strip(),
    )


@transaction.atomic
def approve_evaluation(actor, evaluation: AgencyEvaluation) -> None:
    """The provincial leadership approves and publishes: the result is frozen."""
    require_capability(actor, "agency.approve")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.REVIEWED:
        raise AgencyError(_("Only a reviewed evaluation can be approved."))
    refresh([evaluation])
    move_status(
        actor,
        evaluation,
        EvaluationStatus.PUBLISHED,
        "agency.approve_evaluation",
        approved_by=acting_user(actor),
        published_at=timezone.now(),
    )
    agency_published.send(sender=AgencyEvaluation, evaluation=evaluation)
