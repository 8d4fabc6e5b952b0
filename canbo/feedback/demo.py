"""Demo citizen satisfaction: a year (January–November 2026) of one-stop dossiers and ratings
for the officers of every commune's public administrative service centre.

Deterministic (seeded random), idempotent (skipped when demo dossiers exist), written with
bulk_create. Most citizens are satisfied; a few officers (one in fifteen) have problems: more
dissatisfied ratings, late returns and comments waiting for an answer.
"""

import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from canbo.feedback.choices import Concern, DossierStatus, Source
from canbo.feedback.models import Dossier, Rating
from canbo.org.choices import OrgKind
from canbo.people.models import Person

SOURCE_TAG = "demo"
MONTHS = [date(2026, m, 1) for m in range(1, 12)]
PROCEDURES = [
    "Đăng ký khai sinh",
    "Đăng ký kết hôn",
    "Đăng ký khai tử",
    "Chứng thực bản sao từ bản chính",
    "Chứng thực chữ ký",
    "Cấp bản sao trích lục hộ tịch",
    "Xác nhận tình trạng hôn nhân",
    "Đăng ký biến động đất đai",
    "Hỗ trợ hộ nghèo làm nhà ở",
    "Đăng ký hộ kinh doanh",
]
COMMENTS_BAD = [
    "Phải đi lại nhiều lần mới xong hồ sơ.",
    "Cán bộ yêu cầu thêm giấy tờ không có trong hướng dẫn.",
    "Chờ rất lâu, không được hướng dẫn rõ.",
    "Trả kết quả muộn so với giấy hẹn.",
]
COMMENTS_GOOD = ["Cán bộ nhiệt tình, hướng dẫn tận tình.", "Nhanh, gọn, đúng hẹn."]
BATCH = 5000


def _officers():
    return list(
        Person.objects.filter(organization__kind=OrgKind.SERVICE_CENTRE)
        .select_related("organization__parent")
        .order_by("code")
    )


def seed_feedback(stdout=None) -> int:
    """Create the year's dossiers and ratings once; return the dossiers created."""
    if Dossier.objects.filter(digest=SOURCE_TAG).exists():
        return 0
    rng = random.Random(766)
    officers = _officers()
    dossiers, plans = [], []
    for n, officer in enumerate(officers):
        troubled = n % 15 == 3
        commune = officer.organization.parent
        for month in MONTHS:
            for k in range(rng.randint(12, 30)):
                dossier, plan = _dossier(rng, officer, commune, month, k, troubled)
                dossiers.append(dossier)
                plans.append(plan)
    with transaction.atomic():
        for start in range(0, len(dossiers), BATCH):
            Dossier.objects.bulk_create(dossiers[start : start + BATCH])
        ratings = [
            _rating(rng, d, plan)
            for d, plan in zip(dossiers, plans, strict=True)
            if plan is not None
        ]
        for start in range(0, len(ratings), BATCH):
            Rating.objects.bulk_create(ratings[start : start + BATCH])
    if stdout is not None:
        stdout.write(
            f"Hài lòng của người dân: {len(dossiers)} hồ sơ một cửa, "
            f"{len(ratings)} đánh giá của {len(officers)} cán bộ Trung tâm."
        )
    return len(dossiers)


def _dossier(rng: random.Random, officer, commune, month: date, k: int, troubled: bool):
    received = month + timedelta(days=rng.randint(0, 27))
    due = received + timedelta(days=rng.choice([0, 1, 3, 5, 7, 10]))
    late = rng.random() < (0.25 if troubled else 0.04)
    returned = (
        due + timedelta(days=rng.randint(1, 5))
        if late
        else received + timedelta(days=rng.randint(0, (due - received).days))
    )
    dossier = Dossier(
        organization=commune,
        code=f"{officer.code}-{month:%y%m}-{k:03d}",
        procedure=rng.choice(PROCEDURES),
        received_date=received,
        due_date=due,
        returned_date=returned,
        officer=officer,
        unit_id=officer.organization_id,
        status=DossierStatus.RETURNED,
        complained=rng.random() < (0.03 if troubled else 0.002),
        month=month,
        digest=SOURCE_TAG,
    )
    if rng.random() > 0.75:  # about three in four citizens rate
        return dossier, None
    weights = [20, 35, 15, 20, 10] if troubled else [55, 33, 8, 3, 1]
    level = rng.choices([5, 4, 3, 2, 1], weights=weights)[0]
    return dossier, (level, late)


def _rating(rng: random.Random, dossier: Dossier, plan) -> Rating:
    level, late = plan
    comment, concerns = "", []
    if level <= 2 and rng.random() < 0.5:
        comment = rng.choice(COMMENTS_BAD)
        concerns = sorted(
            {
                rng.choice([Concern.ATTITUDE, Concern.EXTRA_PAPERS, Concern.GUIDANCE]),
                *([Concern.TIME] if late else []),
            }
        )
    elif level == 5 and rng.random() < 0.05:
        comment = rng.choice(COMMENTS_GOOD)
    at = timezone.make_aware(datetime.combine(dossier.returned_date, time(9 + rng.randint(0, 7))))
    old = dossier.month < date(2026, 11, 1)
    return Rating(
        dossier=dossier,
        officer_id=dossier.officer_id,
        organization_id=dossier.organization_id,
        unit_id=dossier.unit_id,
        month=dossier.month,
        level=level,
        comment=comment,
        concerns=concerns,
        source=rng.choice([Source.PORTAL, Source.QR]),
        created_at=at,
        # Earlier months were followed up; November's comments wait in the inboxes.
        seen_at=at + timedelta(days=2) if comment and old else None,
        answer="Đã tiếp thu, rút kinh nghiệm." if comment and old else "",
        answered_at=at + timedelta(days=3) if comment and old else None,
    )
