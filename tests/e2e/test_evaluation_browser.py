"""One month end to end through the browser, and the annual quota blocking finalisation."""

import re
from datetime import date
from decimal import Decimal

import pytest
from docx import Document
from playwright.sync_api import expect

from canbo.evaluation.choices import ComplaintStatus, SheetStatus
from canbo.evaluation.models import AnnualResult, EvaluationPeriod, EvaluationSheet
from canbo.evaluation.services.periods import open_period
from canbo.work.task_services import assign_task, complete_task
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, make_person

MONTH = date(2026, 10, 1)


@pytest.fixture
def october(e2e_world):
    """Tân Phong's October 2026 with two tasks of the civil servant, one of them late."""
    staff = e2e_world.people["staff"]
    done = assign_task(
        None,
        name="Báo cáo chuyển đổi số",
        assignee=staff,
        coefficient=1,
        quantity=2,
        assigned_date=date(2026, 10, 1),
        due_date=date(2026, 10, 20),
    )
    complete_task(None, done, date(2026, 10, 18))
    late = assign_task(
        None,
        name="Thống kê hộ tịch",
        assignee=staff,
        coefficient="1.5",
        assigned_date=date(2026, 10, 2),
        due_date=date(2026, 10, 10),
    )
    complete_task(None, late, date(2026, 10, 12))
    period = open_period(e2e_world.users["personnel"], e2e_world.tanphong, MONTH)
    return EvaluationSheet.objects.get(period=period, person=staff)


def switch_to(page, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username, PASSWORD)


def submit(page, form: str) -> None:
    page.locator(f"#form-{form} button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu")


def test_a_month_from_self_assessment_to_complaint(page, october, tmp_path):
    url = f"/evaluation/sheets/{october.pk}/"
    switch_to(page, "staff")
    page.goto(url)
    expect(page.locator("#form-review")).to_have_count(0)
    form = page.locator("#form-self")
    expect(form.locator("tr[data-item]")).to_have_count(7)  # Mẫu số 01: I.1 … III
    expect(form.locator("tr.group", has_text="Phẩm chất chính trị")).to_contain_text("10")
    for index, value in enumerate(["4.5", "4.5", "2.5", "2.25", "2", "2", "8.5"]):
        form.locator(f"[name=c{index}]").fill(value)
    form.locator("[name=comment]").fill("Hoàn thành các báo cáo đúng hạn")
    submit(page, "self")
    expect(page.locator(".badge.st-self_assessed").first).to_be_visible()

    switch_to(page, "head")
    page.goto(url)
    review = page.locator("#form-review")
    expect(review.locator("[name=c5]")).to_have_value("2.0")
    expect(review.locator("tr[data-item='II.2'] [data-col=self]")).to_have_text("2,25")
    review.locator("[name=c5]").fill("1.5")
    review.locator("[name=reason5]").fill("Chưa phối hợp tốt với bộ phận một cửa")
    submit(page, "review")
    adjusted = page.locator("tr[data-item='II.4']", has_text="Chưa phối hợp tốt")
    expect(adjusted.locator("[data-col=self]")).to_have_text("2,0")
    expect(adjusted.locator("[data-col=review]")).to_have_text("1,5")
    expect(page.locator("tr.group", has_text="Năng lực chuyên môn").first).to_contain_text(
        "8,75"
    )  # (II) self-assessed subtotal

    switch_to(page, "chair")
    page.goto(url)
    page.locator("#form-approve [name=comment]").fill("Đồng ý")
    submit(page, "approve")
    expect(page.locator(".badge.st-published").first).to_be_visible()

    switch_to(page, "staff")
    page.goto("/evaluation/me/")
    notice = page.locator("ul.messages li", has_text="Kết quả đánh giá")
    expect(notice).to_contain_text("10/2026")
    notice.get_by_role("link").click()
    expect(page).to_have_url(re.compile(rf"{url}$"))
    october.refresh_from_db()
    total = page.locator("[data-score=total]")
    expect(total).to_have_text(f"{Decimal(str(october.result['total'])):.2f}".replace(".", ","))
    expect(page.locator("[data-score=general]")).to_have_text("25,75")
    with page.expect_download() as download:
        page.locator(".downloads a").click()
    saved = tmp_path / "phieu.docx"
    download.value.save_as(saved)
    cells = {c.text for t in Document(str(saved)).tables for r in t.rows for c in r.cells}
    assert total.inner_text() in cells and "II.4" in cells and "Điểm tự đánh giá" in cells

    page.locator("#form-complain [name=reason]").fill("Đề nghị xem lại tiêu chí (b)")
    page.locator("#form-complain button[type=submit]").click()
    expect(page.locator(".badge.st-contested").first).to_be_visible()

    switch_to(page, "chair")
    page.goto(url)
    resolve = page.locator("#form-resolve")
    resolve.locator("[name=decision]").select_option("reject")
    resolve.locator("[name=resolution]").fill("Giữ nguyên kết quả: lý do điều chỉnh có căn cứ")
    submit(page, "resolve")
    expect(page.locator(".badge.st-published").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("Giữ nguyên kết quả")
    october.refresh_from_db()
    assert october.status == SheetStatus.PUBLISHED
    assert october.complaints.get().status == ComplaintStatus.REJECTED


def _published_month(world, person, total) -> None:
    period, _ = EvaluationPeriod.objects.get_or_create(
        organization=world.tanphong,
        kind="month",
        start=date(2026, 1, 1),
        defaults={
            "self_assessment_due": date(2026, 1, 5),
            "review_due": date(2026, 1, 8),
            "approval_due": date(2026, 1, 10),
        },
    )
    EvaluationSheet.objects.create(
        person=person, period=period, status=SheetStatus.PUBLISHED, total=Decimal(total)
    )


def test_annual_quota_blocks_the_commune_until_a_lower_level_is_decided(page, e2e_world):
    """3 'excellent' and 12 'good': the cap is floor(20 % × 12) = 2, one too many. The other
    ward is finalised; Tân Phong waits until the authority decides a lower level at the margin."""
    for i in range(15):
        person = make_person(
            f"Q-{i}",
            f"Người thứ {i}",
            e2e_world.tp_economy,
            e2e_world.staff_title,
            e2e_world.position,
        )
        _published_month(e2e_world, person, 95 - i if i < 3 else 80)
    switch_to(page, "personnel")
    page.goto("/evaluation/annual/2026/")
    page.locator("button[name=action][value=compute]").click()
    expect(page.locator(".messages")).to_contain_text("Đã tổng hợp")
    expect(page.locator("p.error[role=alert]")).to_be_visible()
    summary = page.locator("table.quota-summary tr.over", has_text="Phường Tân Phong")
    expect(summary).to_contain_text("3")  # three 'excellent' in the ward
    page.locator("button[name=action][value=finalise]").click()
    expect(page.locator(".messages")).to_contain_text("Phường Tân Phong")  # refused, named
    page.get_by_role("link", name="Phường Tân Phong").click()
    over = page.locator("table.quota tr.over").first
    expect(over).to_contain_text("Người thứ 2")  # the lowest 'excellent' is at the margin
    row = page.locator("table.annual-rows tr", has_text="Người thứ 2")
    row.get_by_text("Quyết định mức thấp hơn").click()
    row.locator("select[name=level]").select_option("good")
    row.locator("input[name=decision]").fill("15/QĐ-UBND")
    row.locator("input[name=reason]").fill("Ít sáng kiến hơn hai người còn lại")
    row.get_by_role("button", name="Ghi nhận").click()
    expect(page.locator(".messages")).to_contain_text("Người thứ 2")
    expect(page.locator("table.annual-rows tr", has_text="Người thứ 2")).to_contain_text(
        "15/QĐ-UBND"
    )
    page.locator("button[name=action][value=finalise]").click()
    expect(page.locator(".messages")).to_contain_text("Đã chốt")
    assert not AnnualResult.objects.filter(organization=e2e_world.tanphong, status="draft").exists()
