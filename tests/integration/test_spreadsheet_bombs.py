"""Hostile spreadsheets, generated here (never stored files): each is refused with a
Vietnamese message, nothing is written, and refusing costs about what a full legitimate file
costs (ratios of times, no absolute timing)."""

import io
import time
import zipfile
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from canbo.core.sheet_read import Limits
from canbo.integration.imports import reader
from canbo.integration.imports.models import ImportBatch
from canbo.integration.imports.reader import SheetError, read_rows
from canbo.integration.imports.task_rows import HEADERS
from canbo.work import xlsx as work_xlsx
from canbo.work.catalog_services import create_catalog
from canbo.work.errors import WorkError
from canbo.work.models import CatalogItem, Task
from tests.integration.test_spreadsheet_import import _file, upload

SHEET = "xl/worksheets/sheet1.xml"
NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def _cell(value: str, ref: str = "") -> bytes:
    where = f' r="{ref}"' if ref else ""
    return f'<c{where} t="inlineStr"><is><t>{value}</t></is></c>'.encode()


def _header() -> bytes:
    return b"<row>" + b"".join(_cell(h) for h in HEADERS) + b"</row>"


def book(sheet_parts, extra: dict[str, bytes] | None = None) -> bytes:
    """A real .xlsx (made by openpyxl) whose first sheet is replaced by the streamed parts."""
    source = io.BytesIO()
    Workbook().save(source)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(source) as old,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as new,
    ):
        for info in old.infolist():
            if info.filename != SHEET:
                new.writestr(info, old.read(info))
        with new.open(SHEET, "w", force_zip64=True) as sheet:
            for part in sheet_parts:
                sheet.write(part)
        for name, data in (extra or {}).items():
            new.writestr(name, data)
    return out.getvalue()


def rows_sheet(n: int, dimension: bytes = b""):
    yield NS + dimension + b"<sheetData>" + _header()
    row = b"<row>" + _cell("TP-1") + _cell("x") + b"</row>"
    for start in range(0, n, 10_000):
        yield row * min(10_000, n - start)
    yield b"</sheetData></worksheet>"


def elapsed(content: bytes) -> float:
    start = time.perf_counter()
    try:
        read_rows(content, HEADERS)
    except SheetError:
        pass
    return time.perf_counter() - start


@pytest.fixture
def small_limit(monkeypatch):
    """A lower row limit keeps these tests quick; the mechanism is the same."""
    monkeypatch.setattr(reader, "LIMITS", Limits(rows=2000))
    monkeypatch.setattr(work_xlsx, "SHEET_LIMITS", Limits(rows=2000))


def test_a_million_rows_stop_at_the_row_limit(small_limit):
    bomb = book(rows_sheet(1_000_000))
    assert len(bomb) < 1024 * 1024  # small on the wire
    with pytest.raises(SheetError, match="quá giới hạn 2000 dòng"):
        read_rows(bomb, HEADERS)
    full = book(rows_sheet(2000))  # a legitimate file at the limit
    assert len(read_rows(full, HEADERS)) == 2000
    baseline = min(elapsed(full) for _ in range(3))
    # Reading the whole bomb would take 500 times a full file; stopping at the limit, a few
    # times at most (the best of three runs each: the other test worker shares the cores).
    assert min(elapsed(bomb) for _ in range(3)) < 20 * baseline


def test_a_huge_unpacked_sheet_is_refused_before_parsing():
    blank = b" " * (1024 * 1024)
    bomb = book([NS, *([blank] * 120), b"<sheetData/></worksheet>"])
    assert len(bomb) < 1024 * 1024
    small = book(rows_sheet(10))
    with pytest.raises(SheetError, match="khi giải nén lớn 120 MB, quá giới hạn 100 MB"):
        read_rows(bomb, HEADERS)
    refused = min(elapsed(bomb) for _ in range(3))  # best of three: the cores are shared
    # Inflating 120 MB would take seconds; the zip directory alone decides, like a tiny file.
    assert refused < 20 * max(min(elapsed(small) for _ in range(3)), 0.01)


def test_huge_shared_strings_are_refused():
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b" " * (20 * 1024 * 1024)
        + b"</sst>"
    )
    bomb = book(rows_sheet(2), {"xl/sharedStrings.xml": strings})
    with pytest.raises(SheetError, match="chữ dùng chung"):
        read_rows(bomb, HEADERS)


def test_too_many_columns_are_refused():
    declared = book(rows_sheet(2, b'<dimension ref="A1:XFD3"/>'))
    with pytest.raises(SheetError, match="16384 cột, quá giới hạn 64"):
        read_rows(declared, HEADERS)
    wide = b"<row>" + _cell("TP-1", "A2") + _cell("x", "CV2") + b"</row>"
    hidden = book([NS, b"<sheetData>", _header(), wide, b"</sheetData></worksheet>"])
    with pytest.raises(SheetError, match="hơn 64 cột"):
        read_rows(hidden, HEADERS)
    csv = (";".join(HEADERS) + "\n" + "TP-1" + ";x" * 200 + "\n").encode()
    with pytest.raises(SheetError, match="hơn 64 cột"):
        read_rows(csv, HEADERS)


def test_a_million_csv_lines_stop_at_the_limit(small_limit):
    content = (";".join(HEADERS) + "\n" + "TP-1;x\n" * 1_000_000).encode()
    with pytest.raises(SheetError, match="quá giới hạn"):
        read_rows(content, HEADERS)


def test_a_bomb_upload_is_refused_and_not_stored(world, login, small_limit):
    client = login(world.users["chair"])
    bomb = book([NS, *([b" " * (1024 * 1024)] * 120), b"<sheetData/></worksheet>"])
    response = upload(client, bomb)
    assert response.status_code == 400 and "quá giới hạn" in response.content.decode()
    assert not ImportBatch.objects.exists()
    rows = upload(client, book(rows_sheet(10_000)))
    batch = ImportBatch.objects.get()
    assert rows.status_code == 302 and batch.status == "invalid"
    assert "quá giới hạn" in batch.message and bytes(batch.content) == b""  # not kept whole
    assert not Task.objects.exists()


def test_the_command_and_the_catalogue_use_the_same_reader(world, small_limit):
    bomb = book(rows_sheet(1_000_000))
    with pytest.raises(CommandError, match="quá giới hạn"):
        call_command("import-tasks", _file(bomb, "bomb.xlsx"))
    assert not Task.objects.exists()
    draft = create_catalog(None, world.tanphong, "Danh mục", date(2027, 1, 1))
    with pytest.raises(WorkError, match="quá giới hạn"):
        work_xlsx.import_catalog(None, draft, bomb)
    assert not CatalogItem.objects.exists()
