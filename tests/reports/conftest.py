"""Fixtures of the export tests: the evaluation module's October 2026 in Tân Phong."""

import re
from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from canbo.evaluation.services.sheets import approve_sheet, review_sheet, submit_self_assessment
from tests.evaluation.conftest import period, sheet  # noqa: F401  (shared fixtures)
from tests.factories import form01

# Self-assessed 26.5 of 30; the reviewer lowers II.4 (coordination) from 2.25 to 1.75.
SELF_POINTS = form01(9, 9, 8.5)
REVIEW_POINTS = [*SELF_POINTS[:5], 1.75, 8.5]

SCORE_CELL = re.compile(r'data-score="(\w+)">(?:<strong>)?([^<]*)<')


@pytest.fixture
def published(world, sheet):  # noqa: F811
    """The civil servant's October sheet, self-assessed, adjusted in review, approved."""
    users = world.users
    submit_self_assessment(users["staff"], sheet, SELF_POINTS, "Hoàn thành tốt", "Báo cáo số 5")
    review_sheet(
        users["head"],
        sheet,
        REVIEW_POINTS,
        {5: "Chưa phối hợp tốt"},
        "Cần cố gắng",
        "Tập thể thống nhất",
    )
    approve_sheet(users["chair"], sheet, "Đồng ý")
    sheet.refresh_from_db()
    return sheet


def page_scores(client, sheet_pk: int) -> dict[str, str]:
    """The numbers of the sheet page, by their data-score cell."""
    html = client.get(f"/evaluation/sheets/{sheet_pk}/").content.decode()
    return {key: value.strip() for key, value in SCORE_CELL.findall(html)}


def docx_of(response) -> Document:
    assert response.status_code == 200, response.status_code
    return Document(BytesIO(response.content))


def docx_pairs(doc: Document) -> dict[str, str]:
    """First non-empty cell → last cell of every table row (labels to values)."""
    pairs = {}
    for table in doc.tables:
        for row in table.rows:
            texts = [cell.text.strip() for cell in row.cells]
            pairs[next((t for t in texts if t), "")] = texts[-1]
    return pairs


def docx_text(doc: Document) -> str:
    parts = [p.text for p in doc.paragraphs]
    parts += [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def xlsx_rows(content: bytes) -> tuple[list[list], dict[str, dict]]:
    """All rows, and the people rows keyed by code with values keyed by column header."""
    ws = load_workbook(BytesIO(content)).active
    rows = [list(r) for r in ws.iter_rows(values_only=True)]
    header_at = next(i for i, r in enumerate(rows) if r[0] == "#")
    headers = rows[header_at]
    people = {
        r[1]: dict(zip(headers, r, strict=True))
        for r in rows[header_at + 1 :]
        if isinstance(r[0], int)
    }
    return rows, people


def as_page_score(value) -> str:
    """A spreadsheet score as the page prints it (87,50)."""
    return "—" if value is None else f"{value:.2f}".replace(".", ",")


def as_page_percent(value) -> str:
    return "—" if value is None else f"{value * 100:.2f} %".replace(".", ",")


def pytest_terminal_summary(terminalreporter):
    import shutil

    if not (shutil.which("libreoffice") or shutil.which("soffice")):
        terminalreporter.write_line(
            "NOTE: LibreOffice PDF conversion tests skipped — no libreoffice/soffice "
            "(apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)",
            yellow=True,
        )
