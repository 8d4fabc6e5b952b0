"""The one reader of untrusted spreadsheets (.xlsx and .csv), under every import.

A .xlsx is a zip. Before anything is parsed its directory is inspected (zipfile.infolist, no
decompression): the unpacked size, the shared strings (which openpyxl holds in memory whole)
and the sheet's declared size must be within bounds. Rows are then streamed (openpyxl
read_only, never padded past the column limit) and reading stops as soon as the row limit is
passed, so a million-row file costs no more than a full legitimate one. A refusal raises
UnsafeSheet with a translated message; the caller turns it into its own error.
"""

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import openpyxl.reader.excel
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.dimensions import SheetDimension
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse

MB = 1024 * 1024
BROKEN = gettext_lazy("The .xlsx file is damaged or not a valid Excel file.")
PARSE_ERRORS = (
    zipfile.BadZipFile,
    InvalidFileException,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    OSError,
    EOFError,
    zipfile.LargeZipFile,
)


class _SizedOnce(ReadOnlyWorksheet):
    """openpyxl looks for <dimension> with "end" events, so a sheet without one is parsed to
    its last row before the first row is read (a million rows: a minute). <dimension> comes
    before <sheetData>: stop looking at the start of <sheetData>. Same result, bounded time."""

    def _get_size(self):
        with self._get_source() as source:
            for _event, element in iterparse(source, events=("start",)):
                if element.tag == f"{{{SHEET_MAIN_NS}}}dimension":
                    bounds = SheetDimension.from_tree(element).boundaries
                    self._min_column, self._min_row, self._max_column, self._max_row = bounds
                    return
                if element.tag == f"{{{SHEET_MAIN_NS}}}sheetData":
                    return


openpyxl.reader.excel.ReadOnlyWorksheet = _SizedOnce


class UnsafeSheet(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Limits:
    rows: int  # data rows with content, after the header
    columns: int = 64
    unpacked: int = 100 * MB  # all zip members together, uncompressed
    shared_strings: int = 16 * MB
    members: int = 1000

    @property
    def lines(self) -> int:
        """Rows read at most, blank ones included."""
        return 2 * self.rows + 1000


def table(content: bytes, limits: Limits) -> tuple[tuple, list[tuple[int, tuple]]]:
    """(header values, [(line number, values)] of the non-empty data rows)."""
    lines = xlsx_lines(content, limits) if is_zip(content) else csv_lines(content, limits)
    return take(lines, limits)


def is_zip(content: bytes) -> bool:
    return content.startswith(b"PK\x03\x04")


def inspect_xlsx(content: bytes, limits: Limits) -> None:
    """Refuse a zip whose members would unpack beyond the limits, before parsing it."""
    try:
        members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except PARSE_ERRORS:
        raise UnsafeSheet(str(BROKEN)) from None
    if len(members) > limits.members:
        raise UnsafeSheet(
            _("The .xlsx file has %(count)s parts, over the limit of %(limit)s: refused.")
            % {"count": len(members), "limit": limits.members}
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > limits.unpacked:
        raise UnsafeSheet(
            _("The .xlsx file unpacks to %(size)s MB, over the limit of %(limit)s MB: refused.")
            % {"size": unpacked // MB, "limit": limits.unpacked // MB}
        )
    shared = sum(m.file_size for m in members if m.filename.lower().endswith("sharedstrings.xml"))
    if shared > limits.shared_strings:
        raise UnsafeSheet(
            _(
                "The shared strings of the .xlsx file take %(size)s MB, over the limit of "
                "%(limit)s MB: refused."
            )
            % {"size": shared // MB, "limit": limits.shared_strings // MB}
        )


def xlsx_lines(content: bytes, limits: Limits) -> Iterator[tuple]:
    inspect_xlsx(content, limits)
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        if not book.worksheets:
            return
        sheet = book.worksheets[0]
        _check_declared(sheet, limits)
        yield from sheet.iter_rows(values_only=True)
    except PARSE_ERRORS:
        raise UnsafeSheet(str(BROKEN)) from None


def _check_declared(sheet, limits: Limits) -> None:
    """The <dimension> the sheet declares (openpyxl read it from the sheet's first bytes)."""
    columns, rows = sheet.max_column or 0, sheet.max_row or 0
    if columns > limits.columns:
        raise UnsafeSheet(
            _("The sheet has %(count)s columns, over the limit of %(limit)s columns: refused.")
            % {"count": columns, "limit": limits.columns}
        )
    if rows > limits.lines:
        raise UnsafeSheet(_too_many(limits))


def csv_lines(content: bytes, limits: Limits) -> Iterator[list[str]]:
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnsafeSheet(
            _(
                "The .xls format (Excel 97-2003) is not supported: save the file again as "
                ".xlsx or .csv (UTF-8)."
            )
        )
    if b"\x00" in content[:4096]:
        raise UnsafeSheet(_("The file is not an .xlsx or .csv file."))
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnsafeSheet(_("A CSV file must be saved in UTF-8 (in Excel: “CSV UTF-8”).")) from None
    first = decoded[:65536].split("\n", 1)[0]
    delimiter = max(";,\t", key=first.count)
    try:
        for row in csv.reader(io.StringIO(decoded), delimiter=delimiter):
            if len(row) > limits.columns + 1 and any(v.strip() for v in row[limits.columns :]):
                raise UnsafeSheet(_too_wide(limits))
            yield row[: limits.columns + 1]
    except csv.Error as exc:
        raise UnsafeSheet(_("The CSV file cannot be read: %(error)s.") % {"error": exc}) from None


def take(lines: Iterable, limits: Limits) -> tuple[tuple, list[tuple[int, tuple]]]:
    """The header and the numbered non-empty rows; stop as soon as a limit is passed."""
    lines = iter(lines)
    header = tuple(next(lines, ()))
    rows = []
    for number, values in enumerate(lines, start=2):
        if number > limits.lines:
            raise UnsafeSheet(_too_many(limits))
        if len(values) > limits.columns and _filled_tail(values[limits.columns :]):
            raise UnsafeSheet(_too_wide(limits))
        if _filled(values):
            rows.append((number, tuple(values[: limits.columns])))
            if len(rows) > limits.rows:
                raise UnsafeSheet(_too_many(limits))
    return header, rows


def _filled_tail(values) -> bool:
    """Whether any value is set (C-speed: a row may be padded to 16,384 empty cells)."""
    values = list(values)
    return values.count(None) + values.count("") < len(values)


def _filled(values) -> bool:
    return any(v is not None and str(v).strip() for v in values)


def _too_many(limits: Limits) -> str:
    return _(
        "The file has more than %(limit)s rows, over the limit of %(limit)s rows: split it."
    ) % {"limit": limits.rows}


def _too_wide(limits: Limits) -> str:
    return _("The sheet has more than %(limit)s columns: refused.") % {"limit": limits.columns}
