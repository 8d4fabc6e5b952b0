"""Cadre fixtures on top of tests.factories.build_world."""

from datetime import date

import pytest

from canbo.cadre.models import Programme, ProgrammeKind, TrainingClass
from canbo.core.roles import Role
from canbo.org.choices import Education, Field, PoliticalTheory, StateManagement
from canbo.org.models import JobPosition, Title
from tests.factories import make_person, make_user

TODAY = date(2026, 3, 1)


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch):
    monkeypatch.setattr("canbo.cadre.clock.today", lambda: TODAY)


@pytest.fixture
def it_position(db):
    return JobPosition.objects.create(
        code="CNTT",
        name="Công nghệ thông tin",
        field=Field.IT,
        min_education=Education.UNIVERSITY,
        required_major="Công nghệ thông tin",
        min_state_management=StateManagement.SPECIALIST,
        requires_it=True,
    )


@pytest.fixture
def it_programme(db):
    return Programme.objects.create(
        name="Đại học Công nghệ thông tin",
        kind=ProgrammeKind.UNIVERSITY,
        field=Field.IT,
        grants_education=Education.UNIVERSITY,
        grants_major="Công nghệ thông tin",
    )


@pytest.fixture
def it_class(it_programme):
    return TrainingClass.objects.create(
        programme=it_programme,
        name="Lớp ĐH CNTT khóa 1",
        organiser="Học viện CNBCVT",
        start=date(2026, 2, 1),
        end=date(2028, 12, 31),
        capacity=2,
    )


@pytest.fixture
def theory_class(db):
    programme = Programme.objects.create(
        name="Trung cấp lý luận chính trị",
        kind=ProgrammeKind.POLITICAL_THEORY,
        field=Field.LEADERSHIP,
        grants_political_theory=PoliticalTheory.INTERMEDIATE,
    )
    return TrainingClass.objects.create(
        programme=programme,
        name="TCLLCT 2026",
        organiser="Trường Chính trị tỉnh",
        start=date(2026, 3, 1),
        end=date(2026, 12, 1),
        capacity=30,
    )


@pytest.fixture
def it_person(world, it_position):
    """A Tân Phong civil servant in an IT post with a college diploma in another major."""
    return make_person(
        "TP-9",
        "Vàng Văn Tính",
        world.tp_economy,
        world.staff_title,
        it_position,
        education=Education.VOCATIONAL,
        major="Kế toán",
        birth_date=date(1990, 4, 10),
    )


@pytest.fixture
def key_titles(db):
    specs = [
        ("BT", "Bí thư Đảng ủy"),
        ("CT2", "Chủ tịch UBND xã"),
        ("CNUBKT", "Chủ nhiệm Ủy ban kiểm tra"),
    ]
    return [
        Title.objects.create(
            code=code,
            name=name,
            is_leader=True,
            rank=10,
            must_be_non_local=True,
            min_political_theory=PoliticalTheory.INTERMEDIATE,
        )
        for code, name in specs
    ]


@pytest.fixture
def dk_personnel(world):
    """A personnel officer of Đoàn Kết ward: manages Đoàn Kết people only."""
    return make_user("dk_personnel", Role.PERSONNEL_COMMUNE, world.doanket)
