"""A small province for tests: two wards, their departments, people and the personas."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import User

from canbo.cadre.models import TalentRecord
from canbo.core.roles import Role
from canbo.org.choices import Education, Field, OrgKind
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.models import Person, Profile
from canbo.people.services import assign_post

PASSWORD = "test-pass-123"


@dataclass
class World:
    province: Organization
    tanphong: Organization
    tp_office: Organization
    tp_economy: Organization
    doanket: Organization
    dk_office: Organization
    position: JobPosition
    staff_title: Title
    head_title: Title
    chair_title: Title
    people: dict[str, Person]
    users: dict[str, User]


def make_org(name: str, kind: str, parent: Organization | None, code: str | None = None):
    return Organization.objects.create(name=name, kind=kind, parent=parent, code=code)


def make_person(
    code: str,
    name: str,
    org: Organization,
    title: Title | None,
    position: JobPosition | None,
    **extra,
) -> Person:
    extra.setdefault("birth_date", date(1985, 6, 15))
    extra.setdefault("gender", "male")
    person = Person.objects.create(code=code, full_name=name, **extra)
    assign_post(None, person, org, date(2020, 1, 1), job_position=position, title=title)
    return person


def make_talent(name: str, origin: Organization, year: int, field: str) -> TalentRecord:
    """A pupil of the talent pool from a commune, graduating two years on."""
    return TalentRecord.objects.create(
        year=year,
        full_name=name,
        gender="female",
        origin=origin,
        school="Đại học Tây Bắc",
        major="Luật",
        field=field,
        graduation_year=year + 2,
    )


def make_user(
    username: str, role: str, org: Organization | None, person: Person | None = None
) -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    if role == Role.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save()
    Profile.objects.create(user=user, role=role, organization=org, person=person)
    return user


def build_world() -> World:
    province = make_org("Tỉnh Lai Châu", OrgKind.PROVINCE, None, "000.00.00.H29")
    agency = make_org("Sở Nội vụ", OrgKind.PROVINCIAL_AGENCY, province, "000.00.01.H29")
    tanphong = make_org("Phường Tân Phong", OrgKind.WARD, province, "000.01.29.H29")
    tp_office = make_org("Văn phòng HĐND và UBND", OrgKind.OFFICE, tanphong)
    tp_economy = make_org("Phòng Kinh tế, Hạ tầng và Đô thị", OrgKind.DEPARTMENT, tanphong)
    doanket = make_org("Phường Đoàn Kết", OrgKind.WARD, province, "000.02.29.H29")
    dk_office = make_org("Văn phòng HĐND và UBND", OrgKind.OFFICE, doanket)
    position = JobPosition.objects.create(
        code="VP",
        name="Văn phòng - Thống kê",
        field=Field.ARCHIVES,
        min_education=Education.UNIVERSITY,
    )
    staff = Title.objects.create(code="CC", name="Công chức")
    head = Title.objects.create(code="TP", name="Trưởng phòng", is_leader=True)
    chair = Title.objects.create(
        code="CHU_TICH", name="Chủ tịch UBND", is_leader=True, must_be_non_local=True
    )
    people = {
        "staff": make_person("TP-1", "Nguyễn Văn An", tp_office, staff, position),
        "colleague": make_person(
            "TP-2", "Lò Thị Mai", tp_office, staff, position, gender="female", ethnicity="thai"
        ),
        "economy": make_person(
            "TP-3", "Giàng A Páo", tp_economy, staff, position, ethnicity="mong"
        ),
        "head": make_person("TP-4", "Trần Thị Hồng", tp_office, head, position, gender="female"),
        "chair": make_person("TP-5", "Lê Văn Bình", tanphong, chair, None),
        "outsider": make_person("DK-1", "Tẩn Láo Lở", dk_office, staff, position, ethnicity="dao"),
    }
    users = {
        "staff": make_user("staff", Role.CIVIL_SERVANT, tp_office, people["staff"]),
        "head": make_user("head", Role.UNIT_HEAD, tp_office, people["head"]),
        "chair": make_user("chair", Role.CHAIRMAN, tanphong, people["chair"]),
        "personnel": make_user("personnel", Role.PERSONNEL_PROVINCE, agency),
        "outsider": make_user("outsider", Role.CIVIL_SERVANT, dk_office, people["outsider"]),
        "admin": make_user("admin", Role.ADMIN, province),
    }
    return World(
        province,
        tanphong,
        tp_office,
        tp_economy,
        doanket,
        dk_office,
        position,
        staff,
        head,
        chair,
        people,
        users,
    )


def form01(a: float, b: float, c: float) -> list[float]:
    """Three sub-criteria totals split into the 7 lines of Mẫu số 01 (I.1, I.2, II.1–4, III):
    a into two halves (steps of 0.5), b into four lines (steps of 0.25), c as III."""
    halves = round(a * 2)
    i1 = (halves - halves // 2) / 2
    base, extra = divmod(round(b * 4), 4)
    return [i1, a - i1, *[(base + (n < extra)) / 4 for n in range(4)], c]
