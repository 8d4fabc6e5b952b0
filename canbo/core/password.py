"""A user changes their own password (issue 11): Django's view, audited."""

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from canbo.core import audit


class OwnPasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change.html"
    success_url = "/"

    def form_valid(self, form):
        response = super().form_valid(form)
        # The entry names the account only: a password never reaches the log.
        audit.record(self.request.user, "core.change_password", self.request.user)
        messages.success(self.request, _("Your password was changed."))
        return response
