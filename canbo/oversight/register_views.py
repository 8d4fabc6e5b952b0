"""The province's registers the plan reads: the communes' job-position approvals (the live
indicator of plan II.2.1.b) and the equipment norms the yearly review measures against."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from canbo.core.access import can, require
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight import xlsx
from canbo.oversight.equipment import Basis, norms
from canbo.oversight.errors import OversightError
from canbo.oversight.models import JobPositionApproval
from canbo.oversight.register_services import record_job_position_approval, set_equipment_norm


class ApprovalForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Commune or ward"), queryset=Organization.objects.none()
    )
    decision_number = forms.CharField(label=gettext_lazy("Decision number"), max_length=64)
    decision_date = forms.DateField(
        label=gettext_lazy("Decision date"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every commune, approved or not: a second approval is refused by the service with
        # a message naming the decision already recorded.
        self.fields["organization"].queryset = Organization.objects.filter(
            kind__in=COMMUNE_KINDS
        ).order_by("name")


def approvals(request):
    require(request.user, "oversight.plan.view")
    return _approvals_page(request)


def _approvals_page(request, form=None, status=200):
    rows = (
        JobPositionApproval.objects.visible_to(request.user)
        .select_related("organization", "recorded_by")
        .order_by("organization__name")
    )
    if request.GET.get("format") == "xlsx":
        headers = [_("Commune or ward"), _("Decision number"), _("Decision date")]
        body = [
            [a.organization.name, a.decision_number, a.decision_date.strftime("%d/%m/%Y")]
            for a in rows
        ]
        return xlsx.response(
            xlsx.workbook(_("Job-position approvals"), headers, body, [30, 20, 14]),
            "phe-duyet-vi-tri-viec-lam.xlsx",
        )
    manage = can(request.user, "oversight.approvals.manage")
    if manage and form is None:
        form = ApprovalForm()
    return render(
        request,
        "oversight/approvals.html",
        {"rows": rows, "form": form if manage else None},
        status=status,
    )


@require_POST
def approval_add(request):
    require(request.user, "oversight.approvals.manage")
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        return _approvals_page(request, form, 400)
    try:
        record_job_position_approval(
            request.user,
            form.cleaned_data["organization"],
            form.cleaned_data["decision_number"],
            form.cleaned_data["decision_date"],
        )
    except OversightError as error:
        form.add_error(None, error.message)
        return _approvals_page(request, form, 400)
    messages.success(request, _("Job-position approval recorded."))
    return redirect("oversight:approvals")


class NormForm(forms.Form):
    # A free code checked by the service, so that an unknown item gets its own message.
    item = forms.CharField(label=gettext_lazy("Item"), max_length=32)
    name = forms.CharField(label=gettext_lazy("Name"), max_length=100, required=False)
    basis = forms.ChoiceField(label=gettext_lazy("Basis"), choices=Basis.choices)
    quantity = forms.IntegerField(label=gettext_lazy("Quantity"))

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].widget = forms.Select(choices=list(items))


def norms_page(request):
    require(request.user, "oversight.plan.view")
    return _norms_page(request)


def _norms_page(request, form=None, status=200):
    rows = [
        (code, name, quantity, Basis(basis).label)
        for code, (name, basis, quantity) in norms().items()
    ]
    manage = can(request.user, "oversight.norms.manage")
    if manage and form is None:
        form = NormForm(items=[(code, name) for code, name, _q, _b in rows])
    return render(
        request,
        "oversight/norms.html",
        {"rows": rows, "form": form if manage else None},
        status=status,
    )


@require_POST
def norm_set(request):
    require(request.user, "oversight.norms.manage")
    items = [(code, row[0]) for code, row in norms().items()]
    form = NormForm(request.POST, items=items)
    if not form.is_valid():
        return _norms_page(request, form, 400)
    try:
        set_equipment_norm(
            request.user,
            form.cleaned_data["item"],
            form.cleaned_data["basis"],
            form.cleaned_data["quantity"],
            form.cleaned_data["name"],
        )
    except OversightError as error:
        form.add_error(None, error.message)
        return _norms_page(request, form, 400)
    messages.success(request, _("Equipment norm saved."))
    return redirect("oversight:norms")
