"""At 390 × 844 px the menu collapses and wide tables scroll inside their box."""

from datetime import date

import pytest
from playwright.sync_api import expect

from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.periods import open_period
from canbo.work.task_services import assign_task
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def sheet(e2e_world):
    staff = e2e_world.people["staff"]
    assign_task(
        None,
        name="Báo cáo chuyển đổi số của phường, quý IV năm 2026",
        assignee=staff,
        coefficient=1,
        assigned_date=date(2026, 10, 1),
        due_date=date(2026, 10, 20),
    )
    period = open_period(e2e_world.users["personnel"], e2e_world.tanphong, date(2026, 10, 1))
    return EvaluationSheet.objects.get(period=period, person=staff)


def _fits_the_phone(page) -> None:
    header = page.locator("header.top").bounding_box()
    assert header["height"] < 120, header
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} overflows by {overflow} px"


def test_pages_fit_a_phone(phone, sheet):
    log_in(phone, "staff", PASSWORD)
    _fits_the_phone(phone)
    expect(phone.locator("header nav")).to_be_hidden()
    phone.locator("label.menu-button").click()
    expect(phone.locator("header nav")).to_be_visible()
    phone.goto(f"/evaluation/sheets/{sheet.pk}/")
    _fits_the_phone(phone)
    phone.context.clear_cookies()
    log_in(phone, "head", PASSWORD)
    phone.goto("/evaluation/review/?month=2026-10")
    _fits_the_phone(phone)
    table = phone.locator(".scroll").first
    assert table.evaluate("e => e.scrollWidth > e.clientWidth")  # the table scrolls inside
