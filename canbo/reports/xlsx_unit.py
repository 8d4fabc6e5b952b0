"""The unit's summary table for a month (.xlsx): one row per person, numbers as on screen."""

from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from canbo.core import xlsx
from canbo.reports.docx_common import agency_lines
from canbo.reports.numbers import percent_value, score_value, sheet_result

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERCENT, SCORE = "0.00%", "0.00"
FIRST_ROW = 7  # the column headers; people start below
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def columns() -> list[tuple[str, str, float, str | None]]:
    """(key, header, width, number format) of each column."""
    return [
        ("n", "#", 5, None),
        ("code", _("Code"), 10, None),
        ("name", _("Full name"), 26, None),
        ("title", _("Title"), 18, None),
        ("unit", pgettext("organisation", "Unit"), 30, None),
        ("a", _("Quantity (a)"), 11, PERCENT),
        ("b", _("Quality (b)"), 11, PERCENT),
        ("c", _("Progress (c)"), 11, PERCENT),
        ("d", "d", 9, PERCENT),
        ("dd", pgettext("criterion letter", "dd"), 9, PERCENT),
        ("e", "e", 9, PERCENT),
        ("task", _("Task results (max 70)"), 13, SCORE),
        ("general", _("General criteria (max 30)"), 13, SCORE),
        ("total", _("Total"), 10, SCORE),
        ("label", _("Classification"), 28, None),
        ("status", _("Status"), 22, None),
    ]


def row_values(n: int, sheet) -> dict:
    result = sheet_result(sheet)
    person = sheet.person
    task = result.get("task_score")
    return {
        "n": n,
        "code": person.code,
        "name": person.full_name,
        "title": str(person.title or ""),
        "unit": str(person.organization or ""),
        **{key: percent_value(result.get(key)) for key in ("a", "b", "c", "d", "dd", "e")},
        "task": _("no assigned products") if task is None else score_value(task),
        "general": score_value(result.get("general_score")),
        "total": score_value(result.get("total")),
        "label": result.get("label") or "",
        "status": sheet.get_status_display(),
    }


def unit_workbook(organization, month, sheets) -> bytes:
    """The summary of `sheets` (one month) for the organisation they were selected from."""
    wb = Workbook()
    ws = wb.active
    ws.title = f"{month:%m-%Y}"
    cols = columns()
    last = get_column_letter(len(cols))
    _header(ws, organization, month, last)
    for index, (_key, title, width, _fmt) in enumerate(cols, start=1):
        cell = xlsx.put(ws, FIRST_ROW, index, str(title))
        cell.font, cell.border = Font(bold=True), BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = width
    count = 0
    for count, sheet in enumerate(sheets, start=1):
        values = row_values(count, sheet)
        for index, (key, _title, _width, number_format) in enumerate(cols, start=1):
            cell = xlsx.put(ws, FIRST_ROW + count, index, values[key])
            cell.border = BOX
            if number_format:
                cell.number_format = number_format
    xlsx.put(ws, FIRST_ROW + count + 2, 1, _("Number of people: %(n)s") % {"n": count})
    ws.freeze_panes = f"D{FIRST_ROW + 1}"
    ws.auto_filter.ref = f"A{FIRST_ROW}:{last}{FIRST_ROW + count}"
    ws.print_title_rows = f"{FIRST_ROW}:{FIRST_ROW}"
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _header(ws, organization, month, last: str) -> None:
    governing, name = agency_lines(organization if organization.is_commune else None)
    lines = [
        (f"{governing} {name}".strip() or organization.name.upper(), False),
        (
            _(
                "Summary of the monthly evaluation and quality classification of civil servants"
            ).upper(),
            True,
        ),
        (_("Unit: %(unit)s") % {"unit": organization.name}, False),
        (_("Evaluation period: month %(month)s") % {"month": f"{month:%m/%Y}"}, True),
        (
            _("Exported on %(when)s") % {"when": timezone.localtime().strftime("%d/%m/%Y %H:%M")},
            False,
        ),
    ]
    for row, (text, bold) in enumerate(lines, start=1):
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = xlsx.put(ws, row, 1, text)
        cell.font = Font(bold=bold, size=13 if row == 2 else 11)
        cell.alignment = Alignment(horizontal="center")
