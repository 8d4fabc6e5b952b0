"""Forms of the personnel-record pages (personnel officers)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.models import Person
from canbo.people.services import RECORD_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonRecordForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = RECORD_FIELDS
        widgets = {"service_start": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hometown"].queryset = Organization.objects.filter(kind__in=COMMUNE_KINDS)

    def validate_unique(self):
        """Uniqueness (the CCCD) is judged by the service, with its own message."""


class PostForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    job_position = forms.ModelChoiceField(
        label=_("Job position"), required=False, queryset=JobPosition.objects.all()
    )
    title = forms.ModelChoiceField(label=_("Title"), required=False, queryset=Title.objects.all())
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To (empty: the current post)"), required=False, widget=DATE)
    concurrent = forms.BooleanField(label=_("Concurrent post"), required=False)
    decision = forms.CharField(label=_("Decision"), max_length=120, required=False)

    def __init__(self, *args, orgs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = orgs
