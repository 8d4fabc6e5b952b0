"""Notifications are also e-mailed when the server is configured for it (off by default)."""

import logging

import pytest
from django.core import mail

from canbo.evaluation.models import Notification
from canbo.evaluation.notify import notify
from canbo.evaluation.services.sheets import approve_sheet, review_sheet, submit_self_assessment
from tests.factories import form01

POINTS = form01(9, 9, 8.5)


def _approve(world, sheet):
    submit_self_assessment(world.users["staff"], sheet, POINTS, "Tốt", "")
    review_sheet(world.users["head"], sheet, POINTS, {}, "Đạt", "")
    approve_sheet(world.users["chair"], sheet, "Đồng ý")


@pytest.fixture
def addressed(world):
    staff = world.users["staff"]
    staff.email = "an.nv@tanphong.example"
    staff.save()
    return staff


def test_off_by_default(world, sheet, addressed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _approve(world, sheet)
    assert Notification.objects.filter(user=addressed).count() == 1
    assert mail.outbox == []


def test_each_notification_is_mailed_when_configured(
    world, sheet, addressed, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_BY_EMAIL = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://canbo.example"
    with django_capture_on_commit_callbacks(execute=True):
        _approve(world, sheet)
    note = Notification.objects.get(user=addressed)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["an.nv@tanphong.example"]
    assert note.text in message.body
    assert f"https://canbo.example/evaluation/sheets/{sheet.pk}/" in message.body
    assert message.subject.startswith("Đánh giá công chức: Kết quả đánh giá")


def test_users_without_an_address_get_no_mail(world, settings, django_capture_on_commit_callbacks):
    settings.NOTIFY_BY_EMAIL = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        notify([world.users["head"].pk], "Có phiếu cần nhận xét.", "/evaluation/review/")
    assert Notification.objects.filter(user=world.users["head"]).count() == 1
    assert mail.outbox == []


def test_a_mail_failure_keeps_the_step_and_logs_no_secret(
    world, addressed, settings, django_capture_on_commit_callbacks, caplog
):
    settings.NOTIFY_BY_EMAIL = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    settings.EMAIL_HOST_PASSWORD = "s3cret-pass"
    settings.EMAIL_TIMEOUT = 2
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        notify([addressed.pk], "Kết quả đã công bố.", "/")
    assert Notification.objects.filter(user=addressed).count() == 1
    assert "notification e-mail not sent" in caplog.text
    assert "s3cret-pass" not in caplog.text
