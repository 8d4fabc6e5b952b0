"""The agency results as the Contract of issue 15 gives them: one row per commune, numbers as
strings with 2 decimals, levels excellent|good|complete|fail."""

from decimal import ROUND_HALF_UP, Decimal

from canbo.agency import compute
from canbo.agency.compute_indicators import indicator_lines
from canbo.agency.compute_inputs import Inputs
from canbo.agency.models import AgencyEvaluation, Measure


def two(value) -> str | None:
    if value is None:
        return None
    return str(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def contract_rows(evaluations) -> list[dict]:
    """Rows of the given evaluations (one year), in the order given."""
    evaluations = list(
        evaluations.select_related("organization", "indicator_set").prefetch_related(
            "scores__criterion"
        )
    )
    if not evaluations:
        return []
    inputs = compute.load_inputs(
        evaluations[0].year,
        [e.organization for e in evaluations],
        {e.indicator_set_id for e in evaluations} - {None},
    )
    return [contract_row(e, inputs) for e in evaluations]


def contract_row(evaluation: AgencyEvaluation, inputs: Inputs) -> dict:
    org = evaluation.organization
    scores = sorted(evaluation.scores.all(), key=lambda s: s.criterion.order)
    lines = indicator_lines(org, inputs, evaluation.indicator_set_id)
    return {
        "code": org.code or "",
        "name": org.name,
        "general": two(evaluation.general),
        "task": two(evaluation.task),
        "total": two(evaluation.total),
        "level": evaluation.level,
        "status": evaluation.status,
        "criteria": [
            {
                "name": f"{s.criterion.code} {s.criterion.name}",
                "points": two(s.points) if s.points is not None else "0.00",
                "max": two(s.criterion.max_points),
                "source": Measure.COMPUTED if s.computed is not None else s.criterion.measure,
            }
            for s in scores
        ],
        "indicators": [
            {
                "name": line.indicator.name,
                "unit": line.indicator.unit,
                "target": two(_dec(line.target)),
                "actual": two(_dec(line.actual)),
                "points": two(_dec(line.points)),
            }
            for line in lines
        ],
    }


def _dec(value):
    if value is None:
        return None
    return Decimal(value.numerator) / Decimal(value.denominator)


def year_rows(year: int, queryset=None) -> list[dict]:
    queryset = AgencyEvaluation.objects.all() if queryset is None else queryset
    return contract_rows(queryset.filter(year=year).order_by("-total", "organization__name"))
