"""Demo data of the people pipeline (issue 17), called by `seed_cadre`: past classifications
2021–2025, a student talent pool of about 150, and a recruitment round in progress for the
demo's short fields. Deterministic (seeded random) and idempotent."""

import random

from canbo.cadre.models import (
    RecruitmentCandidate,
    RecruitmentPosition,
    RecruitmentRound,
    RoundStatus,
    TalentRecord,
    TalentStatus,
)
from canbo.cadre.services.pipeline import recruitment_needs
from canbo.org.choices import COMMUNE_KINDS, Education, Field, OrgKind
from canbo.org.models import JobPosition, Organization
from canbo.people.choices import Ethnicity, Gender
from canbo.people.models import PastClassification, Person
from canbo.scoring import COMPLETE, EXCELLENT, FAIL, GOOD

PAST_YEARS = range(2021, 2026)
# Levels drawn per person and year: mostly good, some excellent, a few complete or failed.
LEVEL_WEIGHTS = ((GOOD, 62), (EXCELLENT, 14), (COMPLETE, 21), (FAIL, 3))
# Majors the plan names, with the field whose shortage they answer.
MAJORS = [
    ("Công nghệ thông tin", Field.IT),
    ("Chuyển đổi số", Field.IT),
    ("Kỹ thuật xây dựng", Field.CONSTRUCTION),
    ("Quản lý đất đai", Field.LAND),
    ("Quy hoạch vùng và đô thị", Field.CONSTRUCTION),
    ("Sư phạm Toán", Field.CULTURE),
    ("Sư phạm Tiếng Anh", Field.CULTURE),
    ("Sư phạm Tiếng Trung", Field.CULTURE),
    ("Sư phạm Tin học", Field.IT),
    ("Y đa khoa", Field.CULTURE),
    ("Luật", Field.JUSTICE),
    ("Kế toán", Field.FINANCE),
]
SCHOOLS = [
    "Đại học Thái Nguyên",
    "Đại học Tây Bắc",
    "Học viện Công nghệ Bưu chính Viễn thông",
    "Đại học Xây dựng Hà Nội",
    "Đại học Sư phạm Hà Nội",
    "Đại học Y Hà Nội",
    "Đại học Nông Lâm (ĐH Thái Nguyên)",
    "Trường THPT Chuyên Lê Quý Đôn Lai Châu",
]
SUPPORTS = ["", "Học bổng của tỉnh", "Hỗ trợ sinh hoạt phí", "Miễn học phí (cử tuyển)"]
FAMILY = [
    "Lò",
    "Tòng",
    "Vàng",
    "Giàng",
    "Tẩn",
    "Lý",
    "Hoàng",
    "Nguyễn",
    "Lường",
    "Sùng",
    "Chảo",
    "Phàn",
    "Pờ",
    "Lầu",
]
GIVEN = {
    Gender.MALE: [
        "Văn Hùng",
        "A Sử",
        "Văn Thắng",
        "Minh Đức",
        "Văn Long",
        "A Chứ",
        "Quang Huy",
        "Văn Tiến",
    ],
    Gender.FEMALE: [
        "Thị Mai",
        "Thị Dung",
        "Thị Hoa",
        "Thị Lan",
        "Thị Mẩy",
        "Thu Trang",
        "Thị Pà",
        "Ngọc Ánh",
    ],
}
ETHNICITIES = [
    Ethnicity.THAI,
    Ethnicity.MONG,
    Ethnicity.DAO,
    Ethnicity.HA_NHI,
    Ethnicity.GIAY,
    Ethnicity.LU,
    Ethnicity.KHO_MU,
    Ethnicity.KINH,
]
ROUND_NAME = "Tuyển dụng công chức cấp xã năm 2026 (các lĩnh vực thiếu)"
STUDENTS = 150


def seed_pipeline(stdout) -> None:
    past = _seed_past_classifications()
    students = _seed_talent()
    round_ = _seed_round()
    stdout.write(
        f"Nguồn cán bộ: {past} xếp loại 2021–2025, {students} học sinh, sinh viên, "
        f"đợt tuyển dụng “{round_}”.\n"
        if round_
        else f"Nguồn cán bộ: {past} xếp loại 2021–2025, {students} học sinh, sinh viên.\n"
    )


def _seed_past_classifications() -> int:
    rng = random.Random(2021)
    levels = [level for level, _ in LEVEL_WEIGHTS]
    weights = [weight for _, weight in LEVEL_WEIGHTS]
    done = set(PastClassification.objects.values_list("person_id", flat=True).distinct())
    rows = []
    for pk, start in (
        Person.objects.filter(code__startswith="LC-")
        .order_by("code")
        .values_list("pk", "service_start")
    ):
        drawn = [rng.choices(levels, weights)[0] for _ in PAST_YEARS]
        if pk in done:
            continue
        rows += [
            PastClassification(
                person_id=pk, year=year, level=level, source="Hồ sơ cán bộ (dữ liệu mẫu)"
            )
            for year, level in zip(PAST_YEARS, drawn, strict=True)
            if start is None or start.year <= year
        ]
    PastClassification.objects.bulk_create(rows, batch_size=2000)
    return PastClassification.objects.count()


def _seed_talent() -> int:
    if TalentRecord.objects.exists():
        return TalentRecord.objects.count()
    rng = random.Random(150)
    communes = list(Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("path"))
    if not communes:
        return 0
    rows = []
    for index in range(STUDENTS):
        gender = Gender.FEMALE if index % 2 else Gender.MALE
        major, field = MAJORS[index % len(MAJORS)]
        year = 2024 + index % 3  # the pool as recorded in 2024, 2025 and 2026
        graduation = year + rng.randint(0, 4)
        rows.append(
            TalentRecord(
                year=year,
                gender=gender,
                ethnicity=rng.choice(ETHNICITIES),
                full_name=f"{rng.choice(FAMILY)} {rng.choice(GIVEN[gender])}",
                birth_year=graduation - 22,
                origin=rng.choice(communes),
                school=rng.choice(SCHOOLS),
                major=major,
                field=field,
                graduation_year=graduation,
                support=rng.choice(SUPPORTS),
                commits_to_return=rng.random() < 0.7,
                status=TalentStatus.GRADUATED if graduation <= 2026 else TalentStatus.STUDYING,
            )
        )
    TalentRecord.objects.bulk_create(rows)
    return len(rows)


def _seed_round() -> RecruitmentRound | None:
    existing = RecruitmentRound.objects.filter(name=ROUND_NAME).first()
    if existing:
        return existing
    province = Organization.objects.filter(kind=OrgKind.PROVINCE).order_by("path").first()
    if province is None:
        return None
    needs = sorted(
        recruitment_needs(Person.objects.all(), Organization.objects.all()),
        key=lambda n: (-n.shortage, n.unit.path, n.field),
    )[:8]
    if not needs:
        return None
    round_ = RecruitmentRound.objects.create(
        name=ROUND_NAME,
        year=2026,
        organization=province,
        method="selection",
        status=RoundStatus.OPEN,
        plan="Xét tuyển công chức cấp xã cho các lĩnh vực thiếu theo vị trí việc làm "
        "2026–2031; ưu tiên người địa phương, người dân tộc thiểu số và sinh viên tốt "
        "nghiệp xuất sắc (Kết luận 205-KL/TW).",
    )
    rng = random.Random(205)
    for need in needs:
        job = JobPosition.objects.filter(field=need.field).order_by("code").first()
        if job is None:
            continue
        position = RecruitmentPosition.objects.create(
            round=round_, organization=need.unit, job_position=job, places=need.shortage
        )
        for n in range(need.shortage + 1):
            gender = Gender.FEMALE if n % 2 else Gender.MALE
            local = rng.random() < 0.5
            RecruitmentCandidate.objects.create(
                position=position,
                gender=gender,
                ethnicity=rng.choice(ETHNICITIES),
                full_name=f"{rng.choice(FAMILY)} {rng.choice(GIVEN[gender])}",
                birth_year=rng.randint(1996, 2003),
                hometown=need.unit if local else None,
                education=Education.UNIVERSITY if rng.random() < 0.85 else Education.VOCATIONAL,
                major=job.required_major or need.field_label,
                excellent_graduate=rng.random() < 0.15,
            )
    return round_
