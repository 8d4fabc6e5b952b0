"""The annual report downloaded from the annual screen: same numbers, the user's scope."""

from io import BytesIO

from docx import Document
from openpyxl import load_workbook

from tests.reports.annual_world import build_year_end


def _codes(content: bytes) -> set[str]:
    ws = load_workbook(BytesIO(content))["Kết quả"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[0] == "#")
    return {r[1] for r in rows[at + 1 :] if isinstance(r[0], int)}


def test_screen_links_to_both_files(world, login):
    build_year_end(world)
    html = (
        login(world.users["personnel"])
        .get(f"/evaluation/annual/2026/?org={world.tanphong.pk}")
        .content.decode()
    )
    assert "/reports/annual-report/2026.xlsx" in html
    assert f"/reports/annual-report/2026.docx?org={world.tanphong.pk}" in html


def test_province_gets_every_commune(world, login):
    build_year_end(world)
    response = login(world.users["personnel"]).get("/reports/annual-report/2026.xlsx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    ws = load_workbook(BytesIO(response.content))["Tổng hợp"]
    communes = {r[1] for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)}
    assert communes == {"Phường Tân Phong", "Phường Đoàn Kết"}


def test_chairman_gets_his_commune_only(world, login):
    build_year_end(world)
    client = login(world.users["chair"])
    codes = _codes(client.get("/reports/annual-report/2026.xlsx").content)
    assert "DK-1" not in codes and "TP-1" in codes
    assert client.get(f"/reports/annual-report/2026.xlsx?org={world.doanket.pk}").status_code == 404
    assert client.get("/reports/annual-report/2026.xlsx?org=x").status_code == 404


def test_docx_of_one_commune(world, login):
    build_year_end(world)
    response = login(world.users["personnel"]).get(
        f"/reports/annual-report/2026.docx?org={world.doanket.pk}"
    )
    doc = Document(BytesIO(response.content))
    text = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "PHƯỜNG ĐOÀN KẾT" in text and "Phường Tân Phong" not in text
