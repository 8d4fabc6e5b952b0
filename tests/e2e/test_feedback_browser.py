"""Issue 14 in a real browser: the public rating page on a phone without JavaScript, a
tampered link, and the one-stop dossier import (preview, row errors, confirmation)."""

import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from playwright.sync_api import expect

from canbo.core.roles import Role
from canbo.feedback.models import Dossier, Rating
from canbo.feedback.tokens import counter_token
from canbo.integration.imports.models import ImportBatch
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, make_user
from tests.integration.test_spreadsheet_import import xlsx

PHONE = {"width": 360, "height": 640}
LEVELS = ["Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng"]
THANKS = "Xin cảm ơn. Đánh giá của ông/bà đã được ghi nhận."
BAD_LINK = "Đường dẫn đánh giá không hợp lệ (đã bị sửa hoặc không đầy đủ)."
CONFIRM = "Xác nhận: ghi tất cả các dòng"


@pytest.fixture
def bare_phone(browser, live_server):
    """A 360 × 640 phone with JavaScript switched off and nobody logged in."""
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _label_of(control):
    return control.locator("xpath=ancestor::label[1]")


def test_rating_page_works_on_a_phone_without_javascript(bare_phone, e2e_world):
    staff = e2e_world.people["staff"]
    response = bare_phone.goto(f"/r/{counter_token(staff.pk)}/")
    assert response.status == 200
    body = response.body()
    assert len(body) < 20 * 1024, f"the page weighs {len(body)} bytes"
    assert b"<script" not in body
    expect(bare_phone.get_by_text(staff.full_name)).to_be_visible()
    overflow = bare_phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page overflows the phone by {overflow} px"
    radios = bare_phone.get_by_role("radio")
    expect(radios).to_have_count(5)
    for name in LEVELS:  # each level is found by its accessible name and is easy to touch
        radio = bare_phone.get_by_role("radio", name=name, exact=True)
        expect(radio).to_have_count(1)
        box = _label_of(radio).bounding_box()
        assert box["height"] >= 44 and box["width"] <= PHONE["width"], (name, box)
    for checkbox in bare_phone.get_by_role("checkbox").all():
        assert _label_of(checkbox).bounding_box()["height"] >= 44
    send = bare_phone.get_by_role("button", name="Gửi đánh giá")
    assert send.bounding_box()["height"] >= 44

    _label_of(bare_phone.get_by_role("radio", name="Không hài lòng", exact=True)).click()
    bare_phone.get_by_role("checkbox", name="Thời gian chờ, thời gian giải quyết").check()
    bare_phone.get_by_label("Ý kiến (không bắt buộc)").fill("Phải chờ gần hai tiếng")
    assert not Rating.objects.exists()
    send.click()
    expect(bare_phone.get_by_role("status")).to_have_text(THANKS)
    rating = Rating.objects.get()
    assert (rating.officer, rating.dossier, rating.source) == (staff, None, "qr")
    assert (rating.level, rating.comment, rating.concerns) == (
        2,
        "Phải chờ gần hai tiếng",
        ["time"],
    )


def test_a_tampered_link_is_refused_in_the_browser(page, e2e_world):
    staff, other = e2e_world.people["staff"], e2e_world.people["colleague"]
    genuine = counter_token(staff.pk)
    # The signature of one officer's link put on another officer's id.
    forged = re.sub(r"^c\d+", f"c{other.pk}", genuine)
    assert forged != genuine
    response = page.goto(f"/r/{forged}/")
    assert response.status == 404
    expect(page.get_by_role("alert")).to_contain_text(BAD_LINK)
    expect(page.get_by_role("radio")).to_have_count(0)
    # A filled form of the genuine page sent to the forged link is refused as well.
    page.goto(f"/r/{genuine}/")
    page.get_by_role("radio", name="Rất hài lòng", exact=True).check()
    page.locator("form").evaluate("(form, url) => form.action = url", f"/r/{forged}/")
    page.get_by_role("button", name="Gửi đánh giá").click()
    expect(page.get_by_role("alert")).to_contain_text(BAD_LINK)
    expect(page.get_by_text(THANKS)).to_have_count(0)
    assert not Rating.objects.exists()


def _upload(page, name: str, content: bytes) -> None:
    page.goto("/integration/import/")
    page.get_by_label("Hình thức").select_option(label="Hồ sơ một cửa")
    page.get_by_label("Tệp (.xlsx hoặc .csv)").set_input_files(
        files=[{"name": name, "mimeType": "application/octet-stream", "buffer": content}]
    )
    page.get_by_role("button", name="Kiểm tra tệp").click()
    page.wait_for_url(re.compile(r"/integration/import/\d+/$"))


def _row(code: str, officer: str, level: str = "", comment: str = "") -> list:
    return [code, "Đăng ký khai sinh", officer, "02/10/2026", "", "", "", "", level, comment, ""]


def test_dossier_import_previews_refuses_bad_rows_then_writes(page, e2e_world, tmp_path):
    make_user("tp-personnel", Role.PERSONNEL_COMMUNE, e2e_world.tanphong)
    log_in(page, "tp-personnel", PASSWORD)
    page.goto("/integration/import/")
    with page.expect_download() as download:
        page.get_by_role("link", name="mẫu hồ sơ một cửa (.xlsx)").click()
    saved = tmp_path / "mau.xlsx"
    download.value.save_as(saved)
    headers = [c.value for c in load_workbook(saved).worksheets[0][1]]
    assert headers[:3] == ["Mã hồ sơ", "Thủ tục", "Mã công chức"], headers
    good = [_row("HS-101", "TP-1", "Rất hài lòng"), _row("HS-102", "TP-2", "2", "Chờ lâu")]

    _upload(page, "hs-loi.xlsx", xlsx([*good, _row("HS-103", "XX-404")], headers))
    bad_row = page.locator("tr.over")
    expect(bad_row).to_have_count(1)
    expect(bad_row).to_contain_text("Không tìm thấy công chức mã XX-404")
    expect(page.get_by_role("button", name=CONFIRM)).to_have_count(0)
    # Confirmation forced by hand (the discard form re-aimed at the confirm URL) is refused.
    batch = ImportBatch.objects.get()
    discard = page.get_by_role("button", name="Hủy lần tải lên này")
    page.locator("form", has=discard).evaluate(
        "(form, url) => form.action = url", reverse("integration:import_commit", args=[batch.pk])
    )
    discard.click()
    expect(page.locator("body")).to_contain_text("Lô nhập này không ở trạng thái chờ xác nhận.")
    batch.refresh_from_db()
    assert batch.status == "invalid"
    assert not Dossier.objects.exists() and not Rating.objects.exists()

    _upload(page, "hs.xlsx", xlsx(good, headers))
    expect(page.locator("tr.over")).to_have_count(0)
    expect(page.locator("tbody")).to_contain_text("HS-101")
    assert not Dossier.objects.exists()  # the preview writes nothing
    page.get_by_role("button", name=CONFIRM).click()
    expect(page.locator("body")).to_contain_text("Đã ghi 2 dòng.")
    dossiers = {d.code: d for d in Dossier.objects.select_related("officer", "rating")}
    assert set(dossiers) == {"HS-101", "HS-102"}
    assert dossiers["HS-101"].officer == e2e_world.people["staff"]
    assert (dossiers["HS-102"].rating.level, dossiers["HS-102"].rating.comment) == (2, "Chờ lâu")
