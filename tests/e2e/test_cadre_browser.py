"""The provincial personnel officer sends a candidate to university and sees the gap close."""

from datetime import date

import pytest
from playwright.sync_api import expect

from canbo.cadre.models import Programme, ProgrammeKind, TrainingClass
from canbo.org.choices import Education, Field, StateManagement
from canbo.org.models import JobPosition
from tests.e2e.conftest import log_in
from tests.factories import PASSWORD, make_person


@pytest.fixture
def it_candidate(e2e_world):
    position = JobPosition.objects.create(
        code="CNTT",
        name="Công nghệ thông tin",
        field=Field.IT,
        min_education=Education.UNIVERSITY,
        required_major="Công nghệ thông tin",
        min_state_management=StateManagement.SPECIALIST,
        requires_it=True,
    )
    programme = Programme.objects.create(
        name="Đại học Công nghệ thông tin",
        kind=ProgrammeKind.UNIVERSITY,
        field=Field.IT,
        grants_education=Education.UNIVERSITY,
        grants_major="Công nghệ thông tin",
    )
    TrainingClass.objects.create(
        programme=programme,
        name="Lớp ĐH CNTT khóa 1",
        organiser="Học viện CNBCVT",
        start=date(2026, 2, 1),
        end=date(2028, 12, 31),
        capacity=50,
    )
    return make_person(
        "TP-9",
        "Vàng Văn Tính",
        e2e_world.tp_economy,
        e2e_world.staff_title,
        position,
        education=Education.VOCATIONAL,
        major="Kế toán",
        state_management=StateManagement.SPECIALIST,
        it_certificate="Ứng dụng CNTT cơ bản",
        birth_date=date(1990, 4, 10),
    )


def test_personnel_officer_trains_a_candidate(page, it_candidate):
    log_in(page, "personnel", PASSWORD)
    page.get_by_role("navigation", name="Menu chính").get_by_role(
        "link", name="Công tác cán bộ"
    ).click()
    page.get_by_role("link", name="Cán bộ cần cử đi đào tạo đại học").click()
    row = page.locator("tr", has_text="Vàng Văn Tính")
    expect(row).to_contain_text("Chuyên ngành “Kế toán” không phù hợp")
    row.get_by_role("link", name="Ghi danh").click()

    page.locator("tr", has_text="Lớp ĐH CNTT khóa 1").get_by_role(
        "button", name="Ghi danh Vàng Văn Tính"
    ).click()
    expect(page.locator(".messages")).to_contain_text("Đã ghi danh Vàng Văn Tính")
    enrolment = page.locator("tr", has_text="Vàng Văn Tính")
    expect(enrolment).to_contain_text("Đã ghi danh")
    enrolment.get_by_role("link", name="Cập nhật").click()

    page.get_by_label("Trạng thái").select_option("completed")
    page.get_by_label("Ngày hoàn thành").fill("2028-12-31")
    page.get_by_label("Số văn bằng, chứng chỉ").fill("ĐH-0001")
    page.get_by_role("button", name="Lưu").click()
    expect(page.locator(".messages")).to_contain_text("Đại học, Kế toán; Công nghệ thông tin")

    page.locator("tr", has_text="Vàng Văn Tính").get_by_role("link", name="Vàng Văn Tính").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vàng Văn Tính")
    expect(page.locator(".qualifications")).to_contain_text(
        "Đại học · Kế toán; Công nghệ thông tin"
    )
    expect(page.locator(".ok")).to_contain_text("Đạt tiêu chuẩn trình độ")
    expect(page.locator(".enrolments")).to_contain_text("ĐH-0001")

    page.goto("/cadre/candidates/")
    expect(page.locator("tr", has_text="Vàng Văn Tính")).to_have_count(0)
