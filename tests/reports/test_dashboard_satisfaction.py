"""The satisfaction index on the dashboards: the figures equal hand counts of planted dossiers
and feedback's own index; a chairman never sees another commune's dossiers; the .xlsx has the
rows; a commune without dossiers says "no data", never 0 %.

Planted (tests.feedback.conftest `october`, plus September): Tân Phong's office: staff 4
dossiers in September (1 very dissatisfied) and 10 in October (2 dissatisfied, 1 more
complained about; 7 returned, 5 on time), colleague 4 very satisfied in October; its economy
department 1 satisfied; Đoàn Kết 3 in October (1 dissatisfied); Xã Bản Lang nothing.
"""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from canbo.feedback.index import dossiers_for, index_rows
from canbo.org.choices import OrgKind
from canbo.reports.dashboard import build_dashboard
from tests.factories import make_org
from tests.feedback.conftest import dossier, october, put_dossiers  # noqa: F401 (fixture)

YEAR, TODAY = 2026, date(2026, 11, 30)
NO_DATA = "Không có dữ liệu"
OFFICE, ECONOMY = "Văn phòng HĐND và UBND", "Phòng Kinh tế, Hạ tầng và Đô thị"
SEPT = date(2026, 9, 5)
# (4 + 14) dossiers; rated 4 + 8 + 4; (18 − 1 − 2 − 1 complained) / 18; on time 5 of 7
OFFICER_ROW = [OFFICE, 18, 16, 12, 3, Decimal("77.78"), Decimal("71.43")]


@pytest.fixture
def rated(october):  # noqa: F811
    put_dossiers([dossier(f"S-{n}", "TP-1", day=SEPT, level=1 if n == 0 else 5) for n in range(4)])
    october.banlang = make_org("Xã Bản Lang", OrgKind.COMMUNE, october.province, "000.03.29.H29")
    return october


def _charts(user, root):
    board = build_dashboard(user, root, YEAR, TODAY)
    return {chart.key: chart for chart in board.charts}


def _by_name(chart):
    return {row[0]: row[1:] for row in chart.rows}


def test_province_index_per_commune_and_month(rated):
    charts = _charts(rated.users["personnel"], rated.province)
    # dossiers, rated, satisfied, dissatisfied, index, on time
    assert _by_name(charts["satisfaction_groups"]) == {
        # (19 − 3 dissatisfied − 1 complained) / 19 = 78.947…; on time 5 of 7 returned
        "Phường Tân Phong": [19, 17, 13, 3, Decimal("78.95"), Decimal("71.43")],
        "Phường Đoàn Kết": [3, 3, 2, 1, Decimal("66.67"), NO_DATA],  # 2/3, none returned
        "Xã Bản Lang": [0, 0, 0, 0, NO_DATA, NO_DATA],
    }
    assert charts["satisfaction_months"].rows == [
        ["09/2026", 4, 4, 3, 1, Decimal("75.00"), NO_DATA],  # 3/4
        ["10/2026", 18, 16, 12, 3, Decimal("77.78"), Decimal("71.43")],  # (18 − 4)/18
    ]


def test_figures_equal_feedback_index(rated):
    months = [date(YEAR, m, 1) for m in range(1, 13)]
    expected = {
        r.commune_name: r.index
        for r in index_rows(dossiers_for(rated.users["admin"], months), "commune")
    }
    charts = _charts(rated.users["personnel"], rated.province)
    shown = {row[0]: row[5] for row in charts["satisfaction_groups"].rows if row[1]}
    assert shown == expected
    units = index_rows(dossiers_for(rated.users["chair"], months), "unit")
    by_unit = {r.unit_name: r.index for r in units}
    chair = _charts(rated.users["chair"], rated.tanphong)
    assert {row[0]: row[5] for row in chair["satisfaction_groups"].rows} == by_unit


def test_chairman_sees_his_departments_only(rated, client):
    charts = _charts(rated.users["chair"], rated.tanphong)
    assert _by_name(charts["satisfaction_groups"]) == {
        OFFICER_ROW[0]: OFFICER_ROW[1:],
        ECONOMY: [1, 1, 1, 0, Decimal("100.00"), NO_DATA],
    }
    assert charts["satisfaction_months"].rows == [
        ["09/2026", 4, 4, 3, 1, Decimal("75.00"), NO_DATA],
        ["10/2026", 15, 13, 10, 2, Decimal("80.00"), Decimal("71.43")],  # 12/15
    ]
    client.force_login(rated.users["chair"])
    html = client.get("/reports/dashboard/").content.decode()
    assert f"<title>{OFFICE} · Chỉ số hài lòng của người dân theo đơn vị: 77.78</title>" in html
    assert "Đoàn Kết" not in html and "Tẩn Láo Lở" not in html
    text = _xlsx_text(client.get("/reports/dashboard.xlsx").content)
    assert OFFICE in text and "Đoàn Kết" not in text


def _sheet(content: bytes, key: str) -> list[list]:
    book = load_workbook(BytesIO(content))
    (sheet,) = [ws for ws in book if ws.title.endswith(f". {key}")]
    return [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]


def _xlsx_text(content: bytes) -> str:
    book = load_workbook(BytesIO(content))
    return "\n".join(
        str(v) for ws in book for row in ws.iter_rows(values_only=True) for v in row if v
    )


def test_xlsx_has_the_rows(rated, client):
    client.force_login(rated.users["personnel"])
    content = client.get("/reports/dashboard.xlsx").content
    headers, *rows = _sheet(content, "satisfaction_groups")
    assert headers == [
        "Đơn vị",
        "Số hồ sơ",
        "Được đánh giá",
        "Hài lòng",
        "Không hài lòng",
        "Chỉ số (%)",
        "Đúng hạn (%)",
    ]
    assert {r[0]: r[1:] for r in rows} == {
        "Phường Tân Phong": [19, 17, 13, 3, 78.95, 71.43],
        "Phường Đoàn Kết": [3, 3, 2, 1, 66.67, NO_DATA],
        "Xã Bản Lang": [0, 0, 0, 0, NO_DATA, NO_DATA],
    }
    assert _sheet(content, "satisfaction_months")[1:] == [
        ["09/2026", 4, 4, 3, 1, 75, NO_DATA],
        ["10/2026", 18, 16, 12, 3, 77.78, 71.43],
    ]


def test_a_commune_without_dossiers_says_no_data(rated, client):
    client.force_login(rated.users["personnel"])
    html = client.get("/reports/dashboard/").content.decode()
    section = html[html.index('id="satisfaction_groups"') :]
    section = section[: section.index("</section>")]
    row = section[section.index('<th scope="row">Xã Bản Lang</th>') :]
    row = row[: row.index("</tr>")]
    assert row.count(NO_DATA) == 2 and "0 %" not in row
    assert f">{NO_DATA}</text>" in section  # in the chart: the words, not a 0 bar
    own = client.get(f"/reports/dashboard/?org={rated.banlang.pk}").content.decode()
    section = own[own.index('id="satisfaction_groups"') :]
    assert "Chưa có số liệu của năm này." in section[: section.index("</section>")]


def test_province_opening_a_commune_sees_the_chairmans_figures(rated):
    chair = _charts(rated.users["chair"], rated.tanphong)
    opened = _charts(rated.users["personnel"], rated.tanphong)
    for key in ("satisfaction_groups", "satisfaction_months"):
        assert opened[key].rows == chair[key].rows
