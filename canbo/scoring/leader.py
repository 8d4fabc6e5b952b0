"""Leader components d, đ, e (Art. 15)."""

from __future__ import annotations

from fractions import Fraction

from canbo.scoring.numfmt import fmt_percent
from canbo.scoring.rulebook import LEVEL_KEYS, Rulebook
from canbo.scoring.text import Translated, _, gettext_noop
from canbo.scoring.types import LeaderInput, ScoringInputError, Step

LEVEL_TEXT = Translated(
    {"full": gettext_noop("full level"), "partial": gettext_noop("partial level")}
)


def _level(value: object, field: str) -> str:
    if value not in LEVEL_KEYS:
        raise ScoringInputError(
            field,
            _("Invalid value “%(value)s”. Valid values: %(known)s.")
            % {"value": value, "known": ", ".join(LEVEL_KEYS)},
        )
    return str(value)


def leader_components(
    leader: LeaderInput, rulebook: Rulebook
) -> tuple[Fraction, Fraction, Fraction, list[Step]]:
    """Return d, đ, e and one explanation step each."""
    unit = "full" if leader.unit_all_complete else "partial"
    organising = _level(leader.organising, "leader.organising")
    third = _level(leader.third, "leader.third")
    d = rulebook.unit_values[unit]
    dd = rulebook.organising_values[organising]
    e = rulebook.third_values[third]
    unit_text = (
        _("every civil servant under one's management reached Completing tasks or higher")
        if leader.unit_all_complete
        else _("a civil servant under one's management is at Failing to complete tasks")
    )
    steps = [
        Step(
            "leader_unit",
            rulebook.basis_for("unit_values"),
            _("d (the unit's result) = %(value)s: %(reason)s.")
            % {"value": fmt_percent(d), "reason": unit_text},
        ),
        Step(
            "leader_organising",
            rulebook.basis_for("organising_values"),
            _("đ (capacity to organise the work) = %(value)s: %(level)s.")
            % {"value": fmt_percent(dd), "level": LEVEL_TEXT[organising]},
        ),
        Step(
            "leader_third",
            rulebook.basis_for("third_values"),
            _("e (internal unity) = %(value)s: %(level)s.")
            % {"value": fmt_percent(e), "level": LEVEL_TEXT[third]},
        ),
    ]
    return d, dd, e, steps
