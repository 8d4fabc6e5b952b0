"""The evaluation sheet page and its workflow actions."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.access import require
from canbo.evaluation.choices import STEP_FROM, ComplaintStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.forms import (
    ApprovalForm,
    ComplaintForm,
    ResolutionForm,
    ReviewForm,
    SelfAssessmentForm,
)
from canbo.evaluation.history import sheet_history
from canbo.evaluation.models import EvaluationSheet, Notification
from canbo.evaluation.permissions import (
    can_approve,
    can_resolve_complaint,
    can_review,
    can_self_assess,
)
from canbo.evaluation.services import complaints, sheets
from canbo.evaluation.services.complaints import complaint_deadline
from canbo.evaluation.services.general import general_rows
from canbo.evaluation.services.result import displayed_result
from canbo.evaluation.signals import collect, sheet_panels
from canbo.people.services import log_personal_data_view
from canbo.work.models import Task

# What each action did, said to the user after it succeeds.
DONE = {
    "self": _("Saved: your self-assessment was sent for review."),
    "review": _("Saved: the review was recorded and the sheet goes to approval."),
    "approve": _("Saved: the result was approved and published to the person."),
    "complain": _("Saved: your complaint was sent to the approver."),
    "resolve": _("Saved: the complaint was resolved."),
}


def _sheet(request, pk: int) -> EvaluationSheet:
    require(request.user, "evaluation.sheet")
    queryset = EvaluationSheet.objects.visible_to(request.user).select_related(
        "period__organization",
        "person__organization",
        "person__title",
        "person__job_position",
        "reviewed_by",
        "approved_by",
    )
    return get_object_or_404(queryset, pk=pk)


def _window_open(sheet) -> bool:
    """The complaint form is offered only while the complaint window is open."""
    deadline = complaint_deadline(sheet)
    return deadline is None or timezone.localdate() <= deadline


def _forms(user, sheet: EvaluationSheet, data=None, action: str = "") -> dict:
    """The forms this user may use on this sheet now; the posted one keeps its data."""

    def bound(name):
        return data if action == name else None

    if sheet.period.is_locked:
        return {}
    status, initial, forms = sheet.status, {"version": sheet.version}, {}

    def offered(step: str, allowed: bool) -> bool:
        return allowed and status in STEP_FROM[step]

    if offered("self", can_self_assess(user, sheet)):
        forms["self"] = SelfAssessmentForm(
            bound("self"),
            sheet=sheet,
            initial={**initial, "comment": sheet.self_comment, "evidence": sheet.evidence},
        )
    if offered("review", can_review(user, sheet)):
        forms["review"] = ReviewForm(
            bound("review"),
            sheet=sheet,
            initial={
                **initial,
                "comment": sheet.review_comment,
                "collective_comment": sheet.collective_comment,
            },
        )
    if offered("approve", can_approve(user, sheet)):
        forms["approve"] = ApprovalForm(bound("approve"), initial=initial)
    if offered("complain", can_self_assess(user, sheet)) and _window_open(sheet):
        forms["complain"] = ComplaintForm(bound("complain"))
    if offered("resolve", can_resolve_complaint(user, sheet)):
        forms["resolve"] = ResolutionForm(bound("resolve"))
    return forms


def sheet_detail(request, pk: int):
    sheet = _sheet(request, pk)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    forms = _forms(request.user, sheet, request.POST or None, action)
    log_personal_data_view(request, sheet.person, "evaluation.sheet")
    if action:
        form = forms.get(action)
        if form is None:
            messages.error(request, _("You cannot take this action on the sheet."))
            return redirect("evaluation:sheet", pk=sheet.pk)
        if form.is_valid() and _act(request, sheet, action, form):
            return redirect(reverse("evaluation:sheet", args=[sheet.pk]) + "#messages")
    else:  # the notifications that point here have been seen
        Notification.objects.filter(
            user=request.user, url=request.path, read_at__isnull=True
        ).update(read_at=timezone.now())
    return render(request, "evaluation/sheet.html", _context(request, sheet, forms))


def _act(request, sheet, action: str, form) -> bool:
    user, data = request.user, form.cleaned_data
    try:
        if action == "self":
            sheets.submit_self_assessment(
                user, sheet, form.points(), data["comment"], data["evidence"], data["version"]
            )
        elif action == "review":
            sheets.review_sheet(
                user,
                sheet,
                form.points(),
                form.reasons(),
                data["comment"],
                data["collective_comment"],
                data.get("organising", "full"),
                data.get("third", "full"),
                data["version"],
            )
        elif action == "approve":
            sheets.approve_sheet(user, sheet, data["comment"], data["version"])
        elif action == "complain":
            complaints.file_complaint(user, sheet, data["reason"])
        elif action == "resolve":
            complaint = sheet.complaints.filter(status=ComplaintStatus.OPEN).first()
            complaints.resolve_complaint(
                user, complaint, data["decision"] == "accept", data["resolution"]
            )
    except EvaluationError as exc:  # shown at the top of the form that was sent
        form.add_error(None, exc.message)
        return False
    messages.success(request, DONE[action])
    return True


def _context(request, sheet: EvaluationSheet, forms: dict) -> dict:
    result = displayed_result(sheet)
    tasks = (
        Task.objects.visible_to(request.user)
        .filter(assignee=sheet.person, period=sheet.period.start)
        .order_by("due_date", "id")
    )
    return {
        "sheet": sheet,
        "result": result,
        "criteria_rows": general_rows(sheet),
        "forms": forms,
        "tasks": tasks,
        "complaints": sheet.complaints.select_related("resolved_by"),
        "complaint_deadline": complaint_deadline(sheet),
        "history": sheet_history(sheet),
        "panels": collect(sheet_panels, sheet=sheet, user=request.user),
    }
