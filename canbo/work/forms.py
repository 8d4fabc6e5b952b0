"""Forms of the work pages: they validate input; the service functions do the changes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.core.access import narrowed_to
from canbo.org.models import JobPosition, Organization
from canbo.work.choices import TaskStatus
from canbo.work.errors import WorkError
from canbo.work.models import Catalog, CatalogItem
from canbo.work.periods import Period, parse_period

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CatalogForm(forms.ModelForm):
    class Meta:
        model = Catalog
        fields = ["organization", "name", "effective_from", "decision"]
        widgets = {"effective_from": DATE, "decision": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations or Organization.objects.none()


class CatalogItemForm(forms.ModelForm):
    job_positions = forms.ModelMultipleChoiceField(
        label=_("Job positions"),
        queryset=JobPosition.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CatalogItem
        fields = ["code", "name", "output", "unit", "complexity", "coefficient", "job_positions"]

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        others = CatalogItem.objects.filter(catalog=self.instance.catalog, code=code)
        if others.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another item of this catalogue has this code."))
        return code


class NewVersionForm(forms.Form):
    effective_from = forms.DateField(label=_("Effective from"), widget=DATE)


class PublishForm(forms.Form):
    decision = forms.CharField(label=_("Approving decision"), max_length=500, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))


class TaskFilterForm(forms.Form):
    month = forms.CharField(
        label=_("Month"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-10"}),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + TaskStatus.choices, required=False
    )
    org = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organization.objects.none(), required=False
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["org"].queryset = Organization.objects.visible_to(user).filter(depth__lte=2)

    def clean_month(self) -> Period | None:
        text = self.cleaned_data["month"].strip()
        if not text:
            return None
        try:
            period = parse_period(text)
        except WorkError as exc:
            raise forms.ValidationError(exc.message) from None
        if period.kind != "month":
            raise forms.ValidationError(_("Enter a month such as 2026-10."))
        return period

    def apply(self, tasks):
        if not self.is_valid():
            return tasks.none()
        data = self.cleaned_data
        if data["month"]:
            tasks = tasks.filter(period=data["month"].start)
        if data["status"]:
            tasks = tasks.filter(status=data["status"])
        return narrowed_to(tasks, data["org"])
