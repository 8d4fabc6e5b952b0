from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from canbo.core import lockout
from canbo.core.clientip import client_ip

LOCKED = _("Too many failed logins. The account is locked for %(minutes)s minutes.")


class _Lockout:
    """One lockout for every login path: /login/ and /admin/login/ count the same failures,
    by account and client address."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request) if self.request is not None else None
        if username and lockout.is_locked(username, ip):
            raise forms.ValidationError(
                self.error_messages["locked"],
                code="locked",
                params={"minutes": settings.LOGIN_LOCKOUT_MINUTES},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            if self.user_cache is None:  # a wrong password, not a valid non-staff user
                lockout.record_failure(username, ip)
            raise
        lockout.clear_failures(username, ip)
        return cleaned


class LockoutAuthenticationForm(_Lockout, AuthenticationForm):
    error_messages = {**AuthenticationForm.error_messages, "locked": LOCKED}


class AdminLockoutAuthenticationForm(_Lockout, AdminAuthenticationForm):
    error_messages = {**AdminAuthenticationForm.error_messages, "locked": LOCKED}
