"""Conclusions register: the two other Art. 20 grounds, next to discipline (today: 01/03/2026)."""

from datetime import date

import pytest

from canbo import scoring
from canbo.cadre.errors import CadreError
from canbo.cadre.models import Conclusion, ConclusionKind, DecisionKind
from canbo.cadre.services.records import (
    classification_overrides,
    override_details,
    overrides_by_person,
    record_conclusion,
    record_decision,
)
from canbo.core.models import AuditEntry


def conclude(world, key="staff", kind="degradation", actor="personnel", **changes):
    args = {
        "issuer": "Ủy ban kiểm tra Đảng ủy phường",
        "number": "08-KL/UBKT",
        "date": date(2026, 2, 20),
        "content": "Vi phạm trách nhiệm nêu gương",
    } | changes
    return record_conclusion(world.users[actor], world.people[key], kind, **args)


def test_kinds_are_exactly_scoring_override_codes():
    assert set(ConclusionKind.values) | {"discipline"} == set(scoring.OVERRIDES)


def test_degradation_conclusion_forces_fail_and_is_audited(world):
    conclusion = conclude(world)
    assert conclusion.recorded_by == world.users["personnel"]
    assert classification_overrides(world.people["staff"], 2026) == ["degradation"]
    assert classification_overrides(world.people["staff"], 2025) == []
    assert scoring.classify(95, overrides=["degradation"]).code == "fail"
    entry = AuditEntry.objects.get(action="cadre.record_conclusion")
    assert entry.object_id == str(conclusion.pk)
    assert entry.changes["number"] == [None, "08-KL/UBKT"]


def test_corruption_in_unit_counts_for_leaders_only(world):
    conclude(world, "head", "corruption_in_unit", number="11/KL-TTr")
    conclude(world, "staff", "corruption_in_unit", number="12/KL-TTr")
    found = overrides_by_person(2026, [world.people["head"].pk, world.people["staff"].pk])
    assert found == {world.people["head"].pk: ["corruption_in_unit"]}


def test_all_grounds_together_in_scoring_order_with_their_decisions(world):
    head = world.people["head"]
    conclude(
        world,
        "head",
        "corruption_in_unit",
        number="11/KL-TTr",
        date=date(2026, 1, 5),
        issuer="Thanh tra tỉnh",
    )
    record_decision(
        world.users["personnel"],
        head,
        DecisionKind.CANH_CAO,
        "27/QĐ-UBND",
        date(2026, 2, 10),
        "UBND phường Tân Phong",
        "Vi phạm",
        True,
    )
    conclude(world, "head", number="08-KL/UBKT", date=date(2026, 2, 1))
    assert classification_overrides(head, 2026) == [
        "degradation",
        "discipline",
        "corruption_in_unit",
    ]
    assert override_details(2026, [head.pk])[head.pk] == [
        {
            "code": "degradation",
            "number": "08-KL/UBKT",
            "date": date(2026, 2, 1),
            "issuer": "Ủy ban kiểm tra Đảng ủy phường",
        },
        {
            "code": "discipline",
            "number": "27/QĐ-UBND",
            "date": date(2026, 2, 10),
            "issuer": "UBND phường Tân Phong",
        },
        {
            "code": "corruption_in_unit",
            "number": "11/KL-TTr",
            "date": date(2026, 1, 5),
            "issuer": "Thanh tra tỉnh",
        },
    ]


def test_two_conclusions_of_one_ground_give_one_code_and_two_details(world):
    conclude(world, number="01-KL", date=date(2026, 1, 10))
    conclude(world, number="02-KL", date=date(2026, 2, 10))
    staff = world.people["staff"]
    assert classification_overrides(staff, 2026) == ["degradation"]
    assert [d["number"] for d in override_details(2026, [staff.pk])[staff.pk]] == ["01-KL", "02-KL"]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"number": " "}, "bắt buộc"),
        ({"issuer": ""}, "bắt buộc"),
        ({"content": "  "}, "bắt buộc"),
        ({"date": date(2026, 3, 2)}, "tương lai"),
        ({"kind": "gossip"}, "không hợp lệ"),
    ],
)
def test_bad_conclusions_are_refused_and_write_nothing(world, changes, message):
    with pytest.raises(CadreError, match=message):
        conclude(world, **changes)
    assert not Conclusion.objects.exists()
    assert not AuditEntry.objects.filter(action="cadre.record_conclusion").exists()


@pytest.mark.parametrize("actor", ["staff", "head", "chair", "outsider"])
def test_only_personnel_officers_record_conclusions(world, actor):
    with pytest.raises(CadreError, match="không có quyền"):
        conclude(world, actor=actor)
    assert not Conclusion.objects.exists()


def test_commune_personnel_officer_of_another_commune_is_refused(world, dk_personnel):
    with pytest.raises(CadreError, match="không có quyền"):
        record_conclusion(
            dk_personnel,
            world.people["staff"],
            "degradation",
            "UBKT",
            "1-KL",
            date(2026, 2, 1),
            "Nội dung",
        )
    record_conclusion(
        dk_personnel,
        world.people["outsider"],
        "degradation",
        "UBKT",
        "1-KL",
        date(2026, 2, 1),
        "Nội dung",
    )
    assert Conclusion.objects.get().person == world.people["outsider"]
