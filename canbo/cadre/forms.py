"""Forms of the cadre pages: filters and workflow inputs (errors in Vietnamese via gettext)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.cadre.gaps import GAP_KINDS
from canbo.cadre.models import (
    ConclusionKind,
    DecisionKind,
    EnrolmentStatus,
    PlanningTerm,
    Programme,
    RotationKind,
    RotationStatus,
    TrainingClass,
)
from canbo.cadre.models.records import CATEGORY_LABELS
from canbo.org.choices import Field
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.choices import LeaveKind
from canbo.people.models import Person

DATE = forms.DateInput(attrs={"type": "date"})


def units_of(user):
    """Communes and provincial agencies the user may see (depth 1 of the tree)."""
    return Organization.objects.visible_to(user).filter(depth=1)


class UnitFieldForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Commune / agency"), required=False, queryset=Organization.objects.none()
    )
    field = forms.ChoiceField(
        label=_("Field"), choices=[("", _("All"))] + Field.choices, required=False
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_of(user)

    def values(self) -> dict:
        if self.is_bound and self.is_valid():
            return self.cleaned_data
        return {"q": "", "unit": None, "field": "", "gap": ""}


class GapFilterForm(UnitFieldForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    gap = forms.ChoiceField(
        label=_("Gap"), required=False, choices=[("", _("Any gap"))] + list(GAP_KINDS.items())
    )


class RotationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + RotationStatus.choices
    )


class DecisionFilterForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All"))] + list(CATEGORY_LABELS.items()),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)


class PersonChoiceForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Civil servant"), queryset=Person.objects.none())

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class EnrolmentFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + EnrolmentStatus.choices
    )


class EnrolmentUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=EnrolmentStatus.choices)
    completed_on = forms.DateField(label=_("Completed on"), required=False, widget=DATE)
    certificate_number = forms.CharField(
        label=_("Certificate number"), required=False, max_length=64
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == EnrolmentStatus.COMPLETED and not data.get("completed_on"):
            self.add_error("completed_on", _("Enter the completion date."))
        return data


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "name",
            "kind",
            "field",
            "grants_education",
            "grants_major",
            "grants_political_theory",
            "grants_state_management",
            "grants_it_certificate",
        ]


class TrainingClassForm(forms.ModelForm):
    class Meta:
        model = TrainingClass
        fields = ["programme", "name", "organiser", "start", "end", "capacity"]
        widgets = {"start": DATE, "end": DATE}

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end cannot be before the start."))
        if data.get("capacity") == 0:
            self.add_error("capacity", _("The capacity must be at least 1."))
        return data


class TrainingPlanForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    field = forms.ChoiceField(label=_("Field"), choices=Field.choices)
    target = forms.IntegerField(label=_("Target"), min_value=0, max_value=10000)
    note = forms.CharField(label=_("Note"), required=False, max_length=255)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = Organization.objects.visible_to(user)


class TermForm(forms.Form):
    start_year = forms.IntegerField(label=_("Start year"), min_value=2020, max_value=2100)


class PlanningFilterForm(forms.Form):
    term = forms.ModelChoiceField(
        label=_("Planning term"), required=False, queryset=PlanningTerm.objects.all()
    )
    unit = forms.ModelChoiceField(
        label=_("Commune / agency"), required=False, queryset=Organization.objects.none()
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units_of(user)


class CandidateForm(forms.Form):
    term = forms.ModelChoiceField(label=_("Planning term"), queryset=PlanningTerm.objects.all())
    title = forms.ModelChoiceField(label=_("Title"), queryset=Title.objects.all())
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    person = forms.ModelChoiceField(label=_("Civil servant"), queryset=Person.objects.none())
    reason = forms.CharField(label=_("Reason for adding"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = units_of(user)
        self.fields["person"].queryset = people


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000)


class ReviewForm(forms.Form):
    term = forms.ModelChoiceField(label=_("Planning term"), queryset=PlanningTerm.objects.all())
    organization = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100)
    conclusion = forms.CharField(label=_("Conclusion"), max_length=4000)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = units_of(user)


class RotationForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Civil servant"), queryset=Person.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=RotationKind.choices)
    to_org = forms.ModelChoiceField(
        label=_("To organisation"), queryset=Organization.objects.none()
    )
    title = forms.ModelChoiceField(label=_("Title"), queryset=Title.objects.all(), required=False)
    job_position = forms.ModelChoiceField(
        label=_("Job position"), required=False, queryset=JobPosition.objects.all()
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)

    def __init__(self, *args, user=None, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people
        self.fields["to_org"].queryset = Organization.objects.visible_to(user)


class DecideForm(forms.Form):
    decision_number = forms.CharField(label=_("Decision number"), max_length=64)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE)
    effective_date = forms.DateField(label=_("Effective date"), widget=DATE)
    end_incumbent = forms.BooleanField(
        label=_("End the incumbent's post on the effective date (single-holder title)"),
        required=False,
    )


class DecisionForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Civil servant"), queryset=Person.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=DecisionKind.choices)
    decision_number = forms.CharField(label=_("Decision number"), max_length=64)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE)
    issuing_authority = forms.CharField(label=_("Issuing authority"), max_length=200)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=4000)
    in_public_duties = forms.BooleanField(label=_("Violation in public duties"), required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class CapacityFlagForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Civil servant"), queryset=Person.objects.none())
    reason = forms.CharField(
        label=_("Reason (conclusion or assessment it rests on)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people


class LeaveForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of leave"), choices=LeaveKind.choices)
    start = forms.DateField(label=_("From"), widget=DATE)
    end = forms.DateField(label=_("To"), widget=DATE)
    evidence = forms.CharField(label=_("Decision or evidence"), max_length=255)
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)


class ConclusionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Ground"), choices=ConclusionKind.choices)
    issuer = forms.CharField(label=_("Issuing authority"), max_length=200)
    number = forms.CharField(label=_("Document number"), max_length=64)
    date = forms.DateField(label=_("Date"), widget=DATE)
    content = forms.CharField(
        label=_("Content"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
