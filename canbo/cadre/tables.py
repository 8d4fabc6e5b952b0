"""Lists as plain tables: the same rows feed the HTML page and the .xlsx export."""

from dataclasses import dataclass, field
from io import BytesIO

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from canbo.core import xlsx

PAGE_SIZE = 100
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    value: object = None  # what the export writes (a count stays a number)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Button:
    """A one-click POST action on a row (page only, not exported)."""

    text: str
    url: str
    hidden: dict = field(default_factory=dict)


@dataclass
class Row:
    cells: list
    css: str = ""
    actions: list = field(default_factory=list)


def count_link(count: int, url: str) -> Link:
    return Link(str(count), url, count)


def yes(flag: bool) -> str:
    """A yes/no cell: "Yes", or empty."""
    return _("Yes") if flag else ""


@dataclass
class Table:
    title: str
    headers: list
    rows: list[Row] = field(default_factory=list)

    def add(self, *cells, css: str = "", actions: list | None = None) -> None:
        self.rows.append(Row(list(cells), css, actions or []))

    @property
    def has_actions(self) -> bool:
        return any(row.actions for row in self.rows)


def xlsx_value(cell):
    if cell is None:
        return ""
    if isinstance(cell, Link):
        return cell.value if cell.value is not None else cell.text
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return cell
    return str(cell)


def xlsx_response(tables: list[Table], filename: str) -> HttpResponse:
    book = Workbook()
    book.remove(book.active)
    for index, table in enumerate(tables, start=1):
        # Sheet titles: at most 31 characters, none of []:*?/\ .
        name = "".join(ch for ch in str(table.title) if ch not in "[]:*?/\\")[:28]
        sheet = book.create_sheet(f"{index}-{name}")
        xlsx.append(sheet, [str(h) for h in table.headers])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            xlsx.append(sheet, [xlsx_value(c) for c in row.cells])
    buffer = BytesIO()
    book.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def render_listing(request, title, tables: list[Table], filename: str, **context):
    """Render the listing page, or the .xlsx export when ?format=xlsx."""
    if request.GET.get("format") == "xlsx":
        return xlsx_response(tables, filename)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("format", None)
    page = None
    if tables and len(tables[0].rows) > PAGE_SIZE:
        # Only the main (first) table is long enough to page through.
        page = Paginator(tables[0].rows, PAGE_SIZE).get_page(request.GET.get("page"))
    context.update(title=title, tables=tables, page=page, query=query.urlencode())
    return render(request, "cadre/listing.html", context)
