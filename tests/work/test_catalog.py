import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from canbo.core.models import AuditEntry
from canbo.work.catalog_services import create_catalog, new_catalog_version, publish_catalog
from canbo.work.errors import WorkError
from canbo.work.models import Catalog, CatalogItem
from canbo.work.xlsx import HEADERS, export_catalog, import_catalog


@pytest.fixture
def draft(world):
    return create_catalog(
        world.users["personnel"], world.tanphong, "Danh mục 2027", date(2027, 1, 1)
    )


def book(rows, headers=HEADERS) -> bytes:
    wb = Workbook()
    wb.active.append(headers)
    for row in rows:
        wb.active.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def test_xlsx_round_trip(world, catalog, draft):
    content = export_catalog(catalog)
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]] == HEADERS
    report = import_catalog(world.users["personnel"], draft, content)
    assert (report.created, report.updated, report.errors) == (3, 0, [])
    copied = {
        i.code: (
            i.name,
            i.unit,
            i.complexity,
            i.coefficient,
            [p.code for p in i.job_positions.all()],
        )
        for i in draft.items.all()
    }
    original = {
        i.code: (
            i.name,
            i.unit,
            i.complexity,
            i.coefficient,
            [p.code for p in i.job_positions.all()],
        )
        for i in catalog.items.all()
    }
    assert copied == original
    again = import_catalog(world.users["personnel"], draft, content)
    assert (again.created, again.updated) == (0, 3)


def test_labels_and_commas_are_understood(world, draft):
    rows = [["X1", "Thẩm định hồ sơ", "Tờ trình", "hồ sơ", "phức tạp", "1,75", "VP"]]
    import_catalog(world.users["personnel"], draft, book(rows))
    item = draft.items.get()
    assert (item.complexity, item.coefficient) == ("complex", Decimal("1.75"))


def test_bad_rows_reject_the_whole_file(world, draft):
    rows = [
        ["OK1", "Đúng", "", "bản", "Đơn giản", 1, ""],
        ["", "Thiếu mã", "", "bản", "Đơn giản", 1, ""],
        ["B2", "Hệ số âm", "", "bản", "Đơn giản", -1, ""],
        ["B3", "Nhóm sai", "", "bản", "Rất khó", 1, ""],
        ["OK1", "Trùng mã", "", "bản", "Đơn giản", "abc", "KHONGCO"],
    ]
    report = import_catalog(world.users["personnel"], draft, book(rows))
    text = "\n".join(message for _, message in report.errors)
    assert [row for row, _ in report.errors] == [3, 4, 5, 6, 6, 6]
    assert "Dòng 3: Mã không được để trống." in text and "Dòng 4: Hệ số" in text
    assert "Rất khó" in text and "KHONGCO" in text and "bị trùng" in text
    assert (
        not draft.items.exists()
        and not AuditEntry.objects.filter(action="work.add_catalog_item", object_id__in=[]).exists()
    )


@pytest.mark.parametrize(
    "content,message",
    [
        (b"not a spreadsheet at all", "không phải là tệp Excel"),
        (b"PK\x03\x04broken zip", "không phải là tệp Excel"),
        (None, "Dòng đầu"),
    ],
)
def test_malformed_file_is_rejected_with_nothing_written(world, draft, content, message):
    content = content or book([["A", "B", "", "bản", "Đơn giản", 1, ""]], headers=["Code", "Name"])
    with pytest.raises(WorkError, match=message):
        import_catalog(world.users["personnel"], draft, content)
    assert not CatalogItem.objects.filter(catalog=draft).exists()


def test_published_catalogue_is_frozen(world, catalog):
    with pytest.raises(WorkError, match="phiên bản mới"):
        import_catalog(world.users["personnel"], catalog, export_catalog(catalog))
    with pytest.raises(WorkError):
        publish_catalog(world.users["personnel"], catalog)


def test_new_version_copies_items_as_a_draft(world, catalog):
    draft = new_catalog_version(world.users["head"], catalog, date(2027, 1, 1))
    assert (draft.version, draft.published, draft.items.count()) == (2, False, 3)
    assert draft.items.get(code="VP01").job_positions.get() == world.position
    with pytest.raises(WorkError, match="chưa có sản phẩm"):
        publish_catalog(None, create_catalog(None, world.tanphong, "Trống", date(2027, 1, 1)))


def test_catalogue_visibility(world, catalog):
    draft = create_catalog(None, world.tp_office, "Nháp", date(2027, 1, 1))
    other = create_catalog(None, world.doanket, "Đoàn Kết", date(2026, 1, 1))
    CatalogItem.objects.create(catalog=other, code="D1", name="X", unit="bản", coefficient=1)
    publish_catalog(None, other)

    def seen(key):
        return set(Catalog.objects.visible_to(world.users[key]))

    assert seen("staff") == seen("chair") == {catalog}
    assert seen("head") == {catalog, draft}
    assert seen("outsider") == {other}
    assert seen("personnel") == {catalog, draft, other}
    assert set(Catalog.objects.manageable_by(world.users["head"])) == {draft}
    assert not Catalog.objects.manageable_by(world.users["staff"]).exists()
