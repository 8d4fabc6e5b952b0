"""The unit head judges quality and delays on the task page; the assignee cannot."""

from datetime import date

from canbo.work.models import Task
from canbo.work.task_services import assign_task, complete_task


def _late_task(world) -> Task:
    task = assign_task(
        None,
        name="Báo cáo",
        assignee=world.people["staff"],
        coefficient=1,
        assigned_date=date(2026, 10, 1),
        due_date=date(2026, 10, 10),
    )
    return complete_task(None, task, date(2026, 10, 12))


def test_head_records_a_failure_and_certifies_the_delay(client, world):
    task = _late_task(world)
    client.force_login(world.users["head"])
    url = f"/work/tasks/{task.pk}/act/"
    page = client.get(f"/work/tasks/{task.pk}/").content.decode()
    assert 'value="certify_delay"' in page and 'value="review"' in page
    client.post(url, {"action": "review", "passed": "no", "note": ""})
    assert Task.objects.get(pk=task.pk).quality_failures == 0  # a failure needs its error
    client.post(url, {"action": "review", "passed": "no", "note": "Sai số liệu dân số"})
    delay = task.delay_records.get()
    client.post(url, {"action": "certify_delay", "record": delay.pk, "reason": "Mất điện"})
    task.refresh_from_db()
    assert (task.quality_failures, task.delays, task.objective_delays) == (1, 1, 1)


def test_assignee_and_forged_posts_cannot_judge(client, world):
    task = _late_task(world)
    client.force_login(world.users["staff"])
    assert 'value="review"' not in client.get(f"/work/tasks/{task.pk}/").content.decode()
    response = client.post(
        f"/work/tasks/{task.pk}/act/", {"action": "review", "passed": "no", "note": "x"}
    )
    assert response.status_code == 403
    client.force_login(world.users["head"])
    bad = client.post(f"/work/tasks/{task.pk}/act/", {"action": "extend", "due": "not-a-date"})
    assert bad.status_code == 302
    assert Task.objects.get(pk=task.pk).quality_failures == 0
