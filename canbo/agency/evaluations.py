"""The agency evaluations of a year: the communes evaluated, the indicator set in force, the
evaluations created and recomputed for the whole province, and the annual deadline."""

from datetime import date

from django.utils import timezone

from canbo.agency.defaults import ensure_default_set
from canbo.agency.models import AgencyEvaluation, Criterion, IndicatorSet, Score, SetStatus
from canbo.agency.totals import refresh
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization

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


def late(year: int, today: date | None = None) -> bool:
    """Whether the annual evaluation is past its deadline (15/12 of the year)."""
    today = today or timezone.localdate()
    return today > date(year, *DEADLINE)
