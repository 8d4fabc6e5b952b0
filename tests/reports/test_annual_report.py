"""The annual report: counts per level and group against the quota, each person's result."""

import pytest

from canbo.reports.annual_report import agencies_under, annual_report, missing_months
from tests.reports.annual_world import YEAR, build_year_end


@pytest.fixture
def report(world):
    build_year_end(world)
    return annual_report(YEAR, agencies_under(YEAR, world.province))


def _org(report, name):
    return next(o for o in report["organizations"] if o["name"] == name)


def _group(org, name):
    return next(g for g in org["groups"] if g["name"] == name)


def test_contract_keys(report):
    assert set(report) == {"year", "organizations"} and report["year"] == YEAR
    org = report["organizations"][0]
    assert set(org) == {"code", "name", "finalised", "groups", "people"}
    assert set(org["groups"][0]) == {
        "name",
        "excellent",
        "good",
        "complete",
        "fail",
        "cap",
        "exception",
        "over",
    }
    assert set(org["people"][0]) == {
        "code",
        "name",
        "group",
        "months_counted",
        "months_absent",
        "average",
        "score_level",
        "final_level",
        "overrides",
        "decision",
    }


def test_counts_use_final_levels_and_the_cap(report):
    tp = _org(report, "Phường Tân Phong")
    assert not tp["finalised"] and tp["code"] == "000.01.29.H29"
    archives = _group(tp, "Nhóm Văn phòng - Lưu trữ")
    # E-3 is "excellent" by score but "good" by decision: counted as good.
    assert (archives["excellent"], archives["good"], archives["cap"]) == (2, 6, 1)
    assert archives["over"] and not archives["exception"]
    leaders = _group(tp, "Lãnh đạo UBND xã, phường")
    assert (leaders["excellent"], leaders["cap"], leaders["over"]) == (1, 0, True)
    whole = tp["groups"][0]
    assert whole["name"] == "Toàn cơ quan"
    assert (whole["excellent"], whole["good"], whole["complete"], whole["fail"]) == (3, 6, 0, 1)
    assert whole["cap"] == 1 and whole["over"]


def test_exception_raises_the_cap_and_finalised(report):
    dk = _org(report, "Phường Đoàn Kết")
    assert dk["finalised"]
    assert all(g["exception"] and not g["over"] for g in dk["groups"])


def test_people_levels_averages_and_decisions(report):
    people = {p["code"]: p for p in _org(report, "Phường Tân Phong")["people"]}
    assert people["TP-1"]["average"] == "91.50" and people["TP-1"]["final_level"] == "excellent"
    # 89.99499999 rounds to 89.99, not through the stored 89.9950 to 90.00.
    assert people["TP-2"]["average"] == "89.99"
    lowered = people["E-3"]
    assert (lowered["score_level"], lowered["final_level"], lowered["decision"]) == (
        "excellent",
        "good",
        "15/QĐ-UBND",
    )
    assert people["TP-3"]["overrides"] == ["discipline"]
    assert people["TP-3"]["group"] == "Nhóm Kinh tế - Nông nghiệp"
    unclassified = people["TP-4"]
    assert unclassified["average"] is None and unclassified["score_level"] is None
    assert unclassified["final_level"] is None
    assert (unclassified["months_counted"], unclassified["months_absent"]) == (0, 12)
    assert people["A-1"]["decision"] is None


def test_missing_months_are_worked_months_not_approved(report):
    assert missing_months(YEAR, report) == {"A-1": [3], "A-2": [11]}


def test_scope_follows_the_rows_given(world):
    build_year_end(world)
    from canbo.evaluation.models import AnnualResult

    visible = AnnualResult.objects.visible_to(world.users["chair"])
    report = annual_report(YEAR, agencies_under(YEAR, world.province, visible), visible)
    assert [o["name"] for o in report["organizations"]] == ["Phường Tân Phong"]


def test_query_count_does_not_grow_with_people(world, django_assert_num_queries):
    from tests.factories import make_person
    from tests.reports.annual_world import result

    build_year_end(world)
    with django_assert_num_queries(3):  # agencies, rows with their person, exceptions
        annual_report(YEAR, agencies_under(YEAR, world.province))
    for i in range(5):
        person = make_person(
            f"N-{i}", f"Người mới {i}", world.tp_economy, world.staff_title, world.position
        )
        result(person, world.tanphong, "good", "75")
    with django_assert_num_queries(3):
        report = annual_report(YEAR, agencies_under(YEAR, world.province))
    assert len(report["organizations"][0]["people"]) == 16
