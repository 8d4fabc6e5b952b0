"""Pure rules for evaluating an agency (the commune itself, DOMAIN §6): how an indicator's
completion ratio maps to points, how a computed criterion scales its ratios, and the
classification on the rulebook's agency thresholds. Stdlib only."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from canbo.scoring.classify import COMPLETE, EXCELLENT, FAIL, GOOD, LABELS, bounds_text
from canbo.scoring.numfmt import fmt, fmt_percent
from canbo.scoring.rulebook import Rulebook, resolve
from canbo.scoring.text import _
from canbo.scoring.types import Classification, ScoringInputError, Step

HIGHER, LOWER = "higher", "lower"


def completion_ratio(target: Fraction, actual: Fraction, direction: str) -> Fraction:
    """actual / target when higher is better, target / actual when lower is better."""
    if direction not in (HIGHER, LOWER):
        raise ScoringInputError("direction", _("The direction must be higher or lower."))
    if direction == HIGHER:
        if target <= 0:
            return Fraction(1) if actual >= target else Fraction(0)
        return max(Fraction(0), actual / target)
    if actual <= 0:
        return Fraction(1) if target >= 0 else Fraction(0)
    return max(Fraction(0), target / actual)


def ratio_points(
    ratio: Fraction, most: Fraction, full_ratio: Fraction, zero_ratio: Fraction
) -> Fraction:
    """0 at or below `zero_ratio`, `most` at or above `full_ratio`, linear in between."""
    if not zero_ratio < full_ratio:
        raise ScoringInputError(
            "zero_ratio", _("The ratio that scores 0 must be below the ratio that scores in full.")
        )
    if ratio >= full_ratio:
        return most
    if ratio <= zero_ratio:
        return Fraction(0)
    return most * (ratio - zero_ratio) / (full_ratio - zero_ratio)


def mean_points(most: Fraction, ratios: Sequence[Fraction]) -> Fraction:
    """`most` × the mean of the ratios (each capped to [0, 1])."""
    if not ratios:
        return Fraction(0)
    capped = [min(Fraction(1), max(Fraction(0), r)) for r in ratios]
    return most * sum(capped, Fraction(0)) / len(capped)


def agency_level(total: Fraction, rulebook: Rulebook) -> str:
    if total >= rulebook.agency_threshold_excellent:
        return EXCELLENT
    if total >= rulebook.agency_threshold_good:
        return GOOD
    if total >= rulebook.agency_threshold_complete:
        return COMPLETE
    return FAIL


def classify_agency(total: Fraction, rulebook: Rulebook | None = None) -> Classification:
    """The agency's level from its unrounded total, with the threshold it met."""
    rulebook = resolve(rulebook)
    code = agency_level(total, rulebook)
    bounds = bounds_text(
        code,
        rulebook.agency_threshold_excellent,
        rulebook.agency_threshold_good,
        rulebook.agency_threshold_complete,
    )
    text = _("Agency total %(total)s (%(bounds)s): %(label)s.") % {
        "total": fmt(total),
        "bounds": bounds,
        "label": LABELS[code],
    }
    step = Step("agency_classification", rulebook.basis_for("agency_thresholds"), text)
    return Classification(code, LABELS[code], (step,))


def percent(value: Fraction) -> str:
    return fmt_percent(value)
