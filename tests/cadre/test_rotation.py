"""Rotation checks (non-local rule, provincial cadres), deciding, staffing suggestions."""

from datetime import date

import pytest

from canbo.cadre.errors import CadreError
from canbo.cadre.models import RotationKind, RotationStatus
from canbo.cadre.services.rotation import (
    check_rotation,
    decide_rotation,
    flag_capacity,
    propose_rotation,
)
from canbo.cadre.services.staffing import StaffingRow, staffing_rows, suggest_moves
from canbo.org.choices import Field
from canbo.org.models import Organization, StaffingQuota
from canbo.people.models import Person
from tests.factories import make_person

TODAY = date(2026, 3, 1)


def test_non_local_rule_on_each_key_title(world, key_titles):
    person = world.people["outsider"]
    for title in key_titles:
        person.hometown = world.tanphong
        warnings = check_rotation(person, world.tanphong, title, TODAY)
        assert len(warnings) == 1, title
        assert "người địa phương của Phường Tân Phong" in warnings[0]
        assert title.name in warnings[0]
        person.hometown = world.doanket
        assert check_rotation(person, world.tanphong, title, TODAY) == [], title


def test_non_local_rule_also_for_a_department_of_the_commune(world, key_titles):
    person = world.people["outsider"]
    person.hometown = world.tanphong
    assert check_rotation(person, world.tp_office, key_titles[0], TODAY)
    assert check_rotation(person, world.tp_office, world.staff_title, TODAY) == []


@pytest.fixture
def provincial(world):
    agency = Organization.objects.get(name="Sở Nội vụ")
    return make_person("ST-1", "Đỗ Văn Tỉnh", agency, world.staff_title, world.position)


def test_flagged_provincial_cadre_not_to_a_key_commune_post(world, key_titles, provincial):
    assert check_rotation(provincial, world.tanphong, key_titles[1], TODAY) == []
    flag_capacity(None, provincial, "Năng lực hạn chế theo kết luận 12/KL", TODAY)
    warnings = check_rotation(provincial, world.tanphong, key_titles[1], TODAY)
    assert len(warnings) == 1 and "năng lực hạn chế" in warnings[0]
    assert check_rotation(provincial, world.tanphong, world.staff_title, TODAY) == []


def test_failed_provincial_cadre_not_to_a_key_commune_post(world, key_titles, provincial):
    from tests.cadre.test_planning import failed_2025

    failed_2025(provincial)
    warnings = check_rotation(provincial, world.tanphong, key_titles[0], TODAY)
    assert len(warnings) == 1 and "Không hoàn thành nhiệm vụ" in warnings[0]


def test_deciding_assigns_the_post(world, key_titles):
    person = world.people["outsider"]
    person.hometown = world.tanphong
    person.save()
    record = propose_rotation(
        world.users["personnel"],
        person,
        RotationKind.ROTATION,
        world.tanphong,
        key_titles[1],
        today=TODAY,
    )
    assert record.warnings and record.from_org == world.dk_office
    with pytest.raises(CadreError, match="Ngày hiệu lực"):
        decide_rotation(None, record, "12/QĐ-UBND", date(2026, 4, 1), date(2026, 3, 1))
    decide_rotation(
        world.users["personnel"], record, "12/QĐ-UBND", date(2026, 4, 1), date(2026, 5, 1)
    )
    person.refresh_from_db()
    record.refresh_from_db()
    assert record.status == RotationStatus.DECIDED
    assert (person.organization, person.title) == (world.tanphong, key_titles[1])
    posts = list(person.posts.order_by("start"))
    assert posts[0].end == date(2026, 5, 1) and posts[-1].decision == "12/QĐ-UBND"
    with pytest.raises(CadreError, match="đã có quyết định"):
        decide_rotation(None, record, "13/QĐ", date(2026, 4, 1), date(2026, 5, 1))


def test_staffing_rows_and_suggestions(world):
    # Archives (position VP): Tân Phong has 4 people, Đoàn Kết 1.
    StaffingQuota.objects.create(organization=world.tp_office, job_position=world.position, quota=2)
    StaffingQuota.objects.create(organization=world.dk_office, job_position=world.position, quota=3)
    rows = staffing_rows(Person.objects.all(), Organization.objects.all())
    by_unit = {(r.unit, r.field): (r.quota, r.actual, r.balance) for r in rows}
    assert by_unit[(world.tanphong, Field.ARCHIVES)] == (2, 4, 2)
    assert by_unit[(world.doanket, Field.ARCHIVES)] == (3, 1, -2)
    moves = suggest_moves(rows)
    assert [(m.source, m.target, m.count) for m in moves] == [(world.tanphong, world.doanket, 2)]


def test_suggestions_split_a_surplus_over_several_shortages(world):
    a, b, c = world.tanphong, world.doanket, world.province
    rows = [
        StaffingRow(a, Field.LAND, 1, 4),
        StaffingRow(b, Field.LAND, 3, 1),
        StaffingRow(c, Field.LAND, 2, 1),
        StaffingRow(a, Field.LEADERSHIP, 1, 3),
        StaffingRow(b, Field.LEADERSHIP, 3, 1),
    ]
    assert [(m.source, m.target, m.count) for m in suggest_moves(rows)] == [(a, b, 2), (a, c, 1)]
