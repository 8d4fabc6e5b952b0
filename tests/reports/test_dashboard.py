"""The dashboards: chart numbers equal hand counts of planted data; a chairman never sees
another commune's numbers, on the page or in the .xlsx."""

from io import BytesIO

import pytest
from openpyxl import load_workbook

from canbo.reports.charts import grouping
from canbo.reports.dashboard import build_dashboard
from tests.reports.dashboard_world import YEAR, plant

TODAY = __import__("datetime").date(2026, 11, 30)


@pytest.fixture
def planted(world):
    plant(world)
    return world


def _charts(user, root):
    board = build_dashboard(user, root, YEAR, TODAY)
    return {chart.key: chart for chart in board.charts}, board


def test_province_numbers_equal_hand_counts(planted):
    w = planted
    charts, _ = _charts(w.users["personnel"], w.province)
    # excellent, good, complete, fail, total
    assert charts["classification_groups"].rows == [
        ["Phường Tân Phong", 1, 3, 1, 0, 5],
        ["Phường Đoàn Kết", 0, 0, 0, 1, 1],
    ]
    assert charts["classification_months"].rows == [
        ["09/2026", 1, 2, 1, 0, 4],
        ["10/2026", 0, 1, 0, 1, 2],
    ]
    # excellent, good, cap = floor(20 % of good), over the cap
    assert charts["quota"].rows == [
        ["Phường Tân Phong", 1, 4, 0, 1],
        ["Phường Đoàn Kết", 0, 1, 0, 0],
    ]
    # (8+10+0)/30, (6+10+0)/30, (4+10+0)/30
    assert charts["trends"].rows == [["09/2026", 60.0, 53.3, 46.7]]
    # draft, self-assessed, reviewed, published, contested, total
    assert charts["periods"].rows == [["09/2026", 1, 0, 0, 4, 0, 5], ["10/2026", 3, 1, 0, 2, 0, 6]]
    assert charts["training"].rows == [
        ["Phường Tân Phong", 4, 1, 25.0],
        ["Phường Đoàn Kết", 2, 1, 50.0],
    ]
    # quota, people with a job position in post, missing
    assert charts["staffing"].rows == [["Phường Tân Phong", 5, 4, 1], ["Phường Đoàn Kết", 3, 1, 2]]
    assert "overdue" not in charts


def test_chairman_numbers_by_department(planted):
    w = planted
    charts, board = _charts(w.users["chair"], w.tanphong)
    office, economy = "Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị"
    assert charts["classification_groups"].rows == [
        [office, 1, 2, 1, 0, 4],
        [economy, 0, 1, 0, 0, 1],
    ]
    assert charts["classification_months"].rows == [
        ["09/2026", 1, 2, 1, 0, 4],
        ["10/2026", 0, 1, 0, 0, 1],
    ]
    assert charts["trends"].rows == [["09/2026", 90.0, 80.0, 70.0]]
    assert charts["quota"].rows[0][1:] == [1, 4, 0, 1]
    assert charts["staffing"].rows == [[office, 5, 3, 2], [economy, 0, 1, 0]]
    assert charts["overdue"].rows == [[economy, 1]]
    # chair: September and October drafts; head and economy: October drafts
    assert charts["not_assessed"].rows == [["Lãnh đạo UBND xã", 2], [office, 1], [economy, 1]]
    assert sorted(row[0] for row in board.late_people) == [
        "Giàng A Páo",
        "Lê Văn Bình",
        "Lê Văn Bình",
        "Trần Thị Hồng",
    ]


def test_grouping_puts_rows_in_their_commune_or_department(world):
    g = grouping(world.province, world.users["personnel"])
    assert g.of(world.tp_office.path) == world.tanphong.pk
    assert g.of(world.dk_office.path) == world.doanket.pk
    c = grouping(world.tanphong, world.users["chair"])
    assert c.of(world.tp_economy.path) == world.tp_economy.pk
    assert c.of(world.tanphong.path) == world.tanphong.pk
    assert c.of(world.dk_office.path) is None


def _xlsx_text(content: bytes) -> str:
    book = load_workbook(BytesIO(content))
    return "\n".join(
        str(v)
        for ws in book
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    )


def test_chairman_never_sees_another_commune(planted, client):
    w = planted
    client.force_login(w.users["chair"])
    page = client.get("/reports/dashboard/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in html
    assert "Đoàn Kết" not in html and "Tẩn Láo Lở" not in html
    assert "Không hoàn thành nhiệm vụ: 1" not in html  # the outsider's "fail"
    assert client.get(f"/reports/dashboard/?org={w.doanket.pk}").status_code == 404
    xlsx = client.get("/reports/dashboard.xlsx")
    assert xlsx.status_code == 200
    text = _xlsx_text(xlsx.content)
    assert "Phòng Kinh tế, Hạ tầng và Đô thị" in text
    assert "Đoàn Kết" not in text and "Tẩn Láo Lở" not in text
    assert client.get(f"/reports/dashboard.xlsx?org={w.doanket.pk}").status_code == 404


def test_province_page_draws_and_lists_the_numbers(planted, client):
    w = planted
    client.force_login(w.users["personnel"])
    html = client.get("/reports/dashboard/").content.decode()
    assert html.count("<svg") == 7
    assert "<script" not in html
    assert "Phường Đoàn Kết" in html and "Phường Tân Phong" in html
    assert "<title>Phường Tân Phong · Hoàn thành tốt nhiệm vụ: 3</title>" in html
    commune = client.get(f"/reports/dashboard/?org={w.doanket.pk}&year=2026")
    assert "Văn phòng HĐND và UBND" in commune.content.decode()
    rows = load_workbook(BytesIO(client.get("/reports/dashboard.xlsx").content))
    sheet = rows["1. classification_groups"]
    values = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert values == [["Phường Tân Phong", 1, 3, 1, 0, 5], ["Phường Đoàn Kết", 0, 0, 0, 1, 1]]


@pytest.mark.parametrize("persona", ["staff", "head", "outsider"])
def test_others_are_refused(world, client, persona):
    client.force_login(world.users[persona])
    assert client.get("/reports/dashboard/").status_code == 403
    assert client.get("/reports/dashboard.xlsx").status_code == 403


def test_menu_links_the_dashboard(world, client):
    client.force_login(world.users["chair"])
    home = client.get("/").content.decode()
    assert home.count('href="/reports/dashboard/"') == 2  # the menu and the home page's tile
    client.force_login(world.users["staff"])
    assert 'href="/reports/dashboard/"' not in client.get("/").content.decode()
