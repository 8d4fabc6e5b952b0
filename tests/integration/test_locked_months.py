"""Locked months stay locked: a change is checked at the task's old AND new month, through
the API (PUT, bulk), the task services, edXML and `canbo recompute`."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet
from canbo.work.errors import WorkError
from canbo.work.locks import refuse_move
from canbo.work.models import PeriodScore, Task
from canbo.work.task_services import assign_task
from tests.integration.test_api_tasks import post, put, task

OCTOBER, NOVEMBER = date(2026, 10, 1), date(2026, 11, 1)


def lock(world, person="staff", month=OCTOBER):
    period, _ = EvaluationPeriod.objects.get_or_create(
        organization=world.tanphong,
        start=month,
        defaults={
            "status": "locked",
            "self_assessment_due": date(2026, 12, 3),
            "review_due": date(2026, 12, 6),
            "approval_due": date(2026, 12, 9),
        },
    )
    EvaluationSheet.objects.create(person=world.people[person], period=period, status="published")


def body(external_id: str, **extra) -> dict:
    return {k: v for k, v in task(external_id, **extra).items() if k != "external_id"}


NOV = {"assigned_date": "2026-11-02", "due_date": "2026-11-20"}


def test_put_cannot_move_an_open_task_into_a_locked_month(client, clients, world):
    token = clients["tanphong"]
    assert put(client, token, "/api/v1/tasks/ioffice/VB-9", body("VB-9", **NOV)).status_code == 201
    lock(world)
    before = Task.objects.values().get(external_id="VB-9")
    moved = put(client, token, "/api/v1/tasks/ioffice/VB-9", body("VB-9"))  # October dates
    assert moved.status_code == 409 and moved.json()["code"] == "period_locked"
    assert "10/2026" in moved.json()["message"]
    assert Task.objects.values().get(external_id="VB-9") == before


def test_bulk_cannot_hand_a_task_to_someone_whose_month_is_locked(client, clients, world):
    token = clients["tanphong"]
    first = {"source": "ioffice", "tasks": [task("VB-7", "TP-2")]}
    assert post(client, token, "/api/v1/tasks/bulk", first).status_code == 200
    lock(world, "staff")  # TP-1's October is locked, TP-2's is not
    moved = post(
        client, token, "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": [task("VB-7", "TP-1")]}
    )
    assert moved.status_code == 409 and moved.json()["code"] == "period_locked"
    assert Task.objects.get(external_id="VB-7").assignee == world.people["colleague"]


def test_a_task_cannot_leave_a_locked_month(client, clients, world):
    token = clients["tanphong"]
    assert put(client, token, "/api/v1/tasks/ioffice/VB-8", body("VB-8")).status_code == 201
    lock(world)
    out = put(client, token, "/api/v1/tasks/ioffice/VB-8", body("VB-8", **NOV))
    assert out.status_code == 409
    assert Task.objects.get(external_id="VB-8").period == OCTOBER


def test_one_rule_checks_both_ends_of_a_move(world):
    lock(world, "staff")
    staff, colleague = world.people["staff"].pk, world.people["colleague"].pk
    refuse_move((colleague, OCTOBER), (colleague, NOVEMBER))
    with pytest.raises(WorkError, match="10/2026 đã khoá"):
        refuse_move((colleague, OCTOBER), (staff, OCTOBER))
    with pytest.raises(WorkError, match="đã khoá"):
        refuse_move((staff, date(2026, 10, 20)), (colleague, NOVEMBER))


def test_recompute_skips_locked_months_and_says_so(world, capsys):
    staff = world.people["staff"]
    tasks = [
        assign_task(
            None,
            name="Báo cáo",
            assignee=world.people[who],
            coefficient=1,
            assigned_date=date(2026, 10, 1),
            due_date=date(2026, 10, 20),
        ).pk
        for who in ("staff", "colleague")
    ]
    call_command("recompute", period="2026-10")
    published = PeriodScore.objects.get(person=staff, kind="month", period_start=OCTOBER)
    lock(world, "staff")
    # Data that changed behind the lock (an old bug, a direct edit) must not reach the score.
    Task.objects.filter(pk__in=tasks).update(
        coefficient=Decimal("3"), status="completed", completed_date=date(2026, 10, 10)
    )
    capsys.readouterr()
    call_command("recompute", period="2026-10")
    out = capsys.readouterr().out
    kept = PeriodScore.objects.get(person=staff, kind="month", period_start=OCTOBER)
    assert (kept.task_score, kept.computed_at) == (published.task_score, published.computed_at)
    assert "bỏ qua 1 tháng đã khoá" in out.lower()
    other = PeriodScore.objects.get(
        person=world.people["colleague"], kind="month", period_start=OCTOBER
    )
    assert other.task_score == 70 and kept.task_score == 0  # the open month follows the data


def test_edxml_cannot_hand_a_task_to_someone_whose_month_is_locked(world, clients):
    from canbo.integration.edxml.importer import import_edxml
    from canbo.integration.imports.scope import Actor
    from tests.integration.test_edxml_import import sample

    actor = Actor(clients["client"])
    for name in ("document.xml", "status04.xml"):
        import_edxml(actor, sample(name), name, "test")
    lock(world, "colleague")
    moved = sample("status05.xml").replace(b">TP-1<", b">TP-2<")
    report = import_edxml(actor, moved, "s.xml", "test")
    assert report.outcome == "rejected" and "đã khoá" in report.message
    assert Task.objects.get().assignee == world.people["staff"]


def test_a_quarter_of_locked_months_keeps_its_stored_row(world):
    tasks = [
        assign_task(
            None,
            name="Báo cáo",
            assignee=world.people[who],
            coefficient=1,
            assigned_date=date(2026, 10, 1),
            due_date=date(2026, 10, 20),
        ).pk
        for who in ("staff", "colleague")
    ]
    call_command("recompute", period="2026-Q4")
    staff = world.people["staff"]
    stored = PeriodScore.objects.get(person=staff, kind="quarter", period_start=OCTOBER)
    for month in (OCTOBER, NOVEMBER, date(2026, 12, 1)):
        lock(world, "staff", month)
    Task.objects.filter(pk__in=tasks).update(status="completed", completed_date=date(2026, 10, 9))
    call_command("recompute", period="2026-Q4")
    kept = PeriodScore.objects.get(person=staff, kind="quarter", period_start=OCTOBER)
    assert (kept.task_score, kept.job_id) == (stored.task_score, stored.job_id) != (70, None)
    other = PeriodScore.objects.get(
        person=world.people["colleague"], kind="quarter", period_start=OCTOBER
    )
    assert other.task_score == 70  # an open quarter follows the data


def test_the_import_preview_shows_rows_in_a_locked_month(world, capsys):
    from django.core.management import CommandError

    from tests.integration.test_spreadsheet_import import _file, xlsx

    lock(world, "staff")
    rows = [
        ["TP-1", "Báo cáo", "", "1", "1", "02/10/2026", "20/10/2026", "", "", ""],
        ["TP-2", "Báo cáo", "", "1", "1", "02/10/2026", "20/10/2026", "", "", ""],
    ]
    with pytest.raises(CommandError, match="1 dòng có lỗi"):
        call_command("import-tasks", _file(xlsx(rows), "nv.xlsx"))
    assert "tháng 10/2026 của công chức này đã khoá" in capsys.readouterr().out
    assert not Task.objects.exists()
