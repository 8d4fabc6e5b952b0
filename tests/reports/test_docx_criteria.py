"""The sheet .docx prints the general criteria as the decree's form 01 lays them out."""

from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.sheets import submit_self_assessment
from tests.reports.conftest import docx_of, docx_text

HEADER = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Điểm của cấp có thẩm quyền"]


def _criteria_table(doc):
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == HEADER)
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def _bold(doc, code):
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells] == HEADER)
    row = next(r for r in table.rows if r.cells[0].text == code)
    return all(run.bold for p in row.cells[1].paragraphs for run in p.runs)


def test_form01_table_with_group_subtotals(client, world, published):
    client.force_login(world.users["chair"])
    doc = docx_of(client.get(f"/reports/sheets/{published.pk}.docx"))
    rows = _criteria_table(doc)
    assert [r[0] for r in rows] == [
        "I",
        "I.1",
        "I.2",
        "II",
        "II.1",
        "II.2",
        "II.3",
        "II.4",
        "III",
        "",
    ]
    by_code = {r[0]: r[1:] for r in rows}
    assert by_code["I.1"][0].startswith("Phẩm chất chính trị, phẩm chất đạo đức")
    assert by_code["I"][1:] == ["10", "9,0", "9,0"]
    assert by_code["II"][1:] == ["10", "9,0", "8,5"]  # II.4 lowered from 2,25 to 1,75
    assert by_code["II.4"][1:] == ["2,5", "2,25", "1,75"]
    assert by_code["III"][1:] == ["10", "8,5", "8,5"]
    assert by_code[""] == ["Tổng điểm tiêu chí chung", "30", "26,50", "26,00"]
    assert _bold(doc, "II") and not _bold(doc, "II.1") and _bold(doc, "III")
    assert "Lý do điều chỉnh: II.4: Chưa phối hợp tốt" in docx_text(doc)


def test_old_sheet_prints_three_lines(client, world, sheet):
    EvaluationSheet.objects.filter(pk=sheet.pk).update(criteria_set="nd335-3")
    sheet.refresh_from_db()
    submit_self_assessment(world.users["staff"], sheet, [9, 8.5, 8])
    client.force_login(world.users["chair"])
    rows = _criteria_table(docx_of(client.get(f"/reports/sheets/{sheet.pk}.docx")))
    assert [r[0] for r in rows] == ["a", "b", "c", ""]
    assert rows[1][2:] == ["10", "8,5", "—"] and rows[-1][3:] == ["25,50", "—"]
