from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.oversight.evidence_files import MAX_EVIDENCE_BYTES
from canbo.oversight.models import ActionStatus, ReportKind, ReportStatus

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ActionFilterForm(forms.Form):
    section = forms.CharField(label=_("Section"), required=False, max_length=20)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "—"), *ActionStatus.choices]
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    mine = forms.BooleanField(label=_("My agency's actions"), required=False)
    as_of = forms.DateField(label=_("As of"), required=False, widget=DATE)


class ActionUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    on = forms.DateField(label=_("As of"), widget=DATE)
    note = forms.CharField(
        label=_("Progress note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, Word, Excel, JPEG, PNG; at most 10 MB)"))
    description = forms.CharField(label=_("Description"), required=False, max_length=255)

    def clean(self):
        # Refused before the upload is read into memory; the content checks follow in
        # services.check_evidence.
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > MAX_EVIDENCE_BYTES:
            self.add_error(
                None, _("The file “%(name)s” is larger than 10 MB.") % {"name": upload.name}
            )
        return self.cleaned_data


class FindingForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE)
    text = forms.CharField(
        label=_("Finding"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )
    required_action = forms.CharField(
        label=_("Required action"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
    )
    due = forms.DateField(label=_("Due"), required=False, widget=DATE)


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of report"), choices=ReportKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2026, max_value=2100)
    number = forms.CharField(label=_("Document number"), required=False, max_length=64)
    assessment = forms.CharField(
        label=_("General assessment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
    )
    next_steps = forms.CharField(
        label=_("Tasks for the next period"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
    )
    signer = forms.CharField(label=_("Signer"), required=False, max_length=120)
    signer_title = forms.CharField(label=_("Signer's title"), required=False, max_length=120)
    status = forms.ChoiceField(label=_("Status"), choices=ReportStatus.choices)
