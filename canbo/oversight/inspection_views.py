"""Inspections and supervision: plans of a commune or on a topic, their findings, the
required actions and their follow-up, and the records findings led to."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from canbo.core.access import can, require
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight import xlsx
from canbo.oversight.errors import OversightError
from canbo.oversight.finding_services import (
    conclude_inspection,
    create_inspection,
    link_finding_outcome,
    remedy_finding,
    write_finding,
)
from canbo.oversight.forms import DATE, FindingForm
from canbo.oversight.models import Finding, Inspection, InspectionKind
from canbo.oversight.outcomes import posted_record, record_choices
from canbo.people.models import Person
from canbo.people.services import log_personal_data_access


class InspectionForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind of inspection"), choices=InspectionKind.choices
    )
    title = forms.CharField(label=gettext_lazy("Name of the inspection"), max_length=255)
    topic = forms.CharField(label=gettext_lazy("Topic"), required=False, max_length=200)
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Commune inspected"),
        required=False,
        queryset=Organization.objects.filter(kind__in=COMMUNE_KINDS),
    )
    body = forms.CharField(label=gettext_lazy("Inspecting body"), max_length=200)
    start = forms.DateField(label=gettext_lazy("Start"), widget=DATE)
    end = forms.DateField(label=gettext_lazy("End"), widget=DATE)


class InspectionFindingForm(FindingForm):
    person = forms.ModelChoiceField(
        label=gettext_lazy("Person concerned (code)"),
        required=False,
        queryset=Person.objects.all(),
        to_field_name="code",
        widget=forms.TextInput,
    )


class TextForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Note"), max_length=2000)


def inspections(request):
    require(request.user, "oversight.plan.view")
    rows = list(Inspection.objects.visible_to(request.user).select_related("organization")[:500])
    if request.GET.get("format") == "xlsx":
        headers = [
            _("Kind of inspection"),
            _("Title"),
            _("Topic"),
            _("Commune inspected"),
            _("Inspecting body"),
            _("Start"),
            _("End"),
            _("Status"),
            _("Conclusion number"),
        ]
        table = [
            [
                i.get_kind_display(),
                i.title,
                i.topic,
                str(i.organization or ""),
                i.body,
                f"{i.start:%d/%m/%Y}",
                f"{i.end:%d/%m/%Y}",
                i.get_status_display(),
                i.conclusion_number,
            ]
            for i in rows
        ]
        return xlsx.response(
            xlsx.workbook(_("Inspections"), headers, table, [12, 40, 24, 24, 28, 12, 12, 14, 16]),
            "kiem-tra-giam-sat.xlsx",
        )
    return render(
        request,
        "oversight/inspections.html",
        {"rows": rows, "can_create": can(request.user, "oversight.findings.write")},
    )


def inspection_new(request):
    require(request.user, "oversight.findings.write")
    form = InspectionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                found = create_inspection(request.user, **form.cleaned_data)
                messages.success(request, _("Inspection planned."))
                return redirect("oversight:inspection", pk=found.pk)
            except OversightError as error:
                form.add_error(None, error.message)
        return render(
            request,
            "oversight/case_form.html",
            {"form": form, "title": _("Plan an inspection")},
            status=400,
        )
    return render(
        request, "oversight/case_form.html", {"form": form, "title": _("Plan an inspection")}
    )


def inspection(request, pk: int):
    require(request.user, "oversight.plan.view")
    found = get_object_or_404(Inspection.objects.visible_to(request.user), pk=pk)
    return _detail(request, found)


def _detail(request, found: Inspection, status: int = 200, **forms_) -> HttpResponse:
    findings = list(
        Finding.objects.visible_to(request.user)
        .filter(inspection=found)
        .select_related("person", "organization", "conclusion", "decision")
    )
    ids = [f.person_id for f in findings if f.person_id]
    if ids:
        log_personal_data_access(request, ids, "oversight.finding")
    writer = can(request.user, "oversight.findings.write")
    records = record_choices(request.user, ids)
    rows = [(f, records.get(f.person_id, [])) for f in findings]
    context = {
        "inspection": found,
        "rows": rows,
        "writer": writer,
        "today": timezone.localdate(),
        "finding_form": InspectionFindingForm(initial={"on": timezone.localdate()})
        if writer
        else None,
        "conclude_form": TextForm() if writer else None,
    }
    context.update(forms_)
    return render(request, "oversight/inspection.html", context, status=status)


@require_POST
def inspection_finding(request, pk: int):
    require(request.user, "oversight.findings.write")
    found = get_object_or_404(Inspection.objects.visible_to(request.user), pk=pk)
    form = InspectionFindingForm(request.POST)
    if not form.is_valid():
        return _detail(request, found, 400, finding_form=form)
    try:
        write_finding(request.user, inspection=found, **form.cleaned_data)
    except OversightError as error:
        form.add_error(None, error.message)
        return _detail(request, found, 400, finding_form=form)
    messages.success(request, _("Finding recorded."))
    return redirect("oversight:inspection", pk=found.pk)


@require_POST
def inspection_conclude(request, pk: int):
    require(request.user, "oversight.findings.write")
    found = get_object_or_404(Inspection.objects.visible_to(request.user), pk=pk)
    form = TextForm(request.POST)
    try:
        if not form.is_valid():
            raise OversightError(_("Give the number of the conclusion."))
        conclude_inspection(request.user, found, form.cleaned_data["text"])
    except OversightError as error:
        form.add_error(None, error.message)
        return _detail(request, found, 400, conclude_form=form)
    messages.success(request, _("Inspection concluded."))
    return redirect("oversight:inspection", pk=found.pk)


def _finding(request, pk: int) -> Finding:
    return get_object_or_404(Finding.objects.visible_to(request.user), pk=pk)


@require_POST
def finding_remedy(request, pk: int):
    require(request.user, "oversight.findings.write")
    found = _finding(request, pk)
    form = TextForm(request.POST)
    try:
        if not form.is_valid():
            raise OversightError(_("Say how the finding was remedied."))
        remedy_finding(request.user, found, form.cleaned_data["text"])
    except OversightError as error:
        messages.error(request, error.message)
        return HttpResponse(error.message, status=400)
    messages.success(request, _("Finding marked as remedied."))
    return redirect(_back(found))


@require_POST
def finding_outcome(request, pk: int):
    require(request.user, "cadre.manage")
    found = _finding(request, pk)
    try:
        link_finding_outcome(request.user, found, **posted_record(request))
    except OversightError as error:
        return HttpResponse(error.message, status=400)
    messages.success(request, _("Finding linked to its outcome."))
    return redirect(_back(found))


def _back(found: Finding) -> str:
    if found.inspection_id:
        return reverse("oversight:inspection", args=[found.inspection_id])
    return reverse("oversight:findings")
