"""Downloads go through the same `visible_to(user)` querysets as the pages."""

from datetime import date

from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.evaluation.services.periods import open_period
from tests.reports.conftest import xlsx_rows


def test_outsider_gets_404_for_a_sheet_of_another_commune(client, world, sheet):
    client.force_login(world.users["outsider"])
    assert client.get(f"/reports/sheets/{sheet.pk}.docx").status_code == 404
    client.force_login(world.users["staff"])
    response = client.get(f"/reports/sheets/{sheet.pk}.docx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="phieu-danh-gia-')


def test_colleague_sheet_is_hidden_from_a_civil_servant(client, world, period):
    colleague = EvaluationSheet.objects.get(period=period, person=world.people["colleague"])
    client.force_login(world.users["staff"])
    assert client.get(f"/reports/sheets/{colleague.pk}.docx").status_code == 404


def test_unit_table_lists_only_what_the_user_sees(client, world, period):
    client.force_login(world.users["head"])  # head of the office: not the economy department
    _, people = xlsx_rows(
        client.get(f"/reports/unit.xlsx?period={period.pk}&org={world.tanphong.pk}").content
    )
    assert set(people) == {"TP-1", "TP-2", "TP-4"}
    client.force_login(world.users["chair"])
    _, people = xlsx_rows(client.get(f"/reports/unit.xlsx?period={period.pk}").content)
    assert set(people) == {"TP-1", "TP-2", "TP-3", "TP-4", "TP-5"}
    _, people = xlsx_rows(
        client.get(f"/reports/unit.xlsx?period={period.pk}&org={world.tp_economy.pk}").content
    )
    assert set(people) == {"TP-3"}


def test_unit_table_refuses_what_is_out_of_scope(client, world, period):
    doanket = open_period(world.users["personnel"], world.doanket, date(2026, 10, 1))
    client.force_login(world.users["chair"])
    assert client.get(f"/reports/unit.xlsx?period={doanket.pk}").status_code == 404
    assert client.get(f"/reports/unit.xlsx?org={world.doanket.pk}").status_code == 404
    for bad in ("period=abc", "org=-1", "month=2026-13", "month=x", "period=999999"):
        assert client.get(f"/reports/unit.xlsx?{bad}").status_code == 404, bad
    client.force_login(world.users["staff"])
    assert client.get(f"/reports/unit.xlsx?period={period.pk}").status_code == 403
    client.force_login(world.users["personnel"])  # province-wide: both wards
    _, people = xlsx_rows(client.get("/reports/unit.xlsx?month=2026-10").content)
    assert {"TP-1", "DK-1"} <= set(people)


def test_annual_form_follows_the_annual_screen(client, world, published):
    row = AnnualResult.objects.create(
        person=world.people["staff"],
        year=2026,
        organization=world.tanphong,
        average=published.total,
        periods_used=1,
        classification="excellent",
        label=published.result["label"],
    )
    for user, status in [("chair", 200), ("head", 200), ("outsider", 403), ("staff", 403)]:
        client.force_login(world.users[user])
        assert client.get(f"/reports/annual/{row.pk}.docx").status_code == status, user
    client.force_login(world.users["admin"])
    assert client.get("/reports/annual/999999.docx").status_code == 404
