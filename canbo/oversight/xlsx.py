"""Spreadsheet exports of the oversight lists (written through canbo.core.xlsx)."""

from io import BytesIO

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from canbo.core import xlsx as cells

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(title: str, headers: list[str], rows: list[list], widths: list[int]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    cells.append(sheet, [title])
    sheet["A1"].font = Font(bold=True, size=13)
    cells.append(sheet, [])
    cells.append(sheet, headers)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        cells.append(sheet, row)
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for row in sheet.iter_rows(min_row=4):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A4"
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def response(content: bytes, filename: str) -> HttpResponse:
    reply = HttpResponse(content, content_type=XLSX_TYPE)
    reply["Content-Disposition"] = f'attachment; filename="{filename}"'
    return reply
