"""Forms of the people-pipeline pages: key titles, talent pool, recruitment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.cadre.models import (
    ACTIONS_BY_BASIS,
    RecruitmentCandidate,
    RecruitmentPosition,
    RecruitmentRound,
    ResultAction,
    RoundStatus,
    TalentRecord,
)
from canbo.core.access import writable_orgs
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import JobPosition, Organization

DATE = forms.DateInput(attrs={"type": "date"})


def my_communes(user):
    return writable_orgs(Organization.objects.filter(kind__in=COMMUNE_KINDS), user)


def my_orgs(user):
    return writable_orgs(Organization.objects.all(), user)


class KeyTitleFilterForm(forms.Form):
    show = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("", _("Local holders and vacant titles")), ("all", _("All key titles"))],
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)


class TalentForm(forms.ModelForm):
    class Meta:
        model = TalentRecord
        fields = [
            "year",
            "full_name",
            "birth_year",
            "gender",
            "ethnicity",
            "origin",
            "school",
            "major",
            "field",
            "graduation_year",
            "support",
            "commits_to_return",
            "status",
        ]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["origin"].queryset = my_communes(user)

    def clean(self):
        data = super().clean()
        if (
            data.get("year")
            and data.get("graduation_year")
            and data["graduation_year"] < data["year"] - 10
        ):
            self.add_error("graduation_year", _("The graduation year is not plausible."))
        return data


class RoundForm(forms.ModelForm):
    class Meta:
        model = RecruitmentRound
        fields = ["name", "year", "organization", "method", "plan", "status"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = my_orgs(user).filter(depth__lte=1)


class PositionForm(forms.ModelForm):
    class Meta:
        model = RecruitmentPosition
        fields = ["organization", "job_position", "places"]

    def __init__(self, *args, round=None, **kwargs):
        super().__init__(*args, **kwargs)
        communes = Organization.objects.subtree(round.organization)
        self.fields["organization"].queryset = communes.filter(kind__in=COMMUNE_KINDS)
        self.fields["job_position"].queryset = JobPosition.objects.all()


class CandidateForm(forms.ModelForm):
    class Meta:
        model = RecruitmentCandidate
        fields = [
            "position",
            "full_name",
            "birth_year",
            "gender",
            "ethnicity",
            "hometown",
            "id_number",
            "education",
            "major",
            "excellent_graduate",
        ]

    def __init__(self, *args, round=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = round.positions.select_related(
            "organization", "job_position"
        )
        self.fields["hometown"].queryset = Organization.objects.filter(kind__in=COMMUNE_KINDS)

    def clean_id_number(self):
        value = (self.cleaned_data.get("id_number") or "").strip()
        if value and not (len(value) == 12 and value.isdigit()):
            raise forms.ValidationError(
                _("The personal identification number (CCCD) must be exactly 12 digits.")
            )
        return value


class ResultForm(forms.Form):
    score = forms.DecimalField(
        label=_("Score"), required=False, min_value=0, max_value=100, decimal_places=2
    )
    passed = forms.TypedChoiceField(
        label=_("Result"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Passed")), ("no", _("Not passed"))],
    )


class AppointForm(forms.Form):
    code = forms.CharField(label=_("Civil servant code"), max_length=32)
    start = forms.DateField(label=_("Start date"), widget=DATE)
    decision = forms.CharField(label=_("Decision number"), max_length=120)


class MoveToRecruitmentForm(forms.Form):
    position = forms.ModelChoiceField(
        label=_("Recruitment position"), queryset=RecruitmentPosition.objects.none()
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = RecruitmentPosition.objects.filter(
            round__in=RecruitmentRound.objects.visible_to(user),
            round__status__in=[RoundStatus.PLANNED, RoundStatus.OPEN],
        ).select_related("round", "organization", "job_position")


class JobPositionForm(forms.ModelForm):
    class Meta:
        model = JobPosition
        fields = [
            "code",
            "name",
            "description",
            "field",
            "min_education",
            "required_major",
            "min_political_theory",
            "min_state_management",
            "requires_it",
            "requires_foreign_language",
            "competency_framework",
            "qualification_standard",
            "period",
            "decision",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].required = True
        if self.instance.pk:
            self.fields["code"].disabled = True
            self.initial["decision"] = ""

    def validate_unique(self):
        """The code is judged by the service, with its own message."""


class QuotaForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Commune / ward"), queryset=Organization.objects.filter(kind__in=COMMUNE_KINDS)
    )
    quota = forms.IntegerField(label=_("Staffing quota"), min_value=0, max_value=500)
    decision = forms.CharField(label=_("Approving decision"), max_length=120)


class ResultUseForm(forms.Form):
    action = forms.ChoiceField(label=_("Action"), choices=ResultAction.choices)
    decision_number = forms.CharField(label=_("Decision number"), max_length=64)
    decision_date = forms.DateField(label=_("Decision date"), widget=DATE)
    note = forms.CharField(
        label=_("Note"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, basis=None, **kwargs):
        super().__init__(*args, **kwargs)
        if basis:
            allowed = ACTIONS_BY_BASIS[basis]
            self.fields["action"].choices = [c for c in ResultAction.choices if c[0] in allowed]


class RoundDecisionForm(forms.ModelForm):
    class Meta:
        model = RecruitmentRound
        fields = ["status", "plan", "decision_number", "decision_date"]
        widgets = {"decision_date": DATE}
