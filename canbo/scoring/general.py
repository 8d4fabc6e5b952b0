"""General criteria points of one period (Art. 12): each line checked against its maximum and
step, then summed by group for the explanation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction

from canbo.scoring.criteria import CriteriaSet, Criterion
from canbo.scoring.numfmt import Number, fmt, to_fraction
from canbo.scoring.text import _
from canbo.scoring.types import ScoringInputError, Step


def _points(raw: Number, criterion: Criterion, field: str) -> Fraction:
    try:
        points = to_fraction(raw)
    except (TypeError, ValueError):
        raise ScoringInputError(field, _("Points must be a number.")) from None
    if not 0 <= points <= criterion.max_points:
        raise ScoringInputError(
            field,
            _("Points %(points)s lie outside 0 – %(most)s.")
            % {"points": fmt(points), "most": fmt(criterion.max_points)},
        )
    if points % criterion.step:
        raise ScoringInputError(
            field,
            _("Points %(points)s are not a multiple of the step %(step)s.")
            % {"points": fmt(points, 4), "step": fmt(criterion.step)},
        )
    return points


GeneralPoints = Sequence[Number] | Mapping[str, Number]


def score_general(points: GeneralPoints, criteria: CriteriaSet) -> tuple[Fraction, Step]:
    """Sum the lines of a criteria set, each checked against its maximum and step.

    `points` follow the set's items, or are keyed by item code ({"I.1": 5, ...}).
    """
    listed = criteria.ordered(points) if isinstance(points, Mapping) else list(points)
    items = criteria.items
    if len(listed) != len(items):
        raise ScoringInputError(
            "general",
            _(
                "Criteria set “%(code)s” needs exactly %(count)s general criteria points "
                "(%(codes)s), got %(got)s."
            )
            % {
                "code": criteria.code,
                "count": len(items),
                "codes": ", ".join(criteria.codes),
                "got": len(listed),
            },
        )
    values = [
        _points(p, c, _field(points, i, c))
        for i, (p, c) in enumerate(zip(listed, items, strict=True))
    ]
    total = sum(values, Fraction(0))
    parts = "; ".join(
        f"({group.code}) {fmt(subtotal)}/{fmt(group.max_points)}"
        for group, subtotal in criteria.subtotals(values)
    )
    text = _("General criteria: %(parts)s. Sum %(total)s/%(most)s points.") % {
        "parts": parts,
        "total": fmt(total),
        "most": fmt(criteria.max_points),
    }
    return total, Step("general", criteria.basis, text)


def _field(points: GeneralPoints, index: int, criterion: Criterion) -> str:
    return f"general.{criterion.code}" if isinstance(points, Mapping) else f"general[{index}]"
