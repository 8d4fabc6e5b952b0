"""The engine's texts are English msgids translated by the translator the application installs
(canbo.core.apps installs Django's gettext): Vietnamese by default, English on request, and
English when the engine runs without Django."""

from fractions import Fraction

import pytest
from django.utils import translation
from django.utils.translation import gettext

import canbo.scoring
from canbo.scoring import LABELS, OVERRIDES, ScoringInputError, classify, get_rulebook
from canbo.scoring import text as scoring_text


def _explanation(total: int, overrides: tuple[str, ...] = ()) -> list[str]:
    return [step.text for step in classify(Fraction(total), overrides=overrides).explanation]


def test_django_installs_gettext_and_vietnamese_is_the_default() -> None:
    assert _explanation(95) == ["Tổng điểm 95 (≥ 90): Hoàn thành xuất sắc nhiệm vụ."]
    assert LABELS["good"] == "Hoàn thành tốt nhiệm vụ"
    assert canbo.scoring.NO_ITEMS_TEXT == "không có sản phẩm được giao"


def test_the_active_language_decides_at_the_time_of_use() -> None:
    with translation.override("en"):
        assert _explanation(75) == ["Total 75 (from 70 to below 90): Completing tasks well."]
        assert OVERRIDES["discipline"].startswith("Disciplined with a reprimand")
        with pytest.raises(ScoringInputError) as raised:
            get_rulebook("nd999")
        assert str(raised.value).startswith("Invalid data at “rulebook”: There is no rulebook")
    assert _explanation(75) == ["Tổng điểm 75 (từ 70 đến dưới 90): Hoàn thành tốt nhiệm vụ."]


def test_without_a_translator_the_texts_stay_english() -> None:
    scoring_text.install(None)
    try:
        assert _explanation(40, ("discipline",))[1] == (
            "Disciplined with a reprimand or heavier for a violation in public duties in the "
            "year evaluated: classified Failing to complete tasks whatever the points."
        )
        assert dict(LABELS)["fail"] == "Failing to complete tasks"
    finally:
        scoring_text.install(gettext)
    assert LABELS["fail"] == "Không hoàn thành nhiệm vụ"


def test_a_table_of_texts_answers_membership_without_translating() -> None:
    assert "discipline" in OVERRIDES and "nothing" not in OVERRIDES
    assert list(LABELS) == ["excellent", "good", "complete", "fail"] and len(LABELS) == 4
