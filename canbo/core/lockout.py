"""Lock an account for a while after repeated failed logins."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from canbo.core.models import LoginFailure


def _window_start():
    return timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def is_locked(username: str) -> bool:
    recent = LoginFailure.objects.filter(username=username.lower(), at__gte=_window_start())
    return recent.count() >= settings.LOGIN_MAX_FAILURES


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username.lower()[:150], ip=ip)


def clear_failures(username: str) -> None:
    LoginFailure.objects.filter(username=username.lower()).delete()
