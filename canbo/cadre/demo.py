"""Demo cadre data on top of the demo province: called by the seed command (`seed_cadre`).

Idempotent and deterministic: programmes and classes are keyed on their names, people are
the seeded ones found by Person.code order, and a step already done is not redone.
"""

from datetime import date

from django.db import transaction

from canbo.cadre.analysis import assess, lacking_theory, university_candidates
from canbo.cadre.demo_pipeline import seed_pipeline
from canbo.cadre.models import (
    DecisionKind,
    PersonnelDecision,
    PlanningCandidate,
    Programme,
    ProgrammeKind,
    RotationKind,
    RotationRecord,
    TrainingClass,
    TrainingPlan,
)
from canbo.cadre.services.planning import add_candidate, create_term
from canbo.cadre.services.records import record_decision
from canbo.cadre.services.rotation import propose_rotation
from canbo.cadre.services.training import enrol_person, mark_completion
from canbo.org.choices import Education, Field, PoliticalTheory, StateManagement
from canbo.org.models import Organization, Title
from canbo.people.models import Person

DEMO_TODAY = date(2026, 3, 1)  # a fixed day: the same people are picked on every machine
WARDS = ("Phường Tân Phong", "Phường Đoàn Kết")

PROGRAMMES = [
    (
        "Đại học Công nghệ thông tin (Học viện CNBCVT)",
        ProgrammeKind.UNIVERSITY,
        Field.IT,
        {"grants_education": Education.UNIVERSITY, "grants_major": "Công nghệ thông tin"},
    ),
    (
        "Đại học Quản lý đất đai",
        ProgrammeKind.UNIVERSITY,
        Field.LAND,
        {"grants_education": Education.UNIVERSITY, "grants_major": "Quản lý đất đai"},
    ),
    (
        "Trung cấp lý luận chính trị",
        ProgrammeKind.POLITICAL_THEORY,
        Field.LEADERSHIP,
        {"grants_political_theory": PoliticalTheory.INTERMEDIATE},
    ),
    (
        "Bồi dưỡng QLNN ngạch chuyên viên",
        ProgrammeKind.STATE_MANAGEMENT,
        Field.GENERAL,
        {"grants_state_management": StateManagement.SPECIALIST},
    ),
    (
        "Ứng dụng CNTT cơ bản",
        ProgrammeKind.IT,
        Field.IT,
        {"grants_it_certificate": "Ứng dụng CNTT cơ bản"},
    ),
]
CLASSES = [  # programme index, name, organiser, start, end, capacity
    (
        0,
        "ĐH CNTT khóa 1 (2026–2028)",
        "Học viện Công nghệ Bưu chính Viễn thông",
        date(2026, 3, 1),
        date(2028, 12, 31),
        50,
    ),
    (
        0,
        "ĐH CNTT khóa 2 (2026–2028)",
        "Học viện Công nghệ Bưu chính Viễn thông",
        date(2026, 9, 1),
        date(2028, 12, 31),
        50,
    ),
    (
        2,
        "Trung cấp LLCT 2026",
        "Trường Chính trị tỉnh Lai Châu",
        date(2026, 1, 5),
        date(2026, 2, 27),
        40,
    ),
    (
        3,
        "QLNN chuyên viên 2026",
        "Trường Cao đẳng Lai Châu",
        date(2026, 4, 1),
        date(2026, 6, 30),
        60,
    ),
]


@transaction.atomic
def seed_cadre(stdout) -> None:
    wards = list(Organization.objects.filter(name__in=WARDS).order_by("name"))
    if len(wards) != len(WARDS):
        stdout.write("Bỏ qua dữ liệu công tác cán bộ: chưa có tỉnh mẫu.\n")
        return
    classes = _seed_training()
    people = Person.objects.filter(code__startswith="LC-").order_by("code")
    _seed_enrolments(classes, people)
    _seed_plans(wards)
    _seed_planning(wards)
    _seed_rotation(wards)
    _seed_decisions(wards)
    seed_pipeline(stdout)
    stdout.write(
        f"Công tác cán bộ: {len(classes)} lớp, "
        f"{PlanningCandidate.objects.count()} cán bộ trong quy hoạch, "
        f"{PersonnelDecision.objects.count()} quyết định.\n"
    )


def _seed_training() -> list[TrainingClass]:
    programmes = [
        Programme.objects.get_or_create(
            name=name, defaults={"kind": kind, "field": field, **grants}
        )[0]
        for name, kind, field, grants in PROGRAMMES
    ]
    return [
        TrainingClass.objects.get_or_create(
            name=name,
            defaults={
                "programme": programmes[index],
                "organiser": organiser,
                "start": start,
                "end": end,
                "capacity": capacity,
            },
        )[0]
        for index, name, organiser, start, end, capacity in CLASSES
    ]


def _seed_enrolments(classes: list[TrainingClass], people) -> None:
    university, theory = classes[0], classes[2]
    if not university.enrolments.exists():
        rows = assess(people.filter(job_position__field__in=[Field.IT, Field.ARCHIVES]))
        for row in university_candidates(rows, DEMO_TODAY)[:12]:
            enrol_person(None, university, row.person)
    if not theory.enrolments.exists():
        for index, row in enumerate(lacking_theory(assess(people))[:10]):
            enrolment = enrol_person(None, theory, row.person)
            if index % 2 == 0:  # half of the class has graduated
                mark_completion(None, enrolment, date(2026, 2, 27), f"TCLLCT-2026-{index:03d}")


def _seed_plans(wards) -> None:
    for ward in wards:
        for field, target in (
            (Field.IT, 4),
            (Field.ARCHIVES, 2),
            (Field.LAND, 2),
            (Field.LEADERSHIP, 3),
        ):
            TrainingPlan.objects.get_or_create(
                organization=ward, year=2026, field=field, defaults={"target": target}
            )


def _leaders(ward, title_code: str):
    return Person.objects.filter(
        organization__path__startswith=ward.path, title__code=title_code
    ).order_by("code")


def _seed_planning(wards) -> None:
    create_term(None, 2025)
    term = create_term(None, 2026)
    chair = Title.objects.filter(code="CHU_TICH").first()
    if chair is None or PlanningCandidate.objects.filter(term=term).exists():
        return
    for ward in wards:
        picks = list(_leaders(ward, "PHO_CHU_TICH")) + list(_leaders(ward, "TRUONG_PHONG")[:2])
        for person in picks:
            add_candidate(
                None,
                term,
                chair,
                ward,
                person,
                "Có phẩm chất, năng lực, triển vọng; được hội nghị giới thiệu.",
                DEMO_TODAY,
            )


def _seed_rotation(wards) -> None:
    tanphong, doanket = sorted(wards, key=lambda w: w.name != "Phường Tân Phong")
    chair = Title.objects.filter(code="CHU_TICH").first()
    deputy = _leaders(tanphong, "PHO_CHU_TICH").first()
    if chair and deputy and not RotationRecord.objects.filter(person=deputy).exists():
        propose_rotation(
            None,
            deputy,
            RotationKind.ROTATION,
            doanket,
            chair,
            note="Luân chuyển để đào tạo, rèn luyện thực tiễn.",
            today=DEMO_TODAY,
        )


def _seed_decisions(wards) -> None:
    for ward, kind, number, public in (
        (wards[0], DecisionKind.GIAY_KHEN, "15/QĐ-UBND", False),
        (wards[1], DecisionKind.KHIEN_TRACH, "27/QĐ-UBND", True),
        (wards[1], DecisionKind.GIOI_THIEU_UNG_CU, "31/QĐ-ĐU", False),
    ):
        person = _leaders(ward, "CONG_CHUC").first()
        if person and not PersonnelDecision.objects.filter(decision_number=number).exists():
            record_decision(
                None, person, kind, number, date(2026, 2, 10), f"UBND {ward}", "Dữ liệu mẫu", public
            )
