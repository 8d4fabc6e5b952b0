"""Throttle failed logins by account and client address.

Five wrong passwords from one address lock that account *from that address*; the real user
on another address still gets in. A much higher ceiling per account (from all addresses
together) stops a guesser spread over many addresses. A personnel officer can lift a lockout.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from canbo.core.models import LoginFailure


def _window_start():
    return timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)


def _recent(username: str):
    return LoginFailure.objects.filter(username=username.lower(), at__gte=_window_start())


def is_locked(username: str, ip: str | None = None) -> bool:
    recent = _recent(username)
    if recent.filter(ip=ip).count() >= settings.LOGIN_MAX_FAILURES:
        return True
    return recent.count() >= settings.LOGIN_ACCOUNT_MAX_FAILURES


def is_locked_anywhere(username: str) -> bool:
    """Whether the account is locked from at least one address (or altogether)."""
    recent = _recent(username)
    if recent.count() >= settings.LOGIN_ACCOUNT_MAX_FAILURES:
        return True
    per_address = recent.values("ip").annotate(n=Count("id"))
    return per_address.filter(n__gte=settings.LOGIN_MAX_FAILURES).exists()


def record_failure(username: str, ip: str | None) -> None:
    LoginFailure.objects.create(username=username.lower()[:150], ip=ip)


def clear_failures(username: str, ip: str | None = None) -> int:
    """Forget failures of the account from one address (a successful login there)."""
    deleted, _ = LoginFailure.objects.filter(username=username.lower(), ip=ip).delete()
    return deleted


def reset_account(username: str) -> int:
    """Forget every failure of the account (a reset by the personnel office)."""
    deleted, _ = LoginFailure.objects.filter(username=username.lower()).delete()
    return deleted
