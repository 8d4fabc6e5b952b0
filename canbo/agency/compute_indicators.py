"""The indicators criterion: each socio-economic indicator's completion against the commune's
target turned into points (canbo.scoring.agency), their sum scaled to the criterion."""

from dataclasses import dataclass
from fractions import Fraction

from django.utils.translation import gettext as _

from canbo.agency.compute_inputs import ZERO, Computed, Inputs
from canbo.agency.models import ActualStatus, Direction, Indicator
from canbo.org.models import Organization
from canbo.scoring import fmt
from canbo.scoring.agency import completion_ratio, ratio_points
from canbo.scoring.numfmt import fmt_percent, to_fraction


@dataclass(frozen=True)
class IndicatorLine:
    indicator: Indicator
    target: Fraction | None
    actual: Fraction | None
    points: Fraction
    text: str


def indicator_lines(
    commune: Organization, inputs: Inputs, indicator_set_id: int | None
) -> list[IndicatorLine]:
    lines = []
    for indicator in inputs.indicators.get(indicator_set_id, []):
        target = inputs.targets.get((indicator.pk, commune.pk))
        actual_row = inputs.actuals.get((indicator.pk, commune.pk))
        counted = actual_row is not None and actual_row.status != ActualStatus.REJECTED
        actual = to_fraction(actual_row.value) if counted else None
        lines.append(_indicator_line(indicator, target, actual, actual_row))
    return lines


def _indicator_line(indicator, target, actual, row) -> IndicatorLine:
    most = to_fraction(indicator.max_points)
    names = {"name": indicator.name, "max": fmt(most)}
    if target is None:
        return IndicatorLine(
            indicator,
            None,
            actual,
            ZERO,
            _("%(name)s: no target assigned, 0 of %(max)s points.") % names,
        )
    if actual is None:
        text = _("%(name)s: no accepted actual, 0 of %(max)s points.") % names
        return IndicatorLine(indicator, target, None, ZERO, text)
    points, text = _completion(indicator, target, actual, names)
    if row is not None and row.status == ActualStatus.ENTERED:
        text += " " + _("(not yet accepted by the province)")
    return IndicatorLine(indicator, target, actual, points, text)


def _completion(indicator, target: Fraction, actual: Fraction, names: dict):
    """The points of an indicator with a target and an actual, and their explanation."""
    ratio = completion_ratio(target, actual, indicator.direction)
    points = ratio_points(
        ratio,
        to_fraction(indicator.max_points),
        to_fraction(indicator.full_ratio),
        to_fraction(indicator.zero_ratio),
    )
    formula = "TH / KH" if indicator.direction == Direction.HIGHER else "KH / TH"
    text = _(
        "%(name)s: target %(t)s, actual %(a)s %(unit)s, completion %(f)s = %(r)s, "
        "%(p)s of %(max)s points."
    ) % {
        **names,
        "t": fmt(target),
        "a": fmt(actual),
        "unit": indicator.unit,
        "f": formula,
        "r": fmt_percent(ratio),
        "p": fmt(points),
    }
    return points, text


def indicator_points(
    most: Fraction, commune: Organization, inputs: Inputs, indicator_set_id: int | None
) -> Computed:
    lines = indicator_lines(commune, inputs, indicator_set_id)
    if not lines:
        return Computed(ZERO, _("No indicator set for %(year)s: 0 points.") % {"year": inputs.year})
    got = sum((line.points for line in lines), ZERO)
    full = sum((to_fraction(line.indicator.max_points) for line in lines), ZERO)
    points = most * got / full if full else ZERO
    text = (
        " ".join(line.text for line in lines)
        + " "
        + _("Indicators: %(got)s of %(full)s points, scaled to %(max)s: %(points)s.")
        % {"got": fmt(got), "full": fmt(full), "max": fmt(most), "points": fmt(points)}
    )
    return Computed(points, text)
