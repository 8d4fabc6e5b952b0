"""The approval board asks before publishing; reopened sheets keep the reviewer's reasons."""

from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.complaints import file_complaint, resolve_complaint
from canbo.evaluation.services.sheets import (
    approve_sheet,
    review_sheet,
    submit_self_assessment,
)
from tests.factories import form01

BULK = "/evaluation/approve/bulk/?month=2026-10"


def _reviewed(world, sheet):
    submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 9))
    sheet.refresh_from_db()
    return review_sheet(world.users["head"], sheet, form01(9, 9, 9), {})


def test_nothing_is_pre_ticked(client, world, sheet):
    _reviewed(world, sheet)
    client.force_login(world.users["chair"])
    html = client.get("/evaluation/approve/?month=2026-10").content.decode()
    assert f'value="{sheet.pk}"' in html and " checked" not in html


def test_empty_selection_is_an_error(client, world, sheet):
    _reviewed(world, sheet)
    client.force_login(world.users["chair"])
    response = client.post(BULK, {}, follow=True)
    html = response.content.decode()
    assert 'class="error">Chưa chọn phiếu nào.' in html
    assert "Đã phê duyệt 0" not in html


def test_confirmation_names_the_sheets_before_publishing(client, world, sheet):
    _reviewed(world, sheet)
    client.force_login(world.users["chair"])
    html = client.post(BULK, {"sheet": [sheet.pk]}).content.decode()
    assert "Tôi xác nhận phê duyệt 1 phiếu" in html and "Nguyễn Văn An" in html
    assert 'name="confirm"' in html and "required" in html
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.REVIEWED  # nothing published yet
    response = client.post(BULK, {"sheet": [sheet.pk], "confirm": "yes"}, follow=True)
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.PUBLISHED
    assert (
        "Đã phê duyệt và công bố 1 phiếu của Văn phòng HĐND và UBND." in response.content.decode()
    )


def test_reopened_sheet_keeps_the_adjustment_reasons(client, world, sheet):
    submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 9))
    sheet.refresh_from_db()
    adjusted = form01(9, 9, 9)
    adjusted[2] = 1.75
    sheet = review_sheet(world.users["head"], sheet, adjusted, {2: "Chưa phối hợp tốt"})
    approve_sheet(world.users["chair"], sheet)
    sheet.refresh_from_db()
    complaint = file_complaint(world.users["staff"], sheet, "Xin xem lại")
    resolve_complaint(world.users["chair"], complaint, True, "Nhận xét lại")
    sheet = EvaluationSheet.objects.get(pk=sheet.pk)
    client.force_login(world.users["head"])
    html = client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    review = html.split('id="form-review"')[1]
    assert 'name="reason2" value="Chưa phối hợp tốt"' in review
