"""Read an uploaded .xlsx or .csv into numbered rows keyed by header (as translated at call
time: the province's files carry the Vietnamese headers), and the cell parsers shared by the
task and people imports. Every error message goes through gettext."""

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from canbo.core import sheet_read, xlsx
from canbo.core.errors import UserError
from canbo.core.text import fold, nfc

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20000
LIMITS = sheet_read.Limits(rows=MAX_ROWS)
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")
Row = tuple[int, dict[str, object]]
DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


class SheetError(UserError):
    """The file as a whole cannot be read; nothing is written."""


def read_rows(
    content: bytes,
    headers: list,
    optional: list = (),
    limits: sheet_read.Limits | None = None,
    max_bytes: int | None = None,
) -> list[Row]:
    """Return (line number, {header: value}) for each non-empty data row (streamed and
    bounded by canbo.core.sheet_read: a hostile file is refused before it costs much)."""
    limits, max_bytes = limits or LIMITS, max_bytes or MAX_BYTES  # read now, not at import
    headers, optional = [str(h) for h in headers], [str(h) for h in optional]
    if not content.strip():
        raise SheetError(_("The file is empty."))
    if len(content) > max_bytes:
        raise SheetError(_too_large(max_bytes))
    try:
        header, table = sheet_read.table(content, limits)
    except sheet_read.UnsafeSheet as exc:
        raise SheetError(exc.message) from None
    if not header and not table:
        raise SheetError(_("The file has no data."))
    columns = _columns([text(v) for v in header], headers, optional)
    absent = {h: None for h in optional if h not in columns}
    rows = [
        (n, absent | {h: values[i] if i < len(values) else None for h, i in columns.items()})
        for n, values in table
        if any(text(v) for v in values)
    ]
    if not rows:
        raise SheetError(_("The file has no data rows (only the header row)."))
    return rows


def _too_large(max_bytes: int) -> str:
    return _("The file is too large (at most %(size)s MB).") % {"size": max_bytes // (1024 * 1024)}


def inspect(content: bytes) -> None:
    """Refuse a hostile .xlsx from its zip directory alone (before it is stored)."""
    if len(content) > MAX_BYTES:
        raise SheetError(_too_large(MAX_BYTES))
    if sheet_read.is_zip(content):
        try:
            sheet_read.inspect_xlsx(content, LIMITS)
        except sheet_read.UnsafeSheet as exc:
            raise SheetError(exc.message) from None


def _columns(found: list[str], headers: list[str], optional: list[str] = ()) -> dict[str, int]:
    """Map the required `headers` (and the `optional` ones present) to column indexes."""
    wanted = {fold(h): h for h in [*headers, *optional]}
    columns: dict[str, int] = {}
    unknown = []
    for index, name in enumerate(found):
        header = wanted.get(fold(name))
        if header is None:
            unknown += [name] if name else []
        elif header in columns:
            raise SheetError(_("Column “%(column)s” appears twice.") % {"column": header})
        else:
            columns[header] = index
    missing = [h for h in headers if h not in columns]
    if missing or unknown:
        raise SheetError(_header_problem(missing, unknown, headers, optional))
    return columns


def _header_problem(missing: list, unknown: list, headers: list, optional: list) -> str:
    parts = [_("missing columns %(columns)s") % {"columns": ", ".join(missing)}] if missing else []
    if unknown:
        parts.append(_("unrecognised columns: %(columns)s") % {"columns": ", ".join(unknown)})
    extra = _("(optional columns: %(columns)s)") % {"columns": "; ".join(optional)}
    return _(
        "The first row must be the headers of the template (%(problems)s). "
        "Correct headers: %(headers)s%(optional)s."
    ) % {
        "problems": "; ".join(parts),
        "headers": "; ".join(headers),
        "optional": f" {extra}" if optional else "",
    }


def template(headers: list, title: str, notes: list) -> bytes:
    """An empty .xlsx with the headers in bold and a second sheet of instructions."""
    book = Workbook()
    sheet = book.active
    sheet.title = str(title)
    xlsx.append(sheet, [str(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(14, len(cell.value) + 4)
    guide = book.create_sheet(_("Instructions"))
    for note in notes:
        xlsx.append(guide, [str(note)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return nfc(str(value)) or ""


def parse_date(value, label: str, errors: list[str]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = text(value)
    if not raw:
        return None
    quick = DMY.match(raw)
    if quick:  # the common dd/mm/yyyy without strptime (a 10,000-row file has 60,000 dates)
        try:
            return date(int(quick[3]), int(quick[2]), int(quick[1]))
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    errors.append(
        _("%(label)s “%(value)s” is not a valid date (dd/mm/yyyy).")
        % {"label": label, "value": raw}
    )
    return None


def parse_decimal(value, label: str, errors: list[str], maximum: str) -> Decimal | None:
    raw = text(value).replace(" ", "").replace(",", ".")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        errors.append(
            _("%(label)s “%(value)s” is not a number.") % {"label": label, "value": text(value)}
        )
        return None
    if not number.is_finite() or not Decimal(0) < number <= Decimal(maximum):
        errors.append(
            _("%(label)s must be greater than 0 and at most %(maximum)s.")
            % {"label": label, "maximum": maximum.replace(".", ",")}
        )
        return None
    if number != number.quantize(Decimal("0.01")):
        errors.append(
            _("%(label)s “%(value)s” has more than 2 decimal places.")
            % {"label": label, "value": text(value)}
        )
        return None
    return number.quantize(Decimal("0.01"))


@dataclass
class RowResult:
    """One data row: what it will do ("create", "update", "skip"...) or why it cannot."""

    number: int
    summary: str
    errors: list[str] = field(default_factory=list)
    action: str = ""
    data: dict = field(default_factory=dict, repr=False)

    def as_json(self) -> dict:
        return {
            "row": self.number,
            "summary": self.summary,
            "errors": self.errors,
            "action": self.action,
        }

    def line(self) -> str:
        where = {"number": self.number, "summary": self.summary}
        if self.errors:
            return _("Row %(number)s (%(summary)s): ERROR — %(errors)s") % (
                where | {"errors": " ".join(self.errors)}
            )
        action = str(ACTIONS.get(self.action, self.action))
        return _("Row %(number)s (%(summary)s): %(action)s") % (where | {"action": action})


ACTIONS = {
    "create": pgettext_lazy("import row", "add"),
    "update": pgettext_lazy("import row", "update"),
    "skip": pgettext_lazy("import row", "already there, skipped"),
    "unchanged": pgettext_lazy("import row", "unchanged"),
}


def keyed(rows: list[Row], columns: dict) -> list[Row]:
    """The rows keyed by field name instead of by header: `columns` maps each field name to
    its (lazy) header, translated once here rather than at every cell."""
    names = {key: str(header) for key, header in columns.items()}
    return [(n, {key: values.get(name) for key, name in names.items()}) for n, values in rows]
