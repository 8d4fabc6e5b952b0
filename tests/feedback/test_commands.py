"""`canbo import-dossiers` (all or nothing, dry run) and `canbo rating-link`."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from canbo.feedback import tokens
from canbo.feedback.models import Dossier, Rating
from canbo.integration.imports.dossier_rows import headers
from tests.feedback.conftest import lock_month


def _xlsx(tmp_path, rows, name="hs.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.append(headers())
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


GOOD = [
    [
        "HS-001",
        "Đăng ký khai sinh",
        "TP-1",
        date(2026, 10, 2),
        date(2026, 10, 5),
        date(2026, 10, 4),
        "Đã trả",
        "",
        "Rất hài lòng",
        "",
        "",
    ],
    [
        "HS-002",
        "Chứng thực",
        "TP-1",
        "03/10/2026",
        "06/10/2026",
        "08/10/2026",
        "",
        "x",
        2,
        "Phải đi lại nhiều lần",
        "Thời gian, giấy tờ",
    ],
    ["HS-003", "Cấp bản sao", "TP-2", "03/10/2026", "", "", "đang xử lý", "", "", "", ""],
]


def _run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_good_file(world, tmp_path):
    out = _run("import-dossiers", str(_xlsx(tmp_path, GOOD)))
    assert "Đã ghi 3 dòng." in out
    second = Dossier.objects.get(code="HS-002")
    assert (second.complained, second.status, second.returned_date) == (
        True,
        "returned",
        date(2026, 10, 8),
    )
    rating = Rating.objects.get(dossier=second)
    assert (rating.level, rating.concerns, rating.source) == (2, ["extra_papers", "time"], "portal")
    assert Rating.objects.count() == 2
    again = _run("import-dossiers", str(_xlsx(tmp_path, GOOD)))
    assert "3 không đổi" in again and Dossier.objects.count() == 3


def test_csv_file(world, tmp_path):
    path = tmp_path / "hs.csv"
    lines = [";".join(headers()), "HS-9;Khai tử;TP-3;01/10/2026;;;;;4;Tốt;"]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert "Đã ghi 1 dòng." in _run("import-dossiers", str(path))
    assert Rating.objects.get(dossier__code="HS-9").comment == "Tốt"


def test_bad_rows_write_nothing(world, tmp_path):
    bad = GOOD + [
        ["HS-004", "", "DK-404", "01/10/2026", "", "", "", "", "", "", ""],
        ["HS-001", "", "TP-1", "02/10/2026", "", "", "", "", "", "", ""],
        ["HS-005", "", "TP-1", "31/02/2026", "", "", "", "", "7", "", ""],
        ["HS-006", "", "TP-1", "05/10/2026", "01/10/2026", "", "", "", "", "Ý kiến", ""],
    ]
    out = io.StringIO()
    with pytest.raises(CommandError, match="4 dòng có lỗi"):
        call_command("import-dossiers", str(_xlsx(tmp_path, bad)), stdout=out)
    report = out.getvalue()
    assert "Dòng 5" in report and "DK-404" in report
    assert "trùng với dòng 1" in report
    assert "31/02/2026" in report and "Mức đánh giá “7”" in report
    assert "Hạn trả kết quả trước ngày tiếp nhận" in report
    assert "thiếu mức đánh giá" in report
    assert not Dossier.objects.exists() and not Rating.objects.exists()


def test_locked_month_row_writes_nothing(world, tmp_path):
    lock_month(world, date(2026, 10, 1))
    with pytest.raises(CommandError):
        call_command("import-dossiers", str(_xlsx(tmp_path, GOOD)), stdout=io.StringIO())
    assert not Dossier.objects.exists()


def test_dry_run(world, tmp_path):
    out = _run("import-dossiers", str(_xlsx(tmp_path, GOOD)), "--dry-run")
    assert "3 thêm mới" in out and "không ghi gì" in out
    assert not Dossier.objects.exists()


def test_unreadable_file(world, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Mã hồ sơ;Khác\nA;B\n", encoding="utf-8")
    with pytest.raises(CommandError, match="thiếu cột"):
        call_command("import-dossiers", str(path), stdout=io.StringIO())


def test_rating_link_last_line(world, client, settings):
    settings.PUBLIC_URL = "https://danhgia.laichau.gov.vn"
    out = _run("rating-link", "--person", "TP-1").strip().splitlines()
    url = out[-1]
    token = tokens.counter_token(world.people["staff"].pk)
    assert url == f"https://danhgia.laichau.gov.vn/r/{token}/"
    response = client.get(url.removeprefix(settings.PUBLIC_URL))
    assert response.status_code == 200 and "Nguyễn Văn An" in response.content.decode()
    with pytest.raises(CommandError):
        _run("rating-link", "--person", "NOPE")
