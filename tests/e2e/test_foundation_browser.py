import re

from playwright.sync_api import expect

from tests.e2e.conftest import log_in
from tests.factories import PASSWORD


def test_unit_head_searches_and_opens_a_record(page, e2e_world):
    log_in(page, "head", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Xin chào")
    nav = page.get_by_role("navigation", name="Menu chính")
    expect(nav.get_by_role("link", name="Cán bộ, công chức")).to_be_visible()
    expect(nav.get_by_role("link", name="Nhật ký thay đổi")).to_have_count(0)
    nav.get_by_role("link", name="Cán bộ, công chức").click()
    page.get_by_label("Tìm kiếm").fill("nguyen van")
    page.get_by_role("button", name="Lọc").click()
    rows = page.locator("table.people tbody tr")
    expect(rows).to_have_count(1)
    rows.get_by_role("link", name="Nguyễn Văn An").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nguyễn Văn An")
    expect(page.locator(".facts")).to_contain_text("Ngày nghỉ hưu")
    expect(page.locator(".facts")).to_contain_text(re.compile(r"\d{2}/\d{2}/20\d{2}"))


def test_outsider_sees_only_own_record(page, e2e_world):
    log_in(page, "outsider", PASSWORD)
    nav = page.get_by_role("navigation", name="Menu chính")
    expect(nav.get_by_role("link", name="Cán bộ, công chức")).to_have_count(0)
    page.get_by_role("link", name="Hồ sơ của tôi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tẩn Láo Lở")
    tanphong_person = e2e_world.people["staff"].pk
    response = page.goto(f"/people/{tanphong_person}/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Không tìm thấy")


def test_wrong_password_shows_vietnamese_error(page, e2e_world):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill("head")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("alert")).to_contain_text("mật khẩu chính xác")


def test_people_list_fits_a_phone(browser, live_server, e2e_world):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 375, "height": 740})
    page = context.new_page()
    log_in(page, "personnel", PASSWORD)
    page.goto("/people/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    context.close()
