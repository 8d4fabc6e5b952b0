"""`canbo export`: good arguments write the file; bad ones get a clear Vietnamese error."""

from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from canbo.reports.numbers import score_text
from tests.reports.conftest import as_page_score, xlsx_rows


def export(*args) -> str:
    out = StringIO()
    call_command("export", *args, stdout=out)
    return out.getvalue()


def test_xlsx_of_a_unit_by_name(world, published, tmp_path):
    target = tmp_path / "tanphong.xlsx"
    message = export(
        "--period", "2026-10", "--org", "Phường Tân Phong", "--format", "xlsx", "-o", str(target)
    )
    assert "5 người" in message
    rows, people = xlsx_rows(target.read_bytes())
    assert rows[2][0] == "Đơn vị: Phường Tân Phong" and "10/2026" in rows[3][0]
    assert as_page_score(people["TP-1"]["Tổng điểm"]) == score_text(published.result["total"])


def test_docx_of_a_unit_by_code_one_page_each(world, published, tmp_path):
    target = tmp_path / "tanphong.docx"
    export("--period", "2026-10", "--org", world.tanphong.code, "-o", str(target))
    doc = Document(BytesIO(target.read_bytes()))
    assert len(doc.sections) == 5  # a section (new page) per person
    titles = [p.text for p in doc.paragraphs if p.text.startswith("PHIẾU ĐÁNH GIÁ")]
    assert len(titles) == 5


@pytest.mark.parametrize(
    "args, message",
    [
        ([], "Cần ghi --period"),
        (["--period", "10/2026"], "Kỳ “10/2026” không hợp lệ"),
        (["--period", "2026-13"], "không hợp lệ"),
        (["--org", "Phường Không Có"], "Không tìm thấy đơn vị"),
        (["--format", "pdf"], "Định dạng “pdf” không hợp lệ"),
        (["--format", "docx"], "không có đuôi .docx"),
        (["--period", "2026-09"], "Không có phiếu đánh giá tháng 09/2026"),
        (["-o", "/no/such/folder/x.xlsx"], "không tồn tại"),
    ],
)
def test_bad_arguments(world, period, tmp_path, args, message):
    good = {
        "--period": "2026-10",
        "--org": "Phường Tân Phong",
        "--format": "xlsx",
        "-o": str(tmp_path / "out.xlsx"),
    }
    given = dict(zip(args[::2], args[1::2], strict=True)) if args else None
    values = good | given if given else {}
    with pytest.raises(CommandError, match=message):
        export(*[part for pair in values.items() for part in pair])
    assert not (tmp_path / "out.xlsx").exists()
