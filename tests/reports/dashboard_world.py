"""Planted numbers for the dashboard tests: two months in Tân Phong, one in Đoàn Kết.

Hand-counted expectations are written next to each test, from this table:

| person (unit)            | 09/2026            | 10/2026           | annual 2026 |
|--------------------------|--------------------|-------------------|-------------|
| staff (office)           | published excellent| published good    | excellent   |
| colleague (office)       | published good     | self-assessed     | good        |
| economy (economy dept)   | published good     | draft             | good        |
| head (office)            | published complete | draft             | good        |
| chair (commune)          | draft              | draft             | good        |
| outsider (Đoàn Kết)      | —                  | published fail    | good        |
"""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from canbo.cadre.models import Enrolment, Programme, TrainingClass, TrainingPlan
from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.evaluation.services.periods import open_period
from canbo.org.models import StaffingQuota
from canbo.work.models import PeriodScore
from canbo.work.task_services import assign_task

SEPT, OCT = date(2026, 9, 1), date(2026, 10, 1)
YEAR = 2026


def _set(period, person, status, level=""):
    EvaluationSheet.objects.filter(period=period, person=person).update(
        status=status, classification=level
    )


def _score(person, assigned, done, quality, progress):
    PeriodScore.objects.create(
        person=person,
        period_start=SEPT,
        kind="month",
        rulebook="nd335",
        computed_at=timezone.now(),
        assigned_weight=Decimal(assigned),
        completed_weight=Decimal(done),
        quality_weight=Decimal(quality),
        progress_weight=Decimal(progress),
    )


def plant(world) -> None:
    p, officer = world.people, world.users["personnel"]
    sept = open_period(officer, world.tanphong, SEPT)
    octo = open_period(officer, world.tanphong, OCT)
    dk = open_period(officer, world.doanket, OCT)
    _set(sept, p["staff"], SheetStatus.PUBLISHED, "excellent")
    _set(sept, p["colleague"], SheetStatus.PUBLISHED, "good")
    _set(sept, p["economy"], SheetStatus.PUBLISHED, "good")
    _set(sept, p["head"], SheetStatus.PUBLISHED, "complete")
    _set(octo, p["staff"], SheetStatus.PUBLISHED, "good")
    _set(octo, p["colleague"], SheetStatus.SELF_ASSESSED)
    _set(dk, p["outsider"], SheetStatus.PUBLISHED, "fail")
    for key in ("staff", "colleague", "economy", "head", "chair", "outsider"):
        level = "excellent" if key == "staff" else "good"
        AnnualResult.objects.create(
            person=p[key],
            year=YEAR,
            task_group="archives",
            classification=level,
            organization=world.doanket if key == "outsider" else world.tanphong,
        )
    _score(p["staff"], 10, 8, 6, 4)
    _score(p["economy"], 10, 10, 10, 10)
    _score(p["outsider"], 10, 0, 0, 0)
    TrainingPlan.objects.create(organization=world.tanphong, year=YEAR, field="archives", target=4)
    TrainingPlan.objects.create(organization=world.doanket, year=YEAR, field="archives", target=2)
    programme = Programme.objects.create(name="Lưu trữ", kind="professional", field="archives")
    course = TrainingClass.objects.create(
        programme=programme,
        name="Lớp lưu trữ",
        start=date(2026, 3, 1),
        end=date(2026, 4, 1),
        capacity=10,
    )
    for key in ("staff", "outsider"):
        Enrolment.objects.create(
            training_class=course, person=p[key], status="completed", completed_on=date(2026, 4, 1)
        )
    StaffingQuota.objects.create(organization=world.tp_office, job_position=world.position, quota=5)
    StaffingQuota.objects.create(organization=world.dk_office, job_position=world.position, quota=3)
    for key in ("economy", "outsider"):
        assign_task(
            None,
            name="Việc quá hạn",
            assignee=p[key],
            coefficient=1,
            assigned_date=date(2024, 1, 2),
            due_date=date(2024, 1, 5),
        )
