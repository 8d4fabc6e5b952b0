"""The annual report as .xlsx: the summary per agency and group with the quota status, every
person's result, the lists of "excellent" and "fail", and the months still missing.

Cells holding user text are always written as text: a name beginning with "=" never becomes
a formula.
"""

from copy import copy
from decimal import Decimal
from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font
from openpyxl.utils import get_column_letter

from canbo.core import xlsx
from canbo.reports.annual_report import EXCELLENT, FAIL, people_at
from canbo.reports.xlsx_unit import BOX, SCORE
from canbo.scoring import LABELS, OVERRIDES

HEADER_ROWS = 4  # title lines; the column headers follow a blank row


def level_label(level: str | None) -> str:
    return LABELS.get(level or "", "")


def yes(value: bool) -> str:
    return _("Yes") if value else ""


def put(ws, row: int, column: int, value, style=None):
    """Write a value; strings stay strings (never a formula). `style`: a prototype's style
    array, copied as is (setting borders cell by cell is what makes openpyxl slow)."""
    cell = xlsx.put(ws, row, column, value)
    if style is not None:
        prefix = cell.quotePrefix  # kept: the style array would drop it
        cell._style = copy(style)
        cell.quotePrefix = prefix
    return cell


def _prototypes(ws, columns) -> list:
    """One bordered style per column (with its number format), made on a scratch cell that
    is reset before the sheet is written."""
    styles = []
    scratch = ws["A1"]
    for _header, _width, number_format in [("#", 5, None), *columns]:
        scratch.border, scratch.number_format = BOX, number_format or "General"
        styles.append(copy(scratch._style))
    scratch.border, scratch.number_format = Border(), "General"
    return styles


def annual_workbook(
    report: dict, missing: dict[str, list[int]], title: str, with_people: bool | None = None
) -> bytes:
    """`title`: the agency or the province the report covers. `with_people`: add the sheet
    of every person's result (default: when the report covers one agency; the province's
    report keeps to the summary and the lists)."""
    wb = Workbook()
    _table(wb.active, _("Summary"), title, report, _summary_columns(), _summary_rows(report))
    if len(report["organizations"]) == 1 if with_people is None else with_people:
        _table(
            wb.create_sheet(), _("Results"), title, report, _people_columns(), _people_rows(report)
        )
    for level, name in ((EXCELLENT, _("Excellent")), (FAIL, _("Fail"))):
        rows = [_person_row(org, p) for org, p in people_at(report, level)]
        _table(wb.create_sheet(), name, title, report, _people_columns(), rows)
    _table(
        wb.create_sheet(),
        _("Months missing"),
        title,
        report,
        _missing_columns(),
        _missing_rows(report, missing),
    )
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _summary_columns() -> list[tuple[str, float, str | None]]:
    return [
        (_("Commune / ward"), 28, None),
        (_("Group"), 34, None),
        (level_label(EXCELLENT), 12, None),
        (level_label("good"), 12, None),
        (level_label("complete"), 12, None),
        (level_label(FAIL), 12, None),
        (_("Cap on excellent"), 11, None),
        (_("Exception"), 10, None),
        (_("Quota"), 16, None),
        (_("Finalised"), 10, None),
    ]


def _summary_rows(report: dict) -> list[list]:
    return [
        [
            org["name"],
            group["name"],
            group["excellent"],
            group["good"],
            group["complete"],
            group["fail"],
            group["cap"],
            yes(group["exception"]),
            _("exceeded") if group["over"] else _("within"),
            yes(org["finalised"]),
        ]
        for org in report["organizations"]
        for group in org["groups"]
    ]


def _people_columns() -> list[tuple[str, float, str | None]]:
    return [
        (_("Code"), 10, None),
        (_("Full name"), 26, None),
        (_("Commune / ward"), 24, None),
        (_("Group"), 30, None),
        (_("Months counted"), 9, None),
        (_("Months not worked"), 9, None),
        (_("Average"), 10, SCORE),
        (_("Classification by score"), 28, None),
        (_("Final classification"), 28, None),
        (_("Decision"), 20, None),
        (_("Grounds for fail"), 40, None),
    ]


def _person_row(org: dict, person: dict) -> list:
    average = person["average"]
    return [
        person["code"],
        person["name"],
        org["name"],
        person["group"],
        person["months_counted"],
        person["months_absent"],
        None if average is None else Decimal(average),
        level_label(person["score_level"]),
        level_label(person["final_level"]),
        person["decision"] or "",
        "; ".join(OVERRIDES.get(code, code) for code in person["overrides"]),
    ]


def _people_rows(report: dict) -> list[list]:
    return [_person_row(org, p) for org in report["organizations"] for p in org["people"]]


def _missing_columns() -> list[tuple[str, float, str | None]]:
    return [
        (_("Code"), 10, None),
        (_("Full name"), 26, None),
        (_("Commune / ward"), 24, None),
        (_("Months not approved"), 12, None),
        (_("Which months"), 40, None),
    ]


def _missing_rows(report: dict, missing: dict[str, list[int]]) -> list[list]:
    return [
        [
            p["code"],
            p["name"],
            org["name"],
            len(missing[p["code"]]),
            ", ".join(f"{m:02d}/{report['year']}" for m in missing[p["code"]]),
        ]
        for org in report["organizations"]
        for p in org["people"]
        if p["code"] in missing
    ]


def _table(ws, name: str, title: str, report: dict, columns, rows: list[list]) -> None:
    """A titled sheet: header lines, a numbered bordered table, the row count below."""
    ws.title = name[:31]
    styles = _prototypes(ws, columns)
    last = get_column_letter(len(columns) + 1)
    lines = [
        (
            _("Annual evaluation and quality classification of civil servants, year %(year)s")
            % {"year": report["year"]}
        ).upper(),
        title,
        name,
        _("Exported on %(when)s") % {"when": timezone.localtime().strftime("%d/%m/%Y %H:%M")},
    ]
    for row, text in enumerate(lines, start=1):
        ws.merge_cells(f"A{row}:{last}{row}")
        cell = put(ws, row, 1, text)
        cell.font, cell.alignment = Font(bold=row <= 2), Alignment(horizontal="center")
    first = HEADER_ROWS + 2
    for index, (header, width, _fmt) in enumerate([("#", 5, None), *columns], start=1):
        cell = put(ws, first, index, header)
        cell.font, cell.border = Font(bold=True), BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = width
    for n, values in enumerate(rows, start=1):
        put(ws, first + n, 1, n, styles[0])
        for index, value in enumerate(values, start=1):
            put(ws, first + n, index + 1, value, styles[index])
    put(ws, first + len(rows) + 2, 1, _("Number of rows: %(n)s") % {"n": len(rows)})
    ws.freeze_panes = f"C{first + 1}"
    ws.auto_filter.ref = f"A{first}:{last}{first + len(rows)}"
    ws.page_setup.orientation, ws.page_setup.paperSize = "landscape", ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
