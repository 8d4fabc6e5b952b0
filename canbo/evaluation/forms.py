"""Forms of the sheet workflow; criteria fields come from the sheet's criteria set."""

from django import forms
from django.utils.translation import gettext_lazy as _

from canbo.evaluation.choices import Level
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.general import ITEM, general_rows


def _vn(number) -> str:
    """Vietnamese decimal comma: 0.5 -> '0,5'."""
    return f"{float(number):g}".replace(".", ",")


def _criteria_fields(
    form: forms.Form, sheet: EvaluationSheet, initial: list | None, column: str
) -> None:
    """One points field per line of the set (c<index>), laid out in the form's table rows;
    the reviewer's column also gets a reason field (reason<index>)."""
    form.criteria_rows = general_rows(sheet)
    form.criteria_column = column
    for row in form.criteria_rows:
        if row.kind != ITEM:
            continue
        index, step = row.index, row.step
        hint = _("Maximum %(max)s, in steps of %(step)s") % {
            "max": _vn(row.max_points),
            "step": _vn(step),
        }
        points = forms.DecimalField(
            label=f"{row.code} {row.label}",
            min_value=0,
            max_value=float(row.max_points),
            decimal_places=2,
            initial=initial[index] if initial else None,
            help_text=hint,
            widget=forms.NumberInput(
                attrs={
                    "step": str(float(step)),
                    "title": hint,
                    "aria-label": f"{row.code} {row.label}",
                }
            ),
        )
        form.fields[f"c{index}"] = points
        row.bound[column] = form[f"c{index}"]
        if column == "review":
            form.fields[f"reason{index}"] = forms.CharField(
                label=_("Reason for the change"),
                required=False,
                max_length=500,
                initial=(sheet.adjust_reasons or {}).get(str(index), ""),  # kept on reopening
                widget=forms.TextInput(attrs={"aria-label": _("Reason for the change")}),
            )
            row.bound["reason"] = form[f"reason{index}"]


class SheetForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)

    def points(self) -> list:
        return [self.cleaned_data[name] for name in self.fields if _is_points(name)]

    def other_fields(self) -> list:
        """The visible fields printed below the criteria table."""
        return [
            self[name]
            for name, field in self.fields.items()
            if not _is_points(name) and not name.startswith("reason") and not field.widget.is_hidden
        ]


def _is_points(name: str) -> bool:
    return name.startswith("c") and name[1:].isdigit()


class SelfAssessmentForm(SheetForm):
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    evidence = forms.CharField(
        label=_("Evidence"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, sheet: EvaluationSheet, **kwargs):
        super().__init__(*args, **kwargs)
        _criteria_fields(self, sheet, sheet.general_self, "self")
        self.order_fields([n for n in self.fields if _is_points(n)])


class ReviewForm(SheetForm):
    comment = forms.CharField(
        label=_("Reviewer's comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    collective_comment = forms.CharField(
        label=_("Collective comments"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, sheet: EvaluationSheet, **kwargs):
        super().__init__(*args, **kwargs)
        _criteria_fields(self, sheet, sheet.general, "review")
        if sheet.is_leader:
            self.fields["organising"] = forms.ChoiceField(
                label=_("Capacity to organise implementation (đ)"),
                choices=Level.choices,
                initial=sheet.leader_organising or Level.FULL,
            )
            self.fields["third"] = forms.ChoiceField(
                label=_("Internal solidarity (e)"),
                choices=Level.choices,
                initial=sheet.leader_third or Level.FULL,
            )

    def reasons(self) -> dict[int, str]:
        return {
            int(name[6:]): value
            for name, value in self.cleaned_data.items()
            if name.startswith("reason") and value
        }


class ApprovalForm(SheetForm):
    comment = forms.CharField(
        label=_("Approver's comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ComplaintForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the complaint"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ResolutionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("accept", _("Accept: reopen the sheet for correction")),
            ("reject", _("Reject: the result stands")),
        ],
    )
    resolution = forms.CharField(label=_("Resolution"), widget=forms.Textarea(attrs={"rows": 2}))


class OpenPeriodForm(forms.Form):
    organization = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    month = forms.DateField(
        label=_("Month"),
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    complaint_days = forms.IntegerField(
        label=_("Complaint window (days)"), min_value=1, max_value=60, initial=10
    )

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
