"""Workflow of the agency evaluation: compute, self-assess (chairman), review (Sở Nội vụ),
approve and publish (provincial leadership). Every step is audited; bad input raises
AgencyError with a Vietnamese message and writes nothing."""

from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.agency import compute
from canbo.agency.defaults import ensure_default_set
from canbo.agency.errors import AgencyError
from canbo.agency.models import (
    AgencyComplaint,
    AgencyEvaluation,
    ComplaintStatus,
    Criterion,
    EvaluationStatus,
    IndicatorSet,
    Measure,
    Part,
    Score,
    SetStatus,
)
from canbo.agency.signals import agency_published
from canbo.core import audit
from canbo.core.access import can
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.scoring import fmt, rulebook_for
from canbo.scoring.agency import classify_agency
from canbo.scoring.numfmt import rounded, to_fraction

FROZEN = (EvaluationStatus.PUBLISHED, EvaluationStatus.CONTESTED)
DEADLINE = (12, 15)  # annual, before 15/12 (DOMAIN §6)


def communes() -> list[Organization]:
    return list(Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("path"))


def active_indicator_set(year: int) -> IndicatorSet | None:
    return (
        IndicatorSet.objects.filter(year=year, status=SetStatus.ACTIVE).order_by("-version").first()
    )


def ensure_evaluation(commune: Organization, year: int) -> AgencyEvaluation:
    evaluation, _created = AgencyEvaluation.objects.get_or_create(
        organization=commune,
        year=year,
        defaults={
            "criteria_set": ensure_default_set(),
            "indicator_set": active_indicator_set(year),
        },
    )
    return evaluation


def _scores(evaluation: AgencyEvaluation) -> dict[int, Score]:
    prefetched = getattr(evaluation, "_prefetched", None)
    if prefetched is not None:
        return {s.criterion_id: s for s in prefetched}
    have = {s.criterion_id: s for s in evaluation.scores.select_related("criterion")}
    missing = [
        Score(evaluation=evaluation, criterion=c)
        for c in evaluation.criteria_set.criteria.all()
        if c.pk not in have
    ]
    if missing:
        Score.objects.bulk_create(missing)
        have = {s.criterion_id: s for s in evaluation.scores.select_related("criterion")}
    return have


def refresh(evaluations: list[AgencyEvaluation], inputs: compute.Inputs | None = None) -> int:
    """Recompute the computed criteria and the totals of evaluations not yet published."""
    open_ones = [e for e in evaluations if e.status not in FROZEN]
    if not open_ones:
        return 0
    year = open_ones[0].year
    if inputs is None:
        sets = {e.indicator_set_id for e in open_ones} - {None}
        inputs = compute.load_inputs(year, [e.organization for e in open_ones], sets)
    changed_scores: list[Score] = []
    for evaluation in open_ones:
        scores = _scores(evaluation)
        for score in scores.values():
            result = compute.compute_criterion(
                score.criterion, evaluation.organization, inputs, evaluation.indicator_set_id
            )
            computed = None if result is None else rounded(result.points, 4)
            text = "" if result is None else result.text
            exact = None if result is None else result.points
            score._exact = exact
            if score.computed != computed or score.explanation != text:
                score.computed, score.explanation = computed, text
                changed_scores.append(score)
        _totals(evaluation, scores.values())
    Score.objects.bulk_update(changed_scores, ["computed", "explanation"], batch_size=1000)
    now = timezone.now()
    for evaluation in open_ones:
        evaluation.computed_at = now
    AgencyEvaluation.objects.bulk_update(
        open_ones,
        ["general", "task", "total", "total_exact", "level", "explanation", "computed_at"],
        batch_size=500,
    )
    return len(open_ones)


def _exact_points(score: Score) -> Fraction | None:
    if score.review_points is not None:
        return to_fraction(score.review_points)
    exact = getattr(score, "_exact", None)
    if exact is not None:
        return exact
    if score.computed is not None:
        return to_fraction(score.computed)
    return None if score.self_points is None else to_fraction(score.self_points)


def _totals(evaluation: AgencyEvaluation, scores) -> None:
    parts = {Part.GENERAL: Fraction(0), Part.TASK: Fraction(0)}
    lines = []
    for score in sorted(scores, key=lambda s: s.criterion.order):
        points = _exact_points(score)
        criterion = score.criterion
        if points is not None:
            parts[criterion.part] += points
        text = score.explanation or (
            _("Entered: %(p)s of %(max)s.") % {"p": fmt(points), "max": fmt(criterion.max_points)}
            if points is not None
            else _("Not yet assessed: 0 points.")
        )
        if score.review_points is not None:
            text += " " + _("Reviewed by the province: %(p)s.") % {"p": fmt(score.review_points)}
        lines.append({"criterion": criterion.code, "text": text})
    total = parts[Part.GENERAL] + parts[Part.TASK]
    rulebook = rulebook_for(date(evaluation.year, 12, 31))
    classification = classify_agency(total, rulebook)
    lines.append(
        {
            "criterion": "",
            "text": classification.explanation[0].text,
            "basis": classification.explanation[0].basis,
        }
    )
    evaluation.general = rounded(parts[Part.GENERAL], 4)
    evaluation.task = rounded(parts[Part.TASK], 4)
    evaluation.total = rounded(total, 4)
    evaluation.total_exact = f"{total.numerator}/{total.denominator}"
    evaluation.level = classification.code
    evaluation.explanation = lines


def recompute_province(year: int) -> int:
    """Create the evaluations missing for the year and recompute every open one."""
    ensure_default_set()
    every = communes()
    have = {e.organization_id for e in AgencyEvaluation.objects.filter(year=year)}
    default, indicators = ensure_default_set(), active_indicator_set(year)
    AgencyEvaluation.objects.bulk_create(
        [
            AgencyEvaluation(
                organization=c, year=year, criteria_set=default, indicator_set=indicators
            )
            for c in every
            if c.pk not in have
        ]
    )
    evaluations = list(
        AgencyEvaluation.objects.filter(year=year).select_related("organization", "criteria_set")
    )
    _bulk_scores(evaluations)
    return refresh(evaluations)


def _bulk_scores(evaluations: list[AgencyEvaluation]) -> None:
    """Create the score rows missing, for many evaluations at once."""
    criteria: dict[int, list[Criterion]] = {}
    for criterion in Criterion.objects.filter(
        criteria_set_id__in={e.criteria_set_id for e in evaluations}
    ):
        criteria.setdefault(criterion.criteria_set_id, []).append(criterion)
    have = set(
        Score.objects.filter(evaluation__in=evaluations).values_list(
            "evaluation_id", "criterion_id"
        )
    )
    Score.objects.bulk_create(
        [
            Score(evaluation=e, criterion=c)
            for e in evaluations
            for c in criteria.get(e.criteria_set_id, [])
            if (e.pk, c.pk) not in have
        ],
        batch_size=1000,
    )
    by_evaluation: dict[int, list[Score]] = {}
    for score in Score.objects.filter(evaluation__in=evaluations).select_related("criterion"):
        by_evaluation.setdefault(score.evaluation_id, []).append(score)
    for evaluation in evaluations:
        evaluation._prefetched = by_evaluation.get(evaluation.pk, [])


def parse_points(raw, criterion) -> Decimal | None:
    """Points typed for a criterion: a number 0 – max, or empty."""
    text = str(raw if raw is not None else "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise AgencyError(
            _("Criterion %(code)s: “%(value)s” is not a number.")
            % {"code": criterion.code, "value": raw}
        ) from None
    if not value.is_finite() or value < 0 or value > criterion.max_points:
        raise AgencyError(
            _("Criterion %(code)s: %(value)s points is outside 0 – %(max)s.")
            % {
                "code": criterion.code,
                "value": fmt(to_fraction(value)),
                "max": fmt(to_fraction(criterion.max_points)),
            }
        )
    return value


def _require(user, capability: str) -> None:
    if user is not None and not can(user, capability):
        raise AgencyError(_("You are not allowed to do this."))


@transaction.atomic
def save_self_assessment(actor, evaluation: AgencyEvaluation, entries: dict) -> None:
    """The chairman's points and evidence for the entered criteria ({code: (points, evidence)})."""
    _require(actor, "agency.self_assess")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status not in (EvaluationStatus.DRAFT,):
        raise AgencyError(
            _(
                "The self-assessment has already been sent: it can no longer be "
                "changed by the commune."
            )
        )
    scores = {s.criterion.code: s for s in _scores(evaluation).values()}
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
    _require(actor, "agency.self_assess")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.DRAFT:
        raise AgencyError(_("Only a draft can be sent for review."))
    missing = [
        s.criterion.code
        for s in _scores(evaluation).values()
        if s.criterion.measure == Measure.ENTERED and s.computed is None and s.self_points is None
    ]
    if missing:
        raise AgencyError(
            _("Assess every entered criterion before sending: %(codes)s.")
            % {"codes": ", ".join(sorted(missing))}
        )
    _move(
        actor,
        evaluation,
        EvaluationStatus.SELF_ASSESSED,
        "agency.submit_self_assessment",
        self_assessed_by=_user(actor),
        self_assessed_at=timezone.now(),
    )


@transaction.atomic
def review_evaluation(actor, evaluation: AgencyEvaluation, entries: dict, reason: str) -> None:
    """The Sở Nội vụ's points for entered criteria ({code: points}), with its reasons."""
    _require(actor, "agency.review")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.SELF_ASSESSED:
        raise AgencyError(_("Only a self-assessed evaluation can be reviewed."))
    reason = (reason or "").strip()
    if not reason:
        raise AgencyError(_("Give the reasons of the review."))
    scores = {s.criterion.code: s for s in _scores(evaluation).values()}
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
    _move(
        actor,
        evaluation,
        EvaluationStatus.REVIEWED,
        "agency.review_evaluation",
        reason=reason,
        reviewed_by=_user(actor),
        reviewed_at=timezone.now(),
        review_reason=reason,
    )


@transaction.atomic
def return_evaluation(actor, evaluation: AgencyEvaluation, reason: str) -> None:
    """The Sở Nội vụ sends a self-assessment back to the commune, with its reasons."""
    _require(actor, "agency.review")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.SELF_ASSESSED:
        raise AgencyError(_("Only a self-assessed evaluation can be returned."))
    if not (reason or "").strip():
        raise AgencyError(_("Give the reasons of the review."))
    _move(
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
    _require(actor, "agency.approve")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.REVIEWED:
        raise AgencyError(_("Only a reviewed evaluation can be approved."))
    refresh([evaluation])
    _move(
        actor,
        evaluation,
        EvaluationStatus.PUBLISHED,
        "agency.approve_evaluation",
        approved_by=_user(actor),
        published_at=timezone.now(),
    )
    agency_published.send(sender=AgencyEvaluation, evaluation=evaluation)


def _user(actor):
    return actor if getattr(actor, "pk", None) else None


def _move(
    actor, evaluation: AgencyEvaluation, status: str, action: str, reason: str = "", **fields
) -> None:
    before = audit.snapshot(evaluation, ["status", "total", "level"])
    evaluation.status = status
    for name, value in fields.items():
        setattr(evaluation, name, value)
    evaluation.save()
    audit.record(
        actor,
        action,
        evaluation,
        before,
        audit.snapshot(evaluation, ["status", "total", "level"]),
        reason=reason,
    )


def late(year: int, today: date | None = None) -> bool:
    """Whether the annual evaluation is past its deadline (15/12 of the year)."""
    today = today or timezone.localdate()
    return today > date(year, *DEADLINE)


COMPLAINT_DAYS = 15  # [unconfirmed] window after publication, as a parameter here


def complaint_deadline(evaluation: AgencyEvaluation) -> date | None:
    if evaluation.published_at is None:
        return None
    return timezone.localdate(evaluation.published_at) + timedelta(days=COMPLAINT_DAYS)


@transaction.atomic
def file_complaint(actor, evaluation: AgencyEvaluation, reason: str) -> AgencyComplaint:
    """The commune (its chairman) contests the published result, within the window."""
    _require(actor, "agency.self_assess")
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=evaluation.pk)
    if evaluation.status != EvaluationStatus.PUBLISHED:
        raise AgencyError(_("Only a published result can be contested."))
    if timezone.localdate() > complaint_deadline(evaluation):
        raise AgencyError(_("The complaint window has closed."))
    reason = (reason or "").strip()
    if not reason:
        raise AgencyError(_("Give the reason of the complaint."))
    complaint = AgencyComplaint.objects.create(
        evaluation=evaluation, filed_by=_user(actor), reason=reason
    )
    _move(actor, evaluation, EvaluationStatus.CONTESTED, "agency.file_complaint", reason=reason)
    return complaint


@transaction.atomic
def resolve_complaint(
    actor, complaint: AgencyComplaint, accepted: bool, resolution: str
) -> AgencyComplaint:
    """Accepted: back to the Sở Nội vụ's review; rejected: the published result stands."""
    _require(actor, "agency.approve")
    complaint = AgencyComplaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.status != ComplaintStatus.OPEN:
        raise AgencyError(_("This complaint has already been resolved."))
    resolution = (resolution or "").strip()
    if not resolution:
        raise AgencyError(_("Write how the complaint was resolved."))
    complaint.status = ComplaintStatus.ACCEPTED if accepted else ComplaintStatus.REJECTED
    complaint.resolution, complaint.resolved_by = resolution, _user(actor)
    complaint.resolved_at = timezone.now()
    complaint.save()
    evaluation = AgencyEvaluation.objects.select_for_update().get(pk=complaint.evaluation_id)
    status = EvaluationStatus.SELF_ASSESSED if accepted else EvaluationStatus.PUBLISHED
    _move(actor, evaluation, status, "agency.resolve_complaint", reason=resolution)
    return complaint
