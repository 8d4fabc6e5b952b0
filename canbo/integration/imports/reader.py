"""Read an uploaded .xlsx or .csv into numbered rows keyed by Vietnamese header, and the cell
parsers shared by the task and people imports. Every error message is Vietnamese."""

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

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
    headers: list[str],
    optional: list[str] = (),
    limits: sheet_read.Limits | None = None,
    max_bytes: int | None = None,
) -> list[Row]:
    """Return (line number, {header: value}) for each non-empty data row (streamed and
    bounded by canbo.core.sheet_read: a hostile file is refused before it costs much)."""
    limits, max_bytes = limits or LIMITS, max_bytes or MAX_BYTES  # read now, not at import
    if not content.strip():
        raise SheetError("Tệp rỗng.")
    if len(content) > max_bytes:
        raise SheetError(f"Tệp quá lớn (tối đa {max_bytes // (1024 * 1024)} MB).")
    try:
        header, table = sheet_read.table(content, limits)
    except sheet_read.UnsafeSheet as exc:
        raise SheetError(exc.message) from None
    if not header and not table:
        raise SheetError("Tệp không có dữ liệu.")
    columns = _columns([text(v) for v in header], headers, list(optional))
    absent = {h: None for h in optional if h not in columns}
    rows = [
        (n, absent | {h: values[i] if i < len(values) else None for h, i in columns.items()})
        for n, values in table
        if any(text(v) for v in values)
    ]
    if not rows:
        raise SheetError("Tệp không có dòng dữ liệu nào (chỉ có dòng tiêu đề).")
    return rows


def inspect(content: bytes) -> None:
    """Refuse a hostile .xlsx from its zip directory alone (before it is stored)."""
    if len(content) > MAX_BYTES:
        raise SheetError(f"Tệp quá lớn (tối đa {MAX_BYTES // (1024 * 1024)} MB).")
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
            raise SheetError(f"Cột “{header}” xuất hiện hai lần.")
        else:
            columns[header] = index
    missing = [h for h in headers if h not in columns]
    if missing or unknown:
        parts = [f"thiếu cột {', '.join(missing)}"] if missing else []
        parts += [f"cột không nhận diện: {', '.join(unknown)}"] if unknown else []
        raise SheetError(
            "Dòng đầu phải là tiêu đề theo mẫu (" + "; ".join(parts) + "). "
            "Tiêu đề đúng: "
            + "; ".join(headers)
            + (" (cột tùy chọn: " + "; ".join(optional) + ")" if optional else "")
            + "."
        )
    return columns


def template(headers: list[str], title: str, notes: list[str]) -> bytes:
    """An empty .xlsx with the headers in bold and a second sheet of instructions."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    xlsx.append(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(14, len(cell.value) + 4)
    guide = book.create_sheet("Hướng dẫn")
    for note in notes:
        xlsx.append(guide, [note])
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
    errors.append(f"{label} “{raw}” không phải ngày hợp lệ (dd/mm/yyyy).")
    return None


def parse_decimal(value, label: str, errors: list[str], maximum: str) -> Decimal | None:
    raw = text(value).replace(" ", "").replace(",", ".")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        errors.append(f"{label} “{text(value)}” không phải là số.")
        return None
    if not number.is_finite() or not Decimal(0) < number <= Decimal(maximum):
        errors.append(f"{label} phải lớn hơn 0 và không quá {maximum.replace('.', ',')}.")
        return None
    if number != number.quantize(Decimal("0.01")):
        errors.append(f"{label} “{text(value)}” có quá 2 chữ số thập phân.")
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
        if self.errors:
            return f"Dòng {self.number} ({self.summary}): LỖI — " + " ".join(self.errors)
        return f"Dòng {self.number} ({self.summary}): {ACTIONS.get(self.action, self.action)}"


ACTIONS = {
    "create": "thêm mới",
    "update": "cập nhật",
    "skip": "đã có, bỏ qua",
    "unchanged": "không đổi",
}
