"""`canbo annual-report`: JSON on stdout, .xlsx and .docx read back with their numbers."""

import json
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from canbo.reports.annual_report import annual_report
from tests.reports.annual_world import YEAR, build_year_end
from tests.reports.conftest import docx_text


def run(*args) -> str:
    out = StringIO()
    call_command("annual-report", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def year_end(world):
    return build_year_end(world)


def _table(ws) -> tuple[list, list[dict]]:
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[0] == "#")
    return rows[:at], [
        dict(zip(rows[at], r, strict=True)) for r in rows[at + 1 :] if isinstance(r[0], int)
    ]


def test_json_on_stdout_is_the_report(world, year_end):
    data = json.loads(run("--year", "2026", "--org", "Phường Tân Phong", "--format", "json"))
    assert data == json.loads(json.dumps(annual_report(YEAR, [world.tanphong])))
    assert [o["name"] for o in data["organizations"]] == ["Phường Tân Phong"]


def test_json_of_the_province_by_default(world, year_end):
    data = json.loads(run("--year", "2026"))
    assert [o["code"] for o in data["organizations"]] == ["000.01.29.H29", "000.02.29.H29"]


def test_xlsx_of_the_province(world, year_end, tmp_path):
    target = tmp_path / "tinh.xlsx"
    message = run("--year", "2026", "--format", "xlsx", "-o", str(target))
    assert "12 người" in message
    wb = load_workbook(BytesIO(target.read_bytes()))
    # The province's report: the summary and the lists (no sheet of every person).
    assert wb.sheetnames == ["Tổng hợp", "Xuất sắc", "Không hoàn thành", "Tháng còn thiếu"]
    head, summary = _table(wb["Tổng hợp"])
    assert "NĂM 2026" in head[0][0] and head[1][0] == "Tỉnh Lai Châu"
    archives = next(
        r
        for r in summary
        if r["Xã / phường"] == "Phường Tân Phong" and r["Nhóm"] == "Nhóm Văn phòng - Lưu trữ"
    )
    assert archives["Hoàn thành xuất sắc nhiệm vụ"] == 2
    assert archives["Hoàn thành tốt nhiệm vụ"] == 6
    assert archives["Tối đa xuất sắc"] == 1 and archives["Chỉ tiêu"] == "vượt tỷ lệ"
    dk = next(r for r in summary if r["Xã / phường"] == "Phường Đoàn Kết")
    assert dk["Ngoại lệ"] == "Có" and dk["Đã chốt"] == "Có"
    _, excellent = _table(wb["Xuất sắc"])
    assert sorted(r["Mã"] for r in excellent) == ["TP-1", "TP-2", "TP-5"]
    assert {r["Mã"]: r["Điểm trung bình"] for r in excellent}["TP-2"] == 89.99
    _, fail = _table(wb["Không hoàn thành"])
    assert [r["Mã"] for r in fail] == ["TP-3"] and "kỷ luật" in fail[0]["Căn cứ không hoàn thành"]
    _, missing = _table(wb["Tháng còn thiếu"])
    assert {r["Mã"]: r["Các tháng"] for r in missing} == {"A-1": "03/2026", "A-2": "11/2026"}


def test_xlsx_writes_user_text_as_text(world, year_end, tmp_path):
    target = tmp_path / "tp.xlsx"
    run("--year", "2026", "--org", world.tanphong.code, "-o", str(target))
    wb = load_workbook(BytesIO(target.read_bytes()))
    assert wb.sheetnames[:2] == ["Tổng hợp", "Kết quả"]  # one commune: every person
    ws = wb["Kết quả"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == '=HYPERLINK("http://x")')
    assert cell.data_type == "s"
    average = ws.cell(cell.row, cell.column + 5)  # code, name, commune, group, months ×2
    assert average.value == 95 and average.number_format == "0.00"
    assert average.border.left.style == "thin" and ws.cell(cell.row, 1).border.top.style


def test_docx_under_the_national_header(world, year_end, tmp_path):
    target = tmp_path / "tp.docx"
    run("--year", "2026", "--org", "Phường Tân Phong", "--format", "docx", "-o", str(target))
    doc = Document(BytesIO(target.read_bytes()))
    text = docx_text(doc)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "PHƯỜNG TÂN PHONG" in text
    assert "BÁO CÁO KẾT QUẢ ĐÁNH GIÁ" in text and "Năm 2026" in text
    summary = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    archives = next(r for r in summary if r[1] == "Nhóm Văn phòng - Lưu trữ")
    assert archives[2:] == ["2", "6", "0", "0", "1", "vượt tỷ lệ"]
    excellent = [row.cells[0].text for row in doc.tables[2].rows[1:]]
    assert sorted(excellent) == ["TP-1", "TP-2", "TP-5"]
    assert doc.tables[3].rows[1].cells[0].text == "TP-3"
    assert "03/2026" in doc.tables[4].rows[1].cells[3].text


@pytest.mark.parametrize(
    "args, message",
    [
        (["--year", "26"], "Năm “26” không hợp lệ"),
        (["--year", "2026", "--format", "pdf"], "Định dạng “pdf” không hợp lệ"),
        (["--year", "2026", "--format", "xlsx"], "cần -o"),
        (["--year", "2026", "--format", "docx", "-o", "x.xlsx"], "không có đuôi .docx"),
        (["--year", "2026", "--org", "Phường Không Có"], "Không tìm thấy đơn vị"),
        (["--year", "2025"], "Chưa có kết quả năm 2025"),
        (["--year", "2026", "-o", "/no/such/folder/x.json"], "không tồn tại"),
    ],
)
def test_bad_arguments(world, year_end, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
