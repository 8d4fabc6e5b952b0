from datetime import date
from decimal import Decimal

import pytest

from canbo.agency import actuals, evaluations, indicators, targets
from canbo.agency.defaults import ensure_default_set
from canbo.cadre.models import Enrolment, EnrolmentStatus, Programme, TrainingClass, TrainingPlan
from canbo.evaluation.models import AnnualResult
from canbo.org.choices import Education, Field
from canbo.work.choices import TaskStatus
from canbo.work.models import Task
from canbo.work.task_services import assign_task

YEAR = 2026


def _task(person, coefficient, status=TaskStatus.COMPLETED, quality_failures=0):
    task = assign_task(
        None,
        name="Việc",
        assignee=person,
        assigned_date=date(YEAR, 3, 2),
        coefficient=Decimal(coefficient),
    )
    Task.objects.filter(pk=task.pk).update(status=status, quality_failures=quality_failures)
    return task


@pytest.fixture
def agency_world(world):
    """Tân Phong with hand-checkable data: tasks, standards, training plan, annual results,
    two indicators with targets and actuals; Đoàn Kết with a task and an actual of its own."""
    people = world.people
    _task(people["staff"], "1")
    _task(people["colleague"], "2", quality_failures=1)
    _task(people["economy"], "1", status=TaskStatus.ASSIGNED)
    _task(people["outsider"], "5", quality_failures=2)
    for key in ("staff", "colleague", "head", "outsider"):
        people[key].education = Education.UNIVERSITY
        people[key].save()
    people["economy"].education = Education.VOCATIONAL
    people["economy"].save()
    TrainingPlan.objects.create(
        organization=world.tanphong, year=YEAR, field=Field.ARCHIVES, target=2
    )
    programme = Programme.objects.create(name="Lưu trữ", kind="short_course", field=Field.ARCHIVES)
    klass = TrainingClass.objects.create(
        programme=programme, name="Lớp 1", start=date(YEAR, 3, 1), end=date(YEAR, 4, 1), capacity=30
    )
    Enrolment.objects.create(
        training_class=klass,
        person=people["staff"],
        status=EnrolmentStatus.COMPLETED,
        completed_on=date(YEAR, 4, 1),
    )
    for key, level in (
        ("staff", "good"),
        ("colleague", "excellent"),
        ("head", "good"),
        ("economy", "fail"),
    ):
        AnnualResult.objects.create(
            person=people[key], year=YEAR, organization=world.tanphong, classification=level
        )
    ensure_default_set()
    indicator_set = indicators.create_indicator_set(
        None,
        YEAR,
        "Chỉ tiêu",
        [
            {
                "code": "TN",
                "name": "Thu nhập",
                "unit": "triệu đồng",
                "direction": "higher",
                "max_points": 4,
            },
            {
                "code": "HN",
                "name": "Tỷ lệ hộ nghèo",
                "unit": "%",
                "direction": "lower",
                "max_points": 4,
            },
        ],
    )
    income, poverty = indicator_set.indicators.order_by("order")
    for ward, (t1, a1, t2, a2) in (
        (world.tanphong, ("100", "90", "10", "12,5")),
        (world.doanket, ("50", "60", "20", "10")),
    ):
        targets.set_target(None, income, ward, t1)
        targets.set_target(None, poverty, ward, t2)
        actuals.enter_actual(None, income, ward, a1, "Thống kê", "BC 1/BC-UBND")
        actuals.enter_actual(None, poverty, ward, a2, "Thống kê", "BC 2/BC-UBND")
    evaluations.recompute_province(YEAR)
    world.income, world.poverty, world.indicator_set = income, poverty, indicator_set
    return world


def evaluation_of(org):
    from canbo.agency.models import AgencyEvaluation

    return AgencyEvaluation.objects.get(organization=org, year=YEAR)


def score_of(evaluation, code):
    return evaluation.scores.get(criterion__code=code)
