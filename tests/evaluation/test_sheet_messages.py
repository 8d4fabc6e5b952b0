"""Actions say what they did; errors come at the top of the form that was sent."""

from tests.evaluation.test_sheet_pages import criteria, post


def test_self_assessment_says_what_was_done(client, world, sheet):
    client.force_login(world.users["staff"])
    response = post(client, sheet, "self", **criteria(9, 9, 9))
    assert response["Location"].endswith("#messages")
    html = client.get(response["Location"]).content.decode()
    assert "bản tự đánh giá đã được gửi để nhận xét" in html


def test_errors_open_the_form_with_an_alert(client, world, sheet):
    client.force_login(world.users["staff"])
    post(client, sheet, "self", **criteria(9, 9, 9))
    client.force_login(world.users["head"])
    html = post(client, sheet, "review", **criteria(7, 9, 9)).content.decode()
    form = html.split('id="form-review"')[1].split("</form>")[0]
    assert 'action="#form-review"' in html
    alert = form.split('role="alert"')[1].split("</div>")[0]
    assert "Chưa lưu" in alert and "lý do" in alert and "I.1, I.2" in alert
    assert form.index('role="alert"') < form.index('name="c0"')
    # a field error names the field as the page labels it
    html = post(client, sheet, "review", **criteria(9, 9, 9, c6=11)).content.decode()
    alert = html.split('role="alert"')[1].split("</div>")[0]
    assert "III" in alert


def test_the_complaint_form_is_offered_only_within_the_window(client, world):
    from datetime import timedelta

    from django.utils import timezone

    from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet

    period = EvaluationPeriod.objects.create(
        organization=world.tanphong,
        start=timezone.localdate().replace(day=1),
        self_assessment_due=timezone.localdate(),
        review_due=timezone.localdate(),
        approval_due=timezone.localdate(),
        complaint_days=10,
    )
    sheet = EvaluationSheet.objects.create(
        person=world.people["staff"], period=period, status="published", approved_at=timezone.now()
    )
    client.force_login(world.users["staff"])
    assert 'name="reason"' in client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    EvaluationSheet.objects.filter(pk=sheet.pk).update(
        approved_at=timezone.now() - timedelta(days=11)
    )
    page = client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    assert 'name="reason"' not in page
