"""Leader components d, đ, e (Art. 15)."""

from __future__ import annotations

from fractions import Fraction

from canbo.scoring.numfmt import fmt_percent
from canbo.scoring.rulebook import LEVEL_KEYS, Rulebook
from canbo.scoring.types import LeaderInput, ScoringInputError, Step

LEVEL_TEXT = {"full": "đầy đủ", "partial": "một phần"}


def _level(value: object, field: str) -> str:
    if value not in LEVEL_KEYS:
        raise ScoringInputError(
            field, f"Giá trị “{value}” không hợp lệ. Giá trị hợp lệ: {', '.join(LEVEL_KEYS)}."
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
        "mọi công chức thuộc quyền quản lý đạt từ mức Hoàn thành nhiệm vụ trở lên"
        if leader.unit_all_complete
        else "có công chức thuộc quyền quản lý ở mức Không hoàn thành nhiệm vụ"
    )
    steps = [
        Step(
            "leader_unit",
            rulebook.basis_for("unit_values"),
            f"d (kết quả của đơn vị) = {fmt_percent(d)}: {unit_text}.",
        ),
        Step(
            "leader_organising",
            rulebook.basis_for("organising_values"),
            f"đ (năng lực tổ chức thực hiện) = {fmt_percent(dd)}: mức {LEVEL_TEXT[organising]}.",
        ),
        Step(
            "leader_third",
            rulebook.basis_for("third_values"),
            f"e (đoàn kết nội bộ) = {fmt_percent(e)}: mức {LEVEL_TEXT[third]}.",
        ),
    ]
    return d, dd, e, steps
