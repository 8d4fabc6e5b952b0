import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from canbo.core.roles import Role
from canbo.integration.imports.models import ImportBatch
from canbo.integration.imports.people_rows import HEADERS as PEOPLE_HEADERS
from canbo.integration.imports.people_rows import OPTIONAL as PEOPLE_OPTIONAL
from canbo.integration.imports.task_rows import HEADERS
from canbo.work.catalog_services import create_catalog, publish_catalog
from canbo.work.models import CatalogItem, Task
from tests.factories import make_user

GOOD = [
    ["TP-1", "Báo cáo tháng", "", "1,5", "2", "02/10/2026", "20/10/2026", "", "", ""],
    ["TP-2", "", "A1", "", "", "2026-10-03", "", "15/10/2026", "iOffice", "NV-1"],
]
BAD = GOOD + [
    ["XX-9", "Không có người", "", "1", "1", "02/10/2026", "", "", "", ""],
    ["DK-1", "Ngoài phạm vi", "", "1", "1", "02/10/2026", "", "", "", ""],
    ["TP-1", "Ngày sai", "", "1", "1", "31/02/2026", "", "", "", ""],
    ["TP-1", "", "ZZ", "", "1", "02/10/2026", "", "", "", ""],
    ["TP-1", "Số lượng âm", "", "1", "0", "02/10/2026", "", "", "", ""],
    ["TP-1", "Báo cáo tháng", "", "1,5", "2", "02/10/2026", "20/10/2026", "", "", ""],
]


def xlsx(rows, headers=HEADERS) -> bytes:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv(rows, sep=";", bom=True, headers=HEADERS) -> bytes:
    import csv as csvlib

    buffer = io.StringIO()
    csvlib.writer(buffer, delimiter=sep).writerows([headers, *rows])
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode()


@pytest.fixture
def catalog(world):
    catalog = create_catalog(None, world.tanphong, "Danh mục", date(2026, 1, 1))
    CatalogItem.objects.create(
        catalog=catalog, code="A1", name="Tờ trình", unit="bản", coefficient=Decimal("1.20")
    )
    publish_catalog(None, catalog)
    return catalog


def upload(client, content, name="nv.xlsx", kind="tasks"):
    file = SimpleUploadedFile(name, content)
    return client.post(reverse("integration:import_upload"), {"kind": kind, "file": file})


def test_template_opens_with_vietnamese_headers(world, login):
    client = login(world.users["personnel"])
    for kind, headers in (("tasks", HEADERS), ("people", PEOPLE_HEADERS + PEOPLE_OPTIONAL)):
        response = client.get(reverse("integration:import_template", args=[kind]))
        book = load_workbook(io.BytesIO(response.content))
        assert [c.value for c in book.worksheets[0][1]] == headers
    assert "Mã công chức" in HEADERS and "Hạn hoàn thành" in HEADERS


def test_preview_then_confirm_writes_all_rows(world, catalog, login):
    client = login(world.users["chair"])
    response = upload(client, xlsx(GOOD))
    batch = ImportBatch.objects.get()
    assert response.url == reverse("integration:import_batch", args=[batch.pk])
    assert batch.status == "preview" and Task.objects.count() == 0
    page = client.get(response.url).content.decode()
    assert "Báo cáo tháng" in page and "Xác nhận" in page
    client.post(reverse("integration:import_commit", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "committed", batch.message
    first, second = Task.objects.order_by("id")
    assert (first.coefficient, first.quantity, first.source) == (Decimal("1.5"), 2, "spreadsheet")
    assert second.catalog_item.code == "A1" and second.coefficient == Decimal("1.20")
    assert second.status == "completed" and second.completed_date == date(2026, 10, 15)
    assert (second.source, second.external_id) == ("iOffice", "NV-1")


def test_one_bad_row_writes_nothing_and_every_problem_is_shown(world, catalog, login):
    client = login(world.users["chair"])
    upload(client, xlsx(BAD))
    batch = ImportBatch.objects.get()
    assert batch.status == "invalid" and batch.error_rows == 6
    errors = {r["row"]: " ".join(r["errors"]) for r in batch.report if r["errors"]}
    assert "Không có công chức mã “XX-9”" in errors[4]
    assert "ngoài phạm vi" in errors[5]
    assert "không phải ngày hợp lệ" in errors[6]
    assert "Không có sản phẩm mã “ZZ”" in errors[7]
    assert "Số lượng phải lớn hơn 0" in errors[8]
    assert "trùng với dòng 2" in errors[9]
    response = client.post(reverse("integration:import_commit", args=[batch.pk]))
    assert response.status_code == 302 and Task.objects.count() == 0


def test_confirmation_rechecks_the_kept_file(world, catalog, login):
    client = login(world.users["chair"])
    upload(client, xlsx(GOOD))
    batch = ImportBatch.objects.get()
    CatalogItem.objects.filter(code="A1").delete()  # the catalogue changed since the preview
    client.post(reverse("integration:import_commit", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "invalid" and "thay đổi" in batch.message
    assert Task.objects.count() == 0


@pytest.mark.parametrize(
    "content",
    [
        csv(GOOD),
        csv(GOOD, sep=",", bom=False),
        csv(GOOD, sep=",", bom=True),
        csv(GOOD, sep=";", bom=False),
    ],
)
def test_csv_variants(world, catalog, content):
    call_command("import-tasks", _file(content, "nv.csv"))
    assert Task.objects.count() == 2


@pytest.mark.parametrize(
    "content, message",
    [
        (b"   \n", "Tệp rỗng"),
        (b"PK\x03\x04garbage", "bị hỏng"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, ".xls"),
        ("Mã;Tên\n1;2\n".encode("latin-1") + b"\xe9", "UTF-8"),
        (None, "thiếu cột"),
        (b"\x00\x01\x02binary", "không phải .xlsx"),
    ],
)
def test_malformed_files_are_refused(world, login, content, message):
    content = xlsx([["a"]], headers=["Mã", "Tên"]) if content is None else content
    client = login(world.users["chair"])
    response = upload(client, content)
    batch = ImportBatch.objects.first()
    if batch is None:  # refused from the zip directory at upload: never stored
        assert response.status_code == 400 and message in response.content.decode()
    else:
        assert batch.status == "invalid" and message in batch.message
    assert Task.objects.count() == 0


def test_header_only_and_empty_files(world, login):
    client = login(world.users["chair"])
    upload(client, xlsx([]))
    assert "không có dòng dữ liệu" in ImportBatch.objects.get().message
    response = upload(client, b"")
    assert response.status_code == 400 and "rỗng" in response.content.decode()


def test_command_exit_codes_and_dry_run(world, catalog, tmp_path, capsys):
    good, bad = _file(xlsx(GOOD), "good.xlsx"), _file(xlsx(BAD), "bad.xlsx")
    with pytest.raises(CommandError, match="6 dòng có lỗi"):
        call_command("import-tasks", bad, "--org", "000.01.29.H29")
    assert "Dòng 4 (XX-9 · Không có người): LỖI" in capsys.readouterr().out
    call_command("import-tasks", good, "--dry-run")
    assert Task.objects.count() == 0
    call_command("import-tasks", good, "--org", "Phường Tân Phong")
    assert Task.objects.count() == 2
    capsys.readouterr()
    call_command("import-tasks", good)  # importing the same file again changes nothing
    assert capsys.readouterr().out.count("đã có, bỏ qua") == 2
    assert Task.objects.count() == 2
    with pytest.raises(CommandError, match="2 dòng có lỗi"):
        call_command("import-tasks", good, "--org", "Phường Đoàn Kết")
    assert "nằm ngoài phạm vi" in capsys.readouterr().out


def test_doan_ket_uploader_cannot_import_for_tan_phong(world, catalog, login):
    user = make_user("dk-personnel", Role.PERSONNEL_COMMUNE, world.doanket)
    upload(login(user), xlsx(GOOD))
    batch = ImportBatch.objects.get()
    assert batch.status == "invalid" and batch.error_rows == 2
    assert all("ngoài phạm vi" in " ".join(r["errors"]) for r in batch.report)


PEOPLE = [
    [
        "TP-9",
        "Hoàng Thị Lan",
        "1990",
        "Nữ",
        "Thái",
        "Phường Tân Phong / Văn phòng HĐND và UBND",
        "VP",
        "CC",
        "01/09/2026",
    ],
    [
        "TP-2",
        "Lò Thị Mai",
        "15/06/1985",
        "Nữ",
        "Thái",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "VP",
        "CC",
        "01/10/2026",
    ],
]


def test_people_import_creates_and_moves(world, capsys):
    call_command("import-people", _file(xlsx(PEOPLE, PEOPLE_HEADERS), "cc.xlsx"))
    lan = world.people["staff"].__class__.objects.get(code="TP-9")
    assert (lan.birth_year, lan.gender, lan.ethnicity) == (1990, "female", "thai")
    assert lan.organization == world.tp_office and lan.posts.count() == 1
    mai = world.people["colleague"]
    mai.refresh_from_db()
    assert mai.organization == world.tp_economy and mai.posts.count() == 2
    call_command("import-people", _file(xlsx(PEOPLE, PEOPLE_HEADERS), "cc.xlsx"))
    assert "không đổi" in capsys.readouterr().out


def test_people_import_refuses_other_commune(world, login):
    rows = [PEOPLE[0][:5] + ["Phường Đoàn Kết"] + PEOPLE[0][6:]]
    user = make_user("tp-personnel", Role.PERSONNEL_COMMUNE, world.tanphong)
    upload(login(user), xlsx(rows, PEOPLE_HEADERS), kind="people")
    batch = ImportBatch.objects.get()
    assert batch.status == "invalid" and "ngoài phạm vi" in batch.report[0]["errors"][0]


def _file(content: bytes, name: str) -> str:
    import tempfile

    handle = tempfile.NamedTemporaryFile(suffix=name, delete=False)
    handle.write(content)
    handle.close()
    return handle.name
