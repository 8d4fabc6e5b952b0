"""The absence register and the conclusions register, from a person's cadre record."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre.errors import CadreError
from canbo.cadre.forms import ConclusionForm, LeaveForm, ReasonForm
from canbo.cadre.scope import people_of, scoped
from canbo.cadre.services.records import record_conclusion
from canbo.core.access import require
from canbo.people.errors import LeaveError
from canbo.people.leave import delete_leave, record_leave
from canbo.people.models import LeavePeriod


def _form_page(request, title: str, person, form, subtitle: str = ""):
    return render(
        request,
        "cadre/form.html",
        {
            "title": title,
            "subtitle": subtitle or f"{person} · {person.organization or ''}",
            "form": form,
            "back": reverse("cadre:person", args=[person.pk]),
        },
    )


def leave_new(request, pk: int):
    require(request.user, "people.leave.manage")
    person = get_object_or_404(people_of(request.user).select_related("organization"), pk=pk)
    form = LeaveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_leave(request.user, person, **form.cleaned_data)
            messages.success(request, _("Leave recorded."))
            return redirect("cadre:person", pk=person.pk)
        except LeaveError as error:
            form.add_error(None, error.message)
    return _form_page(request, _("Record a leave period"), person, form)


def leave_delete(request, pk: int):
    require(request.user, "people.leave.manage")
    leave = get_object_or_404(
        scoped(LeavePeriod.objects.select_related("person"), request.user), pk=pk
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            delete_leave(request.user, leave, form.cleaned_data["reason"])
            messages.success(request, _("Leave period deleted."))
            return redirect("cadre:person", pk=leave.person_id)
        except LeaveError as error:
            form.add_error(None, error.message)
    return _form_page(
        request,
        _("Delete a leave period"),
        leave.person,
        form,
        subtitle=f"{leave.person} — {leave} ({leave.evidence})",
    )


def conclusion_new(request, pk: int):
    require(request.user, "cadre.manage")
    person = get_object_or_404(people_of(request.user).select_related("organization"), pk=pk)
    form = ConclusionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record_conclusion(request.user, person, **form.cleaned_data)
            messages.success(request, _("Conclusion recorded."))
            return redirect("cadre:person", pk=person.pk)
        except CadreError as error:
            form.add_error(None, error.message)
    return _form_page(request, _("Record a conclusion"), person, form)
