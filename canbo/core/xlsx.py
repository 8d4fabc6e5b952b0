"""The one writer of exported .xlsx cells: text stays text.

openpyxl stores a str that starts with "=" as a live formula, so a person's name, a decision
number or a catalogue item written as-is could run `=HYPERLINK(...)` on the province's machine.
Every export writes its cells through `put` or `append`: text is stored as a string cell, with
Excel's quote prefix when it starts like a formula (=, +, -, @, tab, CR, LF), so editing the
cell later does not turn it into one either; characters a worksheet cannot hold are dropped
(they would otherwise crash the export).
"""

from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def as_text(cell: Cell, value: str) -> Cell:
    """Store `value` in `cell` as a string, never a formula."""
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell.value = value
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


def put(ws: Worksheet, row: int, column: int, value) -> Cell:
    """ws.cell(row, column, value), with text written as text."""
    cell = ws.cell(row, column)
    if isinstance(value, str):
        return as_text(cell, value)
    cell.value = value
    return cell


def append(ws: Worksheet, values: Iterable) -> None:
    """ws.append(values), with text written as text."""
    values = list(values)
    ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values])
    for cell, value in zip(ws[ws.max_row], values, strict=False):
        if isinstance(value, str):
            as_text(cell, value)
