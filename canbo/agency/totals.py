"""Totals of an agency evaluation: the computed criteria recomputed from the data, the points
of each criterion (reviewed, computed, else self-assessed), the parts, total and level."""

from datetime import date
from fractions import Fraction

from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.agency import compute
from canbo.agency.compute_inputs import Inputs
from canbo.agency.models import AgencyEvaluation, EvaluationStatus, Part, Score
from canbo.scoring import fmt, rulebook_for
from canbo.scoring.agency import classify_agency
from canbo.scoring.numfmt import rounded, to_fraction

FROZEN = (EvaluationStatus.PUBLISHED, EvaluationStatus.CONTESTED)


def scores_of(evaluation: AgencyEvaluation) -> dict[int, Score]:
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


def refresh(evaluations: list[AgencyEvaluation], inputs: Inputs | None = None) -> int:
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
        scores = scores_of(evaluation)
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
