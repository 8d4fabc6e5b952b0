"""`canbo export --period 2026`: the annual table (xlsx) and every annual form (docx)."""

from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from tests.reports.annual_world import build_year_end
from tests.reports.conftest import docx_pairs, docx_text


def export(*args) -> str:
    out = StringIO()
    call_command("export", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def year_end(world):
    return build_year_end(world)


def test_xlsx_is_the_annual_table_of_the_unit(world, year_end, tmp_path):
    target = tmp_path / "tp.xlsx"
    message = export(
        "--period", "2026", "--org", "Phường Tân Phong", "--format", "xlsx", "-o", str(target)
    )
    assert "11 người" in message and "năm 2026" in message
    ws = load_workbook(BytesIO(target.read_bytes()))["Kết quả"]
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    at = next(i for i, r in enumerate(rows) if r[0] == "#")
    people = {
        r[1]: dict(zip(rows[at], r, strict=True)) for r in rows[at + 1 :] if isinstance(r[0], int)
    }
    assert len(people) == 11 and "DK-1" not in people
    lowered = people["E-3"]
    assert lowered["Xếp loại theo điểm"] == "Hoàn thành xuất sắc nhiệm vụ"
    assert lowered["Xếp loại cuối cùng"] == "Hoàn thành tốt nhiệm vụ"
    assert lowered["Quyết định"] == "15/QĐ-UBND" and lowered["Điểm trung bình"] == 95


def test_xlsx_of_a_department_holds_its_people_only(world, year_end, tmp_path):
    world.tp_office.code = "000.01.29.H29.VP"
    world.tp_office.save()
    target = tmp_path / "office.xlsx"
    message = export("--period", "2026", "--org", "000.01.29.H29.VP", "-o", str(target))
    assert "3 người" in message  # TP-1, TP-2, TP-4 work in the office
    ws = load_workbook(BytesIO(target.read_bytes()))["Kết quả"]
    codes = {r[1] for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)}
    assert codes == {"TP-1", "TP-2", "TP-4"}


def test_docx_one_annual_form_each_with_the_decision(world, year_end, tmp_path):
    target = tmp_path / "tp.docx"
    export("--period", "2026", "--org", world.tanphong.code, "-o", str(target))
    doc = Document(BytesIO(target.read_bytes()))
    assert len(doc.sections) == 11
    text = docx_text(doc)
    assert text.count("PHIẾU ĐÁNH GIÁ") == 11
    assert "Quyết định của cấp có thẩm quyền" in text and "15/QĐ-UBND" in text
    assert "Vượt tỷ lệ" in text  # the reason of the lower level
    assert "bất kể điểm số" in text


def test_docx_of_one_person_shows_final_level_and_overrides(world, year_end, tmp_path):
    from canbo.reports.docx_annual import annual_document

    lowered = year_end.rows["E3"]
    pairs = docx_pairs(Document(BytesIO(annual_document([(lowered, [])]))))
    assert pairs["Xếp loại theo điểm"] == "Hoàn thành xuất sắc nhiệm vụ"
    assert pairs["Xếp loại cuối cùng"] == "Hoàn thành tốt nhiệm vụ"
    assert pairs["Quyết định của cấp có thẩm quyền"] == "15/QĐ-UBND"
    assert pairs["Lý do"] == "Vượt tỷ lệ"
    assert pairs["Điểm trung bình các tháng công tác"] == "95,00"
    failed = Document(BytesIO(annual_document([(year_end.rows["F1"], [])])))
    notes = [p.text for p in failed.paragraphs if "bất kể điểm số" in p.text]
    assert len(notes) == 1 and "kỷ luật" in notes[0]
    assert docx_pairs(failed)["Xếp loại"] == "Không hoàn thành nhiệm vụ"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--period", "1999"], "Kỳ “1999” không hợp lệ"),
        (["--period", "2025"], "Chưa có kết quả năm 2025"),
    ],
)
def test_bad_year(world, year_end, tmp_path, args, message):
    with pytest.raises(CommandError, match=message):
        export(*args, "--org", "Phường Tân Phong", "-o", str(tmp_path / "x.xlsx"))
    assert not (tmp_path / "x.xlsx").exists()
