import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest

import canbo.scoring
from canbo.scoring import (
    DEFAULT_RULEBOOK,
    LABELS,
    OVERRIDES,
    RULEBOOKS,
    ScoringInputError,
    get_rulebook,
    rulebook_for,
)


def test_default_rulebook_parameters() -> None:
    rb = get_rulebook(DEFAULT_RULEBOOK)
    assert rb.code == "nd335-2025" and RULEBOOKS[rb.code] is rb
    assert rb.effective_from == date(2026, 1, 1) and rb.effective_to is None
    three = rb.criteria_set("nd335-3").items
    assert [c.max_points for c in three] == [10, 10, 10] and [c.code for c in three] == [
        "a",
        "b",
        "c",
    ]
    assert all(c.step == Fraction(1, 2) for c in three)
    assert rb.default_criteria_set == "nd335-mau01"
    assert rb.general_max == 30 and rb.task_max == 70
    assert rb.quality_deduction == rb.delay_deduction == Fraction(1, 4)
    assert (rb.staff_divisor, rb.leader_divisor) == (3, 6)
    assert (rb.threshold_excellent, rb.threshold_good, rb.threshold_complete) == (90, 70, 50)
    assert (rb.quota_ratio, rb.quota_exception_ratio) == (Fraction(1, 5), Fraction(1, 4))
    assert (rb.late_item_mode, rb.no_items_policy, rb.quarter_mode, rb.quota_rounding) == (
        "deduct",
        "exclude",
        "pool",
        "floor",
    )


def test_every_parameter_has_a_basis() -> None:
    rb = get_rulebook()
    assert rb.basis["thresholds"] == "Điều 20 NĐ 335/2025/NĐ-CP"
    assert "chưa xác nhận" in rb.basis["quota_exception_ratio"]
    assert "chưa xác nhận" in rb.basis["late_item_mode"]


def test_rulebook_for_day() -> None:
    assert rulebook_for(date(2026, 6, 30)).code == "nd335-2025"
    with pytest.raises(ScoringInputError):
        rulebook_for(date(2025, 12, 31))


def test_unknown_rulebook() -> None:
    with pytest.raises(ScoringInputError) as raised:
        get_rulebook("nd999")
    assert raised.value.field == "rulebook"


def test_bad_parameter_rejected() -> None:
    with pytest.raises(ValueError):
        replace(get_rulebook(), late_item_mode="sometimes")


def test_user_texts_are_nfc() -> None:
    texts = list(LABELS.values()) + list(OVERRIDES.values())
    for criteria in get_rulebook().criteria_sets:
        texts += [criteria.name, criteria.basis] + [g.label for g in criteria.groups]
        texts += [c.label for c in criteria.items]
    texts += list(get_rulebook().basis.values())
    for path in Path(canbo.scoring.__file__).parent.glob("*.py"):
        texts.append(path.read_text(encoding="utf-8"))
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_package_is_pure() -> None:
    code = "import sys, canbo.scoring; print(sorted(m for m in sys.modules if 'django' in m))"
    output = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(canbo.scoring.__file__).parents[2],
    )
    assert output.stdout.strip() == "[]"
