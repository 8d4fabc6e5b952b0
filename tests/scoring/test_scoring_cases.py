import copy
import json

import pytest

from canbo.scoring import ScoringInputError, run_json

ITEM = {
    "quantity": 5,
    "coefficient": 1.2,
    "completed": True,
    "quality_failures": 1,
    "objective_quality_failures": 0,
    "delays": 2,
    "objective_delays": 1,
}
CASE = {
    "role": "staff",
    "general": [9, 8, 8],
    "items": [ITEM, {"quantity": 4, "coefficient": 1, "completed": False}],
}
LEADER = {
    "role": "leader",
    "general": [10, 10, 10],
    "items": [{"quantity": 1, "coefficient": 1, "completed": True}],
    "leader": {"unit_all_complete": False, "organising": "partial", "third": "full"},
}
YEAR = {
    "year": {
        "periods": [
            {"total": 91.5, "worked": True},
            {"total": 20, "worked": False},
            {"total": 88.5},
        ],
        "overrides": [],
    }
}


def test_single_case() -> None:
    result = run_json(CASE)
    assert result["a"] == 0.6 and result["b"] == 0.57 and result["c"] == 0.57
    assert result["general_score"] == 25.0
    assert result["task_score"] == pytest.approx(40.6)
    assert result["classification"] == "complete"
    assert result["label"] == "Hoàn thành nhiệm vụ"
    assert {"rule", "basis", "text"} == set(result["explanation"][0])
    assert "d" not in result
    json.dumps(result)  # plain JSON types only


def test_leader_case_outputs_d_dd_e() -> None:
    result = run_json(LEADER)
    assert (result["d"], result["dd"], result["e"]) == (0.5, 0.5, 1.0)
    assert result["task_score"] == pytest.approx(70 * 5 / 6)


def test_no_items_gives_nulls() -> None:
    result = run_json({"general": [10, 10, 10], "items": []})
    assert result["task_score"] is None and result["total"] is None and result["a"] is None
    assert any("không có sản phẩm được giao" in s["text"] for s in result["explanation"])


def test_cases_list() -> None:
    output = run_json({"cases": [CASE, LEADER]})
    assert [r["classification"] for r in output["results"]] == ["complete", "good"]  # 30 + 70 × 5/6


def test_year() -> None:
    output = run_json(YEAR)
    assert output["total"] == 90.0 and output["classification"] == "excellent"
    assert set(output) == {"total", "classification", "label", "explanation"}


def test_year_override() -> None:
    data = copy.deepcopy(YEAR)
    data["year"]["overrides"] = ["corruption_in_unit"]
    data["rulebook"] = "nd335-2025"
    assert run_json(data)["classification"] == "fail"


def _with(path: list, value: object, base: dict = CASE) -> dict:
    data = copy.deepcopy(base)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (_with(["colour"], "red"), "colour"),
        (_with(["items", 0, "colour"], 1), "items[0].colour"),
        (_with(["items", 0, "quantity"], "5"), "items[0].quantity"),
        (_with(["items", 0, "quantity"], True), "items[0].quantity"),
        (_with(["items", 0, "completed"], 1), "items[0].completed"),
        (_with(["items", 0, "quantity"], -1), "items[0].quantity"),
        (_with(["items", 0, "coefficient"], 0), "items[0].coefficient"),
        (_with(["items", 0, "delays"], -1), "items[0].delays"),
        (_with(["items", 0, "delays"], 1.5), "items[0].delays"),
        (_with(["items", 0, "quality_failures"], False), "items[0].quality_failures"),
        (
            _with(["items", 0, "objective_quality_failures"], 2),
            "items[0].objective_quality_failures",
        ),
        (_with(["items", 0, "objective_delays"], 3), "items[0].objective_delays"),
        (_with(["items", 1, "delays"], 1), "items[1].delays"),
        (_with(["items", 1, "quality_failures"], 1), "items[1].quality_failures"),
        (_with(["items", 0], [1, 2]), "items[0]"),
        (_with(["items"], {}), "items"),
        (_with(["general"], [9, 8]), "general"),
        (_with(["general"], [9, 8, 10.5]), "general[2]"),
        (_with(["general"], [9, -1, 8]), "general[1]"),
        (_with(["general"], [9, 8, 8.2]), "general[2]"),
        (_with(["general"], [9, True, 8]), "general[1]"),
        (_with(["general"], [5, 5, 2.5, 2.5, 2.5, 2.6, 10]), "general[5]"),
        (_with(["general"], {"I.1": 5, "I.2": "5"}), "general.I.2"),
        (_with(["general"], {"I.1": 5, "I.2": 5}), "general"),
        (_with(["general"], "9, 8, 8"), "general"),
        (_with(["criteria_set"], "nd999"), "criteria_set"),
        (_with(["criteria_set"], 3), "criteria_set"),
        (_with(["role"], "chief"), "role"),
        (_with(["rulebook"], "nd999"), "rulebook"),
        (_with(["overrides"], ["late"]), "overrides[0]"),
        (_with(["leader"], {"unit_all_complete": True}), "leader"),
        (_with(["leader", "organising"], "some", LEADER), "leader.organising"),
        (_with(["leader", "third"], "none", LEADER), "leader.third"),
        (_with(["leader", "extra"], 1, LEADER), "leader.extra"),
        (_with(["leader", "unit_all_complete"], "yes", LEADER), "leader.unit_all_complete"),
        (_with(["role"], "leader"), "leader"),
        ({"items": []}, "general"),
        ({"cases": [CASE, _with(["items", 0, "quantity"], -2)]}, "cases[1].items[0].quantity"),
        ({"cases": [_with(["role"], "x")]}, "cases[0].role"),
        ({"cases": [], "extra": 1}, "extra"),
        ({"cases": {}}, "cases"),
        (_with(["year", "periods", 0, "total"], 100.5, YEAR), "year.periods[0].total"),
        (_with(["year", "periods", 1, "total"], -1, YEAR), "year.periods[1].total"),
        (_with(["year", "periods", 0, "worked"], "yes", YEAR), "year.periods[0].worked"),
        (_with(["year", "overrides"], ["x"], YEAR), "year.overrides[0]"),
        (_with(["year", "extra"], 1, YEAR), "year.extra"),
        (_with(["items"], [], YEAR), "items"),
    ],
)
def test_validation_names_the_field(data: dict, field: str) -> None:
    with pytest.raises(ScoringInputError) as raised:
        run_json(data)
    assert raised.value.field == field
    assert field in str(raised.value)
    assert raised.value.message


@pytest.mark.parametrize("data", [[CASE], "x", None, 3])
def test_top_level_must_be_an_object(data: object) -> None:
    with pytest.raises(ScoringInputError):
        run_json(data)


FORM01 = {"I.1": 5, "I.2": 4.5, "II.1": 2.5, "II.2": 2.25, "II.3": 2, "II.4": 2.25, "III": 7.5}


def test_old_three_numbers_still_score_with_the_old_set() -> None:
    result = run_json(CASE)
    assert result["criteria_set"] == "nd335-3"
    general_step = next(s for s in result["explanation"] if s["rule"] == "general")
    assert "(a) 9/10; (b) 8/10; (c) 8/10" in general_step["text"]


@pytest.mark.parametrize("general", [list(FORM01.values()), FORM01])
def test_form01_sub_items_as_list_or_by_code(general) -> None:
    result = run_json(_with(["general"], general))
    assert result["criteria_set"] == "nd335-mau01"
    assert result["general_score"] == 26.0
    general_step = next(s for s in result["explanation"] if s["rule"] == "general")
    assert "(I) 9,5/10; (II) 9/10; (III) 7,5/10" in general_step["text"]


def test_wrong_count_explains_both_shapes() -> None:
    with pytest.raises(ScoringInputError) as raised:
        run_json(_with(["general"], [5, 5, 2.5, 2.5, 2.5]))
    assert raised.value.field == "general"
    assert "3 điểm (a, b, c) hoặc 7 điểm (I.1, I.2, II.1, II.2, II.3, II.4, III)" in str(
        raised.value
    )


def test_named_set_must_match_the_points() -> None:
    with pytest.raises(ScoringInputError) as raised:
        run_json({**CASE, "criteria_set": "nd335-mau01"})
    assert raised.value.field == "general" and "cần đúng 7 điểm" in raised.value.message
