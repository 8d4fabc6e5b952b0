from datetime import date

import pytest

from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.periods import open_period
from canbo.work.task_services import assign_task, complete_task

MONTH = date(2026, 10, 1)


@pytest.fixture
def period(world):
    """October 2026 opened for Tân Phong; the civil servant has two tasks, one late."""
    staff = world.people["staff"]
    done = assign_task(
        None,
        name="Báo cáo chuyển đổi số",
        assignee=staff,
        coefficient=1,
        quantity=2,
        assigned_date=date(2026, 10, 1),
        due_date=date(2026, 10, 20),
    )
    complete_task(None, done, date(2026, 10, 18))
    late = assign_task(
        None,
        name="Thống kê hộ tịch",
        assignee=staff,
        coefficient="1.5",
        assigned_date=date(2026, 10, 2),
        due_date=date(2026, 10, 10),
    )
    complete_task(None, late, date(2026, 10, 12))
    return open_period(world.users["personnel"], world.tanphong, MONTH)


@pytest.fixture
def sheet(world, period):
    return EvaluationSheet.objects.get(period=period, person=world.people["staff"])
