"""The page of one commune's agency evaluation and the workflow actions posted from it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.agency import complaints, compute, evaluations, totals, workflow
from canbo.agency.compute_indicators import indicator_lines
from canbo.agency.errors import AgencyError
from canbo.agency.models import AgencyEvaluation, EvaluationStatus, Measure
from canbo.core.access import can, require
from canbo.scoring import LABELS


def evaluation(request, pk: int):
    require(request.user, "agency.view")
    found = get_object_or_404(
        AgencyEvaluation.objects.visible_to(request.user).select_related(
            "organization", "criteria_set", "indicator_set"
        ),
        pk=pk,
    )
    if found.status != EvaluationStatus.PUBLISHED and found.computed_at is None:
        totals.refresh([found])
    scores = list(found.scores.select_related("criterion"))
    inputs = compute.load_inputs(
        found.year, [found.organization], {found.indicator_set_id} - {None}
    )
    user = request.user
    context = {
        "e": found,
        "scores": scores,
        "label": LABELS.get(found.level, ""),
        "lines": indicator_lines(found.organization, inputs, found.indicator_set_id),
        "can_self": can(user, "agency.self_assess") and found.status == EvaluationStatus.DRAFT,
        "can_review": can(user, "agency.review") and found.status == EvaluationStatus.SELF_ASSESSED,
        "can_approve": can(user, "agency.approve") and found.status == EvaluationStatus.REVIEWED,
        "entered": Measure.ENTERED,
        "late": evaluations.late(found.year),
    }
    return render(request, "agency/evaluation.html", context)


@require_POST
def evaluation_action(request, pk: int):
    require(request.user, "agency.view")
    found = get_object_or_404(AgencyEvaluation.objects.visible_to(request.user), pk=pk)
    action = request.POST.get("action", "")
    codes = [s.criterion.code for s in found.scores.select_related("criterion")]
    try:
        handler = ACTIONS.get(action)
        if handler is None:
            raise AgencyError(_("Unknown action."))
        handler(request, found, codes)
    except AgencyError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved."))
    return redirect("agency:evaluation", pk=found.pk)


def _self_assess(request, found: AgencyEvaluation, codes: list[str]) -> None:
    """ "save" keeps the chairman's points; "submit" also sends them for review."""
    require(request.user, "agency.self_assess")
    post = request.POST
    entries = {
        c: (post.get(f"points_{c}", ""), post.get(f"evidence_{c}", ""))
        for c in codes
        if f"points_{c}" in post
    }
    workflow.save_self_assessment(request.user, found, entries)
    if post.get("action") == "submit":
        workflow.submit_self_assessment(request.user, found)


def _review(request, found: AgencyEvaluation, codes: list[str]) -> None:
    require(request.user, "agency.review")
    post = request.POST
    entries = {c: post.get(f"review_{c}", "") for c in codes if f"review_{c}" in post}
    workflow.review_evaluation(request.user, found, entries, post.get("reason", ""))


def _return(request, found: AgencyEvaluation, codes: list[str]) -> None:
    require(request.user, "agency.review")
    workflow.return_evaluation(request.user, found, request.POST.get("reason", ""))


def _approve(request, found: AgencyEvaluation, codes: list[str]) -> None:
    require(request.user, "agency.approve")
    workflow.approve_evaluation(request.user, found)


def _complain(request, found: AgencyEvaluation, codes: list[str]) -> None:
    require(request.user, "agency.self_assess")
    complaints.file_complaint(request.user, found, request.POST.get("reason", ""))


def _resolve(request, found: AgencyEvaluation, codes: list[str]) -> None:
    require(request.user, "agency.approve")
    post = request.POST
    complaint = get_object_or_404(found.complaints, pk=_int(post.get("complaint")))
    complaints.resolve_complaint(
        request.user, complaint, post.get("accept") == "1", post.get("resolution", "")
    )


ACTIONS = {
    "save": _self_assess,
    "submit": _self_assess,
    "review": _review,
    "return": _return,
    "approve": _approve,
    "complain": _complain,
    "resolve": _resolve,
}


def _int(raw) -> int:
    return int(raw) if str(raw or "").isdigit() else 0
