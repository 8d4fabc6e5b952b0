"""The people list's filters, applied on top of the access-limited queryset."""

from datetime import date

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.access import narrowed_to
from canbo.org.models import JobPosition, Organization
from canbo.people.choices import AGE_BANDS, Ethnicity, Gender

AGE_BAND_CHOICES = [
    ("", _("All ages")),
    ("lt30", _("Under 30")),
    ("30-39", "30–39"),
    ("40-49", "40–49"),
    ("50plus", _("50 and over")),
]


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    org = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none(), required=False
    )
    position = forms.ModelChoiceField(
        label=_("Job position"), queryset=JobPosition.objects.all(), required=False
    )
    ethnicity = forms.ChoiceField(
        label=_("Ethnicity"), choices=[("", _("All"))] + Ethnicity.choices, required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", _("All"))] + Gender.choices, required=False
    )
    age = forms.ChoiceField(label=_("Age"), choices=AGE_BAND_CHOICES, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = Organization.objects.visible_to(user).filter(depth__lte=2)

    def apply(self, queryset):
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        queryset = narrowed_to(queryset, data["org"])
        if data["position"]:
            queryset = queryset.filter(job_position=data["position"])
        if data["ethnicity"]:
            queryset = queryset.filter(ethnicity=data["ethnicity"])
        if data["gender"]:
            queryset = queryset.filter(gender=data["gender"])
        if data["age"]:
            queryset = queryset.filter(age_band_q(data["age"], timezone.localdate()))
        return queryset.search(data["q"]) if data["q"] else queryset


def _years_before(today: date, years: int) -> date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def _born_on_or_before(day: date) -> Q:
    # Only a birth year known counts as born on 1 January of that year (DOMAIN.md §4).
    return Q(birth_date__lte=day) | Q(birth_date__isnull=True, birth_year__lte=day.year)


def age_band_q(band: str, today: date) -> Q:
    low, high = AGE_BANDS[band]
    condition = Q()
    if low is not None:
        condition &= _born_on_or_before(_years_before(today, low))
    if high is not None:
        condition &= ~_born_on_or_before(_years_before(today, high)) & (
            Q(birth_date__isnull=False) | Q(birth_year__isnull=False)
        )
    return condition
