"""A chairman walks his dashboard from the menu at 1366 px and at 390 px: the charts draw,
the numbers open in one click, the page never overflows, and the .xlsx downloads."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in
from tests.factories import PASSWORD
from tests.reports.dashboard_world import plant


@pytest.fixture
def planted(e2e_world):
    plant(e2e_world)
    return e2e_world


@pytest.mark.parametrize(
    "viewport",
    [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
    ids=["desktop", "phone"],
)
def test_chairman_walks_his_dashboard(browser, live_server, planted, viewport):
    context = browser.new_context(
        base_url=live_server.url, viewport=viewport, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        log_in(page, "chair", PASSWORD)
        if viewport["width"] < 600:
            page.locator("label.menu-button").click()
        page.locator("header nav").get_by_role("link", name="Bảng điều khiển").click()
        page.wait_for_url("**/reports/dashboard/")
        expect(page.locator("h1")).to_contain_text("Phường Tân Phong")
        assert page.locator("svg.chart").count() == 9
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the dashboard overflows by {overflow} px"
        section = page.locator("section#overdue")
        table = section.locator("details table")
        expect(table).to_be_hidden()
        section.locator("summary").click()
        expect(table).to_be_visible()
        expect(table).to_contain_text("Phòng Kinh tế, Hạ tầng và Đô thị")
        late = page.locator("section#not_assessed details").nth(1)
        late.locator("summary").click()
        expect(late.get_by_role("link", name="Giàng A Páo")).to_be_visible()
        with page.expect_download() as download:
            page.get_by_role("link", name="Toàn bộ số liệu của bảng điều khiển (.xlsx)").click()
        assert download.value.suggested_filename.endswith(".xlsx")
    finally:
        context.close()
