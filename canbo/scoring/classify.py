"""Classification by thresholds (Art. 20), with overrides that force "fail"."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from canbo.scoring.numfmt import fmt, rounded
from canbo.scoring.rulebook import Rulebook, resolve
from canbo.scoring.text import Translated, _, gettext_noop
from canbo.scoring.types import Classification, ScoringInputError, Step

EXCELLENT = "excellent"
GOOD = "good"
COMPLETE = "complete"
FAIL = "fail"
LEVELS = (EXCELLENT, GOOD, COMPLETE, FAIL)

# Read at the time of use, in the active language (canbo.scoring.text).
LABELS = Translated(
    {
        EXCELLENT: gettext_noop("Completing tasks excellently"),
        GOOD: gettext_noop("Completing tasks well"),
        COMPLETE: gettext_noop("Completing tasks"),
        FAIL: gettext_noop("Failing to complete tasks"),
    }
)

# The grounds of Art. 20 that force "fail" whatever the points.
OVERRIDES = Translated(
    {
        "degradation": gettext_noop(
            "A competent authority concluded degradation in political ideology, ethics or "
            "lifestyle, “self-evolution” or “self-transformation”, a breach of what party "
            "members must not do or of the duty to set an example"
        ),
        "discipline": gettext_noop(
            "Disciplined with a reprimand or heavier for a violation in public duties in the "
            "year evaluated"
        ),
        "corruption_in_unit": gettext_noop(
            "The unit under one's direct charge was handled for corruption, embezzlement or "
            "waste (applies to leaders and managers)"
        ),
    }
)


def check_overrides(overrides: Sequence[str]) -> None:
    for index, code in enumerate(overrides):
        if code not in OVERRIDES:
            known = ", ".join(OVERRIDES)
            raise ScoringInputError(
                f"overrides[{index}]",
                _("Invalid ground “%(code)s”. Valid values: %(known)s.")
                % {"code": code, "known": known},
            )


def lower_than(level: str, reference: str | None) -> bool:
    """Whether `level` is strictly below `reference` (nothing is below an unknown level)."""
    if level not in LEVELS or reference not in LEVELS:
        return False
    return LEVELS.index(level) > LEVELS.index(reference)


def level_for(total: Fraction, rulebook: Rulebook) -> str:
    """Level from the unrounded total alone."""
    if total >= rulebook.threshold_excellent:
        return EXCELLENT
    if total >= rulebook.threshold_good:
        return GOOD
    if total >= rulebook.threshold_complete:
        return COMPLETE
    return FAIL


def bounds_text(level: str, excellent: Fraction, good: Fraction, complete: Fraction) -> str:
    """The range of totals a level covers, given the three thresholds."""
    if level == EXCELLENT:
        return f"≥ {fmt(excellent)}"
    if level == FAIL:
        return f"< {fmt(complete)}"
    low, high = (good, excellent) if level == GOOD else (complete, good)
    return _("from %(low)s to below %(high)s") % {"low": fmt(low), "high": fmt(high)}


def _threshold_text(total: Fraction, level: str, rulebook: Rulebook) -> str:
    bounds = bounds_text(
        level, rulebook.threshold_excellent, rulebook.threshold_good, rulebook.threshold_complete
    )
    text = _("Total %(total)s (%(bounds)s): %(label)s.") % {
        "total": fmt(total),
        "bounds": bounds,
        "label": LABELS[level],
    }
    if rounded(total) != total:
        # 89,999 displays as 90 but is classified below 90: say so.
        text += " " + _("Classified by the unrounded total.")
    return text


def classify(
    total: Fraction | None,
    rulebook: Rulebook | None = None,
    overrides: Sequence[str] = (),
    explain: bool = True,
) -> Classification:
    """Classify an unrounded total; any override forces "fail", even without a total."""
    rulebook = resolve(rulebook)
    check_overrides(overrides)
    if not explain:
        code = FAIL if overrides else (None if total is None else level_for(total, rulebook))
        return Classification(code, LABELS[code] if code else None, ())
    basis = rulebook.basis_for("thresholds")
    steps: list[Step] = []
    if total is None:
        steps.append(
            Step("classification", basis, _("No total yet, so no classification by points."))
        )
        code = None
    else:
        code = level_for(total, rulebook)
        steps.append(Step("classification", basis, _threshold_text(total, code, rulebook)))
    for override in dict.fromkeys(overrides):
        text = _("%(ground)s: classified %(label)s whatever the points.") % {
            "ground": OVERRIDES[override],
            "label": LABELS[FAIL],
        }
        steps.append(Step("override", rulebook.basis_for("overrides"), text))
        code = FAIL
    return Classification(code, LABELS[code] if code else None, tuple(steps))
