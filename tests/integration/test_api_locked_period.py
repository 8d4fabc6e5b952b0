"""A locked evaluation period cannot be changed through the API (nor the task services)."""

from datetime import date

import pytest

from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet
from canbo.work.errors import WorkError
from canbo.work.models import Task
from canbo.work.task_services import complete_task
from tests.integration.test_api_tasks import post, put, task


def _lock_october(world):
    period = EvaluationPeriod.objects.create(
        organization=world.tanphong,
        start=date(2026, 10, 1),
        status="locked",
        self_assessment_due=date(2026, 11, 3),
        review_due=date(2026, 11, 6),
        approval_due=date(2026, 11, 9),
    )
    EvaluationSheet.objects.create(person=world.people["staff"], period=period, status="published")


def test_locked_month_refuses_events_changes_and_new_tasks(client, clients, world):
    token = clients["tanphong"]
    assert (
        post(
            client, token, "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": [task("VB-1")]}
        ).status_code
        == 200
    )
    _lock_october(world)
    before = Task.objects.values().get(external_id="VB-1")
    event = {
        "event_id": "e1",
        "kind": "completed",
        "completed_date": "2026-10-18",
        "occurred_at": "2026-10-18T10:00:00+07:00",
        "actor_code": "TP-1",
    }
    response = post(client, token, "/api/v1/tasks/ioffice/VB-1/events", event)
    assert response.status_code == 409 and response.json()["code"] == "period_locked"
    changed = put(
        client,
        token,
        "/api/v1/tasks/ioffice/VB-1",
        {k: v for k, v in task("VB-1", name="Đổi tên").items() if k != "external_id"},
    )
    assert changed.status_code == 409
    new = post(client, token, "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": [task("VB-2")]})
    assert new.status_code == 409 and "đã khoá" in new.json()["message"]
    assert Task.objects.values().get(external_id="VB-1") == before
    assert not Task.objects.filter(external_id="VB-2").exists()
    # November is open: the same client may still write there.
    november = task("VB-3", assigned_date="2026-11-02", due_date="2026-11-20")
    assert (
        post(
            client, token, "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": [november]}
        ).status_code
        == 200
    )


def test_task_services_refuse_a_locked_month(world):
    from canbo.work.task_services import assign_task

    vb = assign_task(
        None,
        name="Báo cáo",
        assignee=world.people["staff"],
        coefficient=1,
        assigned_date=date(2026, 10, 1),
        due_date=date(2026, 10, 20),
    )
    _lock_october(world)
    with pytest.raises(WorkError, match="đã khoá"):
        complete_task(None, vb, date(2026, 10, 15))
    with pytest.raises(WorkError, match="đã khoá"):
        assign_task(
            None,
            name="Thêm",
            assignee=world.people["staff"],
            coefficient=1,
            assigned_date=date(2026, 10, 2),
            due_date=date(2026, 10, 25),
        )
