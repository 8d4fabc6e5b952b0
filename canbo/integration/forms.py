from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.integration.models import SCOPES, WebhookSubscription
from canbo.integration.webhooks.outbound import UnsafeUrl, check_url
from canbo.org.models import Organization


class ClientForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"), choices=list(SCOPES.items()), widget=forms.CheckboxSelectMultiple
    )
    require_signature = forms.BooleanField(label=_("Require HMAC signature"), required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.visible_to(user).filter(
            depth__lte=2
        )


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class SubscriptionForm(forms.ModelForm):
    url = forms.URLField(label=_("URL"), max_length=500, assume_scheme="https")

    class Meta:
        model = WebhookSubscription
        fields = ["event", "url"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            check_url(url, must_resolve=False)
        except UnsafeUrl as exc:
            raise forms.ValidationError(exc.message) from None
        return url
