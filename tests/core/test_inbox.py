"""The home page's work inbox: each role is told what to do next, with counts and links."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from canbo.evaluation.choices import ComplaintStatus, SheetStatus
from canbo.evaluation.models import AnnualResult, Complaint, EvaluationSheet, Notification
from canbo.evaluation.services.periods import open_period
from canbo.work.task_services import assign_task
from tests.factories import make_person

MONTH = date(2026, 10, 1)


@pytest.fixture
def period(world):
    return open_period(world.users["personnel"], world.tanphong, MONTH)


def _home(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _sheet(world, key, period) -> EvaluationSheet:
    return EvaluationSheet.objects.get(person=world.people[key], period=period)


def test_civil_servant_is_told_to_self_assess_with_deadline(client, world, period):
    sheet = _sheet(world, "staff", period)
    html = _home(client, world.users["staff"])
    assert "Tự đánh giá kỳ 10/2026" in html
    assert f"/evaluation/sheets/{sheet.pk}/#form-self" in html
    assert period.self_assessment_due.strftime("%d/%m/%Y") in html
    sheet.status = SheetStatus.SELF_ASSESSED
    sheet.save()
    assert "Tự đánh giá kỳ" not in _home(client, world.users["staff"])


def test_tasks_overdue_and_due_soon_are_counted(client, world, period):
    staff = world.people["staff"]
    for day in (1, 2):
        assign_task(
            None,
            name=f"Việc cũ {day}",
            assignee=staff,
            coefficient=1,
            assigned_date=date(2020, 1, day),
            due_date=date(2020, 1, 10 + day),
        )
    html = _home(client, world.users["staff"])
    assert "2 việc đã quá hạn" in html and "/work/tasks/mine/" in html


def test_unit_head_and_chairman_see_their_boards(client, world, period):
    _sheet(world, "staff", period).__class__.objects.filter(
        person=world.people["staff"], period=period
    ).update(status=SheetStatus.SELF_ASSESSED)
    EvaluationSheet.objects.filter(person=world.people["colleague"], period=period).update(
        status=SheetStatus.REVIEWED
    )
    head = _home(client, world.users["head"])
    assert "1 phiếu chờ bạn nhận xét" in head and "status=self_assessed" in head
    chair = _home(client, world.users["chair"])
    assert "1 phiếu chờ bạn phê duyệt" in chair and "/evaluation/approve/?month=2026-10" in chair


def test_chairman_is_told_about_an_open_complaint(client, world, period):
    sheet = _sheet(world, "staff", period)
    Complaint.objects.create(sheet=sheet, filed_by=world.users["staff"], reason="Chưa đúng")
    html = _home(client, world.users["chair"])
    assert "1 khiếu nại chờ bạn trả lời" in html
    assert f"/evaluation/sheets/{sheet.pk}/#complaints" in html
    Complaint.objects.update(status=ComplaintStatus.REJECTED)
    assert "khiếu nại chờ" not in _home(client, world.users["chair"])
    # the outsider's chairman (another commune) never hears of it: nothing to do at home
    assert "khiếu nại" not in _home(client, world.users["outsider"])


def test_notifications_show_and_are_read_on_the_sheet(client, world, period):
    sheet = _sheet(world, "staff", period)
    url = f"/evaluation/sheets/{sheet.pk}/"
    Notification.objects.create(user=world.users["staff"], text="Kết quả đánh giá: Tốt.", url=url)
    assert "Kết quả đánh giá: Tốt." in _home(client, world.users["staff"])
    client.get(url)
    assert "Kết quả đánh giá: Tốt." not in _home(client, world.users["staff"])


def test_personnel_sees_periods_to_lock_and_late_communes(client, world, period):
    period.__class__.objects.filter(pk=period.pk).update(approval_due=date(2099, 1, 1))
    assert "cần khóa" not in _home(client, world.users["personnel"])
    period.__class__.objects.filter(pk=period.pk).update(approval_due=date(2020, 1, 1))
    html = _home(client, world.users["personnel"])
    assert "1 kỳ đã quá hạn phê duyệt, cần khóa" in html
    assert "1 xã, phường chậm hoàn thành phiếu" in html
    EvaluationSheet.objects.filter(period=period).update(status=SheetStatus.PUBLISHED)
    assert "chậm hoàn thành" not in _home(client, world.users["personnel"])


def test_personnel_is_told_of_communes_not_finalised_in_the_last_quarter(client, world):
    from canbo.evaluation import inbox

    AnnualResult.objects.create(
        person=world.people["staff"], year=2026, organization=world.tanphong
    )
    items = inbox.evaluation_inbox(world.users["personnel"], date(2026, 11, 30))
    annual = [i for i in items if "/evaluation/annual/2026/" in i.url]
    assert annual and annual[0].count == 1 and annual[0].due == date(2026, 12, 15)
    assert "chưa chốt xếp loại năm" in annual[0].text and not annual[0].urgent
    assert not [
        i
        for i in inbox.evaluation_inbox(world.users["personnel"], date(2026, 6, 1))
        if "/annual/" in i.url
    ]


def test_home_query_count_does_not_grow_with_data(client, world, period):
    users = ("staff", "head", "chair", "personnel")

    def counts():
        found = {}
        for name in users:
            client.force_login(world.users[name])
            with CaptureQueriesContext(connection) as ctx:
                assert client.get("/").status_code == 200
            found[name] = len(ctx.captured_queries)
        return found

    def add(n):
        person = make_person(
            f"TP-X{n}", f"Người {n}", world.tp_office, world.staff_title, world.position
        )
        sheet = EvaluationSheet.objects.create(
            person=person, period=period, status=SheetStatus.REVIEWED
        )
        Complaint.objects.create(sheet=sheet, reason="x")
        assign_task(
            None,
            name=f"Việc {n}",
            assignee=world.people["staff"],
            coefficient=1,
            assigned_date=date(2020, 1, 1),
            due_date=date(2020, 1, 2),
        )
        Notification.objects.create(user=world.users["staff"], text=f"Tin {n}", url="/")
        AnnualResult.objects.create(
            person=person, year=date.today().year, organization=world.tanphong
        )

    # From one row of each kind to six: an empty list can skip its query, a full one not.
    add(0)
    before = counts()
    for n in range(1, 6):
        add(n)
    assert counts() == before
    assert max(before.values()) <= 18  # each app's to-dos: a query or two, never per row


def test_sheet_page_opens_on_the_self_assessment_form_for_its_owner(client, world, period):
    sheet = _sheet(world, "staff", period)
    client.force_login(world.users["staff"])
    html = client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    assert html.index('id="form-self"') < html.index('id="scores"')
    assert html.count('id="form-self"') == 1
