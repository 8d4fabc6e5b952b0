from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.org.models import Organization
from canbo.oversight.complaints import CaseKind, CaseSource, CaseStatus
from canbo.oversight.forms import DATE
from canbo.people.models import Person


class CaseFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of case"), required=False, choices=[("", "—"), *CaseKind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "—"), *CaseStatus.choices]
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)


class CaseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of case"), choices=CaseKind.choices)
    number = forms.CharField(label=_("Register number"), max_length=40)
    received_on = forms.DateField(label=_("Received on"), widget=DATE)
    source = forms.ChoiceField(label=_("Sent by"), choices=CaseSource.choices)
    sender_name = forms.CharField(label=_("Sender's name"), max_length=120)
    sender_contact = forms.CharField(
        label=_("Sender's address or phone"), required=False, max_length=255
    )
    summary = forms.CharField(
        label=_("Content"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000
    )
    organization = forms.ModelChoiceField(
        label=_("Unit concerned"), queryset=Organization.objects.none()
    )
    person = forms.ModelChoiceField(
        label=_("Person concerned (code)"),
        required=False,
        queryset=Person.objects.none(),
        to_field_name="code",
        widget=forms.TextInput,
    )
    handling_body = forms.ModelChoiceField(
        label=_("Handling body"), queryset=Organization.objects.none()
    )

    def __init__(self, *args, orgs=None, bodies=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = orgs
        self.fields["handling_body"].queryset = bodies
        self.fields["person"].queryset = people


class CaseActForm(forms.Form):
    step = forms.ChoiceField(
        label=_("Step"),
        choices=[
            ("accept", _("Accept for handling")),
            ("conclude", _("Conclude")),
            ("reject", _("Do not accept")),
        ],
    )
    on = forms.DateField(label=_("Date"), widget=DATE)
    result = forms.CharField(
        label=_("Result or reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=8000,
    )
