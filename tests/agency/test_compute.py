"""Computed criteria with hand-checked numbers, and the classification thresholds."""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

from canbo.agency.signals import procedure_measures
from canbo.scoring import get_rulebook
from canbo.scoring.agency import classify_agency, completion_ratio, ratio_points
from tests.agency.conftest import evaluation_of, score_of


def test_work_abc_over_all_the_communes_tasks(agency_world):
    # Assigned 1 + 2 + 1 = 4; completed 3; quality 1 + (2 − ¼·2) = 2.5; progress 3.
    # a = 75 %, b = 62.5 %, c = 75 %: 15 × 2.125 / 3 = 10.625 (Đoàn Kết's task not counted).
    score = score_of(evaluation_of(agency_world.tanphong), "II.2")
    assert score.computed == Decimal("10.6250")
    assert "a (số lượng) = 75 %" in score.explanation or "75 %" in score.explanation
    assert "62,5 %" in score.explanation


def test_cadre_quality(agency_world):
    # 4 of 5 meet the standards (80 %), plan 1 of 2 (50 %), 1 of 4 "fail" (25 %):
    # 4 × (0.8 + 0.5 + 0.75) / 3 = 2.7333…
    score = score_of(evaluation_of(agency_world.tanphong), "I.3")
    assert score.computed == Decimal("2.7333")
    assert "4" in score.explanation and "50 %" in score.explanation
    assert "25 %" in score.explanation


def test_indicators_scaled_to_the_criterion(agency_world):
    # Income 90 / 100 = 90 % → 4 × 0.4 / 0.5 = 3.2; poverty (lower is better) 10 / 12.5 = 80 %
    # → 2.4; 5.6 of 8 scaled to 20 = 14.
    score = score_of(evaluation_of(agency_world.tanphong), "II.3")
    assert score.computed == Decimal("14.0000")
    assert "3,2" in score.explanation and "2,4" in score.explanation
    # Đoàn Kết exceeds both: full points.
    assert score_of(evaluation_of(agency_world.doanket), "II.3").computed == Decimal("20.0000")


def test_procedures_entered_until_a_receiver_answers(agency_world):
    from canbo.agency import totals

    evaluation = evaluation_of(agency_world.tanphong)
    assert score_of(evaluation, "II.5").computed is None

    def answer(sender, organization, year, **kwargs):
        return {"on_time": Fraction(9, 10), "satisfaction": Fraction(8, 10)}

    procedure_measures.connect(answer, dispatch_uid="test.procedures")
    try:
        totals.refresh([evaluation])
    finally:
        procedure_measures.disconnect(dispatch_uid="test.procedures")
    # 15 × (0.9 + 0.8) / 2 = 12.75
    assert score_of(evaluation, "II.5").computed == Decimal("12.7500")


def test_totals_and_level(agency_world):
    evaluation = evaluation_of(agency_world.tanphong)
    # Nothing entered yet: general = 2.7333, task = 10.625 + 14 = 24.625.
    assert evaluation.general == Decimal("2.7333")
    assert evaluation.task == Decimal("24.6250")
    assert evaluation.level == "fail"
    assert "Không hoàn thành nhiệm vụ" in evaluation.explanation[-1]["text"]


def test_classification_thresholds_and_rulebook_parameters():
    rulebook = get_rulebook()
    assert (
        rulebook.agency_threshold_excellent,
        rulebook.agency_threshold_good,
        rulebook.agency_threshold_complete,
    ) == (90, 70, 50)
    assert rulebook.agency_informs_leader is False
    cases = {
        Fraction(90): "excellent",
        Fraction(8999, 100): "good",
        Fraction(70): "good",
        Fraction(6999, 100): "complete",
        Fraction(50): "complete",
        Fraction(4999, 100): "fail",
    }
    for total, level in cases.items():
        assert classify_agency(total, rulebook).code == level, total
    stricter = replace(rulebook, agency_threshold_excellent=Fraction(95))
    result = classify_agency(Fraction(92), stricter)
    assert result.code == "good"
    assert "từ 70 đến dưới 95" in result.explanation[0].text


def test_ratio_mapping():
    assert completion_ratio(Fraction(100), Fraction(120), "higher") == Fraction(6, 5)
    assert completion_ratio(Fraction(10), Fraction(20), "lower") == Fraction(1, 2)
    assert ratio_points(Fraction(3, 4), Fraction(4), Fraction(1), Fraction(1, 2)) == 2
    assert ratio_points(Fraction(2), Fraction(4), Fraction(1), Fraction(1, 2)) == 4
    assert ratio_points(Fraction(1, 2), Fraction(4), Fraction(1), Fraction(1, 2)) == 0
