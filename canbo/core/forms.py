from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from canbo.core import lockout


class LockoutAuthenticationForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "locked": _("Too many failed logins. The account is locked for %(minutes)s minutes."),
    }

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if username and lockout.is_locked(username):
            raise forms.ValidationError(
                self.error_messages["locked"], code="locked",
                params={"minutes": settings.LOGIN_LOCKOUT_MINUTES},
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            lockout.record_failure(username, self.request.META.get("REMOTE_ADDR"))
            raise
        lockout.clear_failures(username)
        return cleaned
