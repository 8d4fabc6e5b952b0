"""The candidates of a recruitment round: applying, their result, their appointment."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.models import RecruitmentCandidate, RecruitmentRound
from canbo.cadre.pipeline_forms import AppointForm, CandidateForm, ResultForm
from canbo.cadre.services.appointment import appoint_candidate, qualification_problems
from canbo.cadre.services.recruitment import record_result
from canbo.cadre.views.recruitment import round_of
from canbo.core import audit
from canbo.core.access import require


def candidate_add(request, pk: int):
    require(request.user, "cadre.manage")
    record = round_of(request, pk)
    form = CandidateForm(request.POST or None, round=record)
    if request.method == "POST" and form.is_valid():
        candidate = form.save()
        audit.record(
            request.user, "cadre.add_recruitment_candidate", candidate, after={"round": record.pk}
        )
        return redirect("cadre:round_detail", pk=pk)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Add an applicant"),
            "form": form,
            "subtitle": str(record),
            "back": reverse("cadre:round_detail", args=[pk]),
        },
    )


def _candidate(request, pk: int) -> RecruitmentCandidate:
    return get_object_or_404(
        RecruitmentCandidate.objects.filter(
            position__round__in=RecruitmentRound.objects.visible_to(request.user)
        ).select_related("position__round", "position__organization", "position__job_position"),
        pk=pk,
    )


def candidate_result(request, pk: int):
    require(request.user, "cadre.manage")
    candidate = _candidate(request, pk)
    form = ResultForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_result(
            request.user, candidate, form.cleaned_data["score"], form.cleaned_data["passed"]
        )
        return redirect("cadre:round_detail", pk=candidate.position.round_id)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Record the result"),
            "subtitle": str(candidate),
            "form": form,
            "back": reverse("cadre:round_detail", args=[candidate.position.round_id]),
        },
    )


def candidate_appoint(request, pk: int):
    require(request.user, "cadre.manage")
    candidate = _candidate(request, pk)
    form = AppointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = appoint_candidate(
                request.user,
                candidate,
                data["code"].strip(),
                data["start"],
                data["decision"],
                clock.today(),
            )
            messages.success(
                request,
                _("%(name)s is appointed; the post is recorded.") % {"name": person.full_name},
            )
            return redirect("cadre:round_detail", pk=candidate.position.round_id)
        except CadreError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Appoint the candidate"),
            "subtitle": str(candidate),
            "form": form,
            "warnings": qualification_problems(candidate),
            "back": reverse("cadre:round_detail", args=[candidate.position.round_id]),
        },
    )
