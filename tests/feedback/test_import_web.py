"""One-stop dossiers through the web import screen: template, preview with row errors,
confirmation all or nothing, discard, scope of the importer (issue 14)."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.core.roles import Role
from canbo.feedback.models import Dossier, Rating
from canbo.integration.imports.models import ImportBatch
from tests.factories import make_user
from tests.feedback.conftest import lock_month
from tests.feedback.test_commands import GOOD
from tests.integration.test_spreadsheet_bombs import NS, book
from tests.integration.test_spreadsheet_import import upload as upload_file
from tests.integration.test_spreadsheet_import import xlsx as spreadsheet

HEADERS = [
    "Mã hồ sơ",
    "Thủ tục",
    "Mã công chức",
    "Ngày tiếp nhận",
    "Hạn trả kết quả",
    "Ngày trả kết quả",
    "Trạng thái",
    "Bị phản ánh",
    "Mức đánh giá",
    "Ý kiến",
    "Nội dung phản ánh",
]


def xlsx(rows, headers=HEADERS) -> bytes:
    return spreadsheet(rows, headers)


def upload(client, content: bytes):
    return upload_file(client, content, "hs.xlsx", kind="dossiers")


def errors_by_row(batch: ImportBatch) -> dict[int, str]:
    return {r["row"]: " ".join(r["errors"]) for r in batch.report if r["errors"]}


@pytest.fixture
def tp_personnel(world):
    return make_user("tp-personnel", Role.PERSONNEL_COMMUNE, world.tanphong)


def test_template_downloads_and_reimports_cleanly(world, login):
    client = login(world.users["personnel"])
    response = client.get(reverse("integration:import_template", args=["dossiers"]))
    assert response.status_code == 200
    assert "mau-nhap-dossiers.xlsx" in response["Content-Disposition"]
    template = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in template.worksheets[0][1]] == HEADERS
    assert template.worksheets[0].title == "Hồ sơ một cửa"
    guide = " ".join(row[0].value for row in template["Hướng dẫn"].iter_rows())
    assert "không dòng nào được ghi" in guide
    for row in GOOD:
        template.worksheets[0].append(row)
    filled = io.BytesIO()
    template.save(filled)
    upload(client, filled.getvalue())
    batch = ImportBatch.objects.get()
    assert (batch.kind, batch.status, batch.error_rows) == ("dossiers", "preview", 0)
    assert batch.message == "3 dòng: 3 thêm mới."


def test_preview_then_confirm_writes_dossiers_and_ratings(world, login, tp_personnel):
    client = login(tp_personnel)
    response = upload(client, xlsx(GOOD))
    batch = ImportBatch.objects.get()
    assert response.url == reverse("integration:import_batch", args=[batch.pk])
    assert batch.status == "preview" and not Dossier.objects.exists()
    page = client.get(response.url).content.decode()
    assert "HS-002 — TP-1" in page and "Xác nhận" in page
    client.post(reverse("integration:import_commit", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "committed", batch.message
    assert batch.message == "Đã ghi 3 dòng. 3 dòng: 3 thêm mới."
    second = Dossier.objects.get(code="HS-002")
    assert (second.organization, second.officer, second.complained) == (
        world.tanphong,
        world.people["staff"],
        True,
    )
    rating = Rating.objects.get(dossier=second)
    assert (rating.level, rating.concerns) == (2, ["extra_papers", "time"])
    assert Rating.objects.count() == 2


def test_preview_shows_row_errors_and_one_bad_row_writes_nothing(world, login, tp_personnel):
    bad = GOOD + [
        ["HS-004", "", "XX-404", "01/10/2026", "", "", "", "", "", "", ""],
        ["HS-005", "", "TP-1", "31/02/2026", "", "", "", "", "7", "", ""],
        ["HS-006", "", "TP-1", "05/10/2026", "", "", "mất", "", "", "Ý kiến", ""],
    ]
    client = login(tp_personnel)
    upload(client, xlsx(bad))
    batch = ImportBatch.objects.get()
    assert batch.status == "invalid" and batch.error_rows == 3
    errors = errors_by_row(batch)
    assert "Không tìm thấy công chức mã XX-404 trong phạm vi được phép." in errors[5]
    assert "Ngày tiếp nhận “31/02/2026” không phải ngày hợp lệ" in errors[6]
    assert "Mức đánh giá “7” không hợp lệ" in errors[6]
    assert "Trạng thái “mất” không nhận diện được" in errors[7]
    assert "thiếu mức đánh giá" in errors[7]
    page = client.get(reverse("integration:import_batch", args=[batch.pk])).content.decode()
    assert "XX-404" in page and "không hợp lệ" in page and "Xác nhận" not in page
    response = client.post(reverse("integration:import_commit", args=[batch.pk]))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == "invalid"
    assert not Dossier.objects.exists() and not Rating.objects.exists()
    client.post(reverse("integration:import_discard", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == "discarded"


def test_reimport_updates_by_dossier_code_without_duplicates(world, login, tp_personnel):
    client = login(tp_personnel)
    for _ in range(2):
        upload(client, xlsx(GOOD))
        batch = ImportBatch.objects.latest("id")
        client.post(reverse("integration:import_commit", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.message == "Đã ghi 0 dòng. 3 dòng: 3 không đổi."
    changed = [GOOD[0][:8] + ["Không hài lòng", "Chờ lâu", "thái độ"], *GOOD[1:]]
    upload(client, xlsx(changed))
    batch = ImportBatch.objects.latest("id")
    assert batch.message == "3 dòng: 1 cập nhật, 2 không đổi."
    client.post(reverse("integration:import_commit", args=[batch.pk]))
    assert Dossier.objects.count() == 3 and Rating.objects.count() == 2
    rating = Rating.objects.get(dossier__code="HS-001")
    assert (rating.level, rating.comment, rating.concerns) == (2, "Chờ lâu", ["attitude"])


def test_another_communes_officer_is_a_row_error(world, login):
    dk_personnel = make_user("dk-personnel", Role.PERSONNEL_COMMUNE, world.doanket)
    client = login(dk_personnel)
    rows = GOOD[:1] + [["DK-9", "Khai sinh", "DK-1", "02/10/2026", "", "", "", "", 5, "", ""]]
    upload(client, xlsx(rows))
    batch = ImportBatch.objects.get()
    assert batch.status == "invalid" and batch.error_rows == 1
    assert "Không tìm thấy công chức mã TP-1 trong phạm vi" in errors_by_row(batch)[2]
    assert not Dossier.objects.exists()
    # The same file from the province's personnel office is good for both communes.
    province = login(world.users["personnel"])
    upload(province, xlsx(rows))
    batch = ImportBatch.objects.latest("id")
    province.post(reverse("integration:import_commit", args=[batch.pk]))
    assert set(Dossier.objects.values_list("organization", flat=True)) == {
        world.tanphong.pk,
        world.doanket.pk,
    }


@pytest.mark.parametrize("key", ["chair", "head", "staff"])
def test_roles_without_the_capability_cannot_import_dossiers(world, login, key):
    client = login(world.users[key])
    template = client.get(reverse("integration:import_template", args=["dossiers"]))
    assert template.status_code == 403
    response = upload(client, xlsx(GOOD))
    assert response.status_code in (400, 403)
    assert not ImportBatch.objects.exists() and not Dossier.objects.exists()


def test_someone_elses_batch_is_not_found_and_a_lost_role_cannot_confirm(
    world, login, tp_personnel
):
    client = login(tp_personnel)
    upload(client, xlsx(GOOD))
    batch = ImportBatch.objects.get()
    other = login(world.users["personnel"])
    assert other.post(reverse("integration:import_commit", args=[batch.pk])).status_code == 404
    tp_personnel.profile.role = Role.CHAIRMAN  # still imports tasks, no longer dossiers
    tp_personnel.profile.save()
    client = login(tp_personnel)
    assert client.post(reverse("integration:import_commit", args=[batch.pk])).status_code == 403
    batch.refresh_from_db()
    assert batch.status == "preview" and not Dossier.objects.exists()


def test_rating_in_a_locked_month_is_a_row_error(world, login, tp_personnel):
    lock_month(world, date(2026, 10, 1))
    upload(login(tp_personnel), xlsx(GOOD))
    batch = ImportBatch.objects.get()
    errors = errors_by_row(batch)
    assert batch.status == "invalid" and set(errors) == {2, 3}  # TP-2's month is not locked
    assert "Kỳ đánh giá tháng 10/2026 của công chức đã khoá" in errors[2]
    assert not Dossier.objects.exists()


@pytest.mark.parametrize(
    "content, message",
    [
        (b"PK\x03\x04garbage", "bị hỏng"),
        (xlsx(GOOD, headers=HEADERS[:3] + ["Ngày nhận"] + HEADERS[4:]), "thiếu cột Ngày tiếp nhận"),
        (xlsx([]), "không có dòng dữ liệu"),
    ],
)
def test_unusable_files_are_refused(world, login, tp_personnel, content, message):
    response = upload(login(tp_personnel), content)
    batch = ImportBatch.objects.first()
    if batch is None:  # refused from the zip directory at upload: never stored
        assert response.status_code == 400 and message in response.content.decode()
    else:
        assert batch.status == "invalid" and message in batch.message
    assert not Dossier.objects.exists()


def test_a_bomb_is_refused_at_upload_and_not_stored(world, login, tp_personnel):
    bomb = book([NS, *([b" " * (1024 * 1024)] * 120), b"<sheetData/></worksheet>"])
    response = upload(login(tp_personnel), bomb)
    assert response.status_code == 400 and "quá giới hạn 100 MB" in response.content.decode()
    assert not ImportBatch.objects.exists() and not Dossier.objects.exists()


def test_headers_stay_in_the_sites_language_whatever_the_active_one():
    from django.utils import translation

    from canbo.integration.imports.dossier_rows import headers

    with translation.override("en"):
        assert headers() == HEADERS
