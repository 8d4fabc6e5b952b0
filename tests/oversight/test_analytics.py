"""Supervision analytics against planted sheets and tasks."""

from datetime import date

from django.urls import reverse

from canbo.evaluation.services.periods import open_period
from canbo.oversight.analytics import supervision_analytics
from canbo.work.models import Task
from tests.oversight.conftest import xlsx_text

SELF = [4.5, 4.5, 2.5, 2.5, 2.5, 2.5, 9.0]  # 28
LOWER = [4.0, 4.0, 2.5, 2.5, 2.5, 2.5, 8.0]  # 26


def plant(world):
    tp = open_period(world.users["personnel"], world.tanphong, date(2026, 10, 1))
    dk = open_period(world.users["personnel"], world.doanket, date(2026, 10, 1))
    sheets = {s.person_id: s for s in list(tp.sheets.all()) + list(dk.sheets.all())}
    people = world.people
    reviewer = world.users["head"]

    def set_sheet(key, level, own, reviewed, leader=False, d=None):
        sheet = sheets[people[key].pk]
        sheet.status, sheet.classification = "published", level
        sheet.general_self, sheet.general_review = own, reviewed
        sheet.is_leader, sheet.reviewed_by = leader, reviewer
        sheet.result = {"d": d} if d is not None else None
        sheet.save()

    set_sheet("staff", "excellent", SELF, SELF)
    set_sheet("colleague", "fail", SELF, LOWER)
    set_sheet("head", "good", SELF, SELF, leader=True, d=1.0)
    set_sheet("outsider", "excellent", SELF, SELF)
    Task.objects.create(
        name="Báo cáo",
        assignee=people["staff"],
        organization=world.tp_office,
        assigned_date=date(2026, 10, 1),
        due_date=date(2026, 10, 10),
        completed_date=date(2026, 10, 15),
        coefficient=1,
        status="completed",
        period=date(2026, 10, 1),
    )


def test_shares_gaps_leaders_and_late_tasks(world):
    plant(world)
    found = supervision_analytics(world.users["personnel"], 2026)
    rows = {r.name: r for r in found.communes}
    tp = rows["Phường Tân Phong"]
    assert (tp.sheets, tp.excellent, round(tp.excellent_share, 1)) == (3, 1, 33.3)
    assert round(tp.mean_gap, 3) == round(2 / 3, 3)
    assert (tp.late_tasks, tp.late_unrecorded) == (1, 1)
    assert rows["Phường Đoàn Kết"].excellent_share == 100
    [head] = found.reviewers
    assert (head.name, head.reviewed, head.adjusted, head.never_adjusts) == ("head", 4, 1, False)
    assert found.lenient_leaders == [("Văn phòng HĐND và UBND", "10/2026", "1")]


def test_a_commune_user_sees_only_their_commune(client, world):
    plant(world)
    found = supervision_analytics(world.users["chair"], 2026)
    assert [r.name for r in found.communes] == ["Phường Tân Phong"]
    client.force_login(world.users["personnel"])  # fills the shared province-wide figures
    assert (
        "Phường Đoàn Kết"
        in client.get(reverse("oversight:analytics") + "?year=2026").content.decode()
    )
    client.force_login(world.users["chair"])
    page = client.get(reverse("oversight:analytics") + "?year=2026").content.decode()
    assert "Phường Tân Phong" in page and "Phường Đoàn Kết" not in page
    sheet = xlsx_text(client.get(reverse("oversight:analytics") + "?year=2026&format=xlsx").content)
    assert "Phường Tân Phong" in sheet and "Phường Đoàn Kết" not in sheet
