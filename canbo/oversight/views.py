"""The plan tracker's pages: actions, one action (its progress, evidence and findings), the
findings list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.core.access import can, require
from canbo.oversight import report_table, xlsx
from canbo.oversight.errors import OversightError
from canbo.oversight.finding_services import write_finding
from canbo.oversight.forms import (
    ActionFilterForm,
    ActionUpdateForm,
    EvidenceForm,
    FindingForm,
)
from canbo.oversight.models import Evidence, Finding, FollowUp, PlanAction
from canbo.oversight.plan_services import add_evidence, update_action
from canbo.oversight.tracking import plan_states
from canbo.people.services import log_personal_data_access


def actions(request):
    require(request.user, "oversight.plan.view")
    form = ActionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    today = timezone.localdate()
    as_of = data.get("as_of") or today
    rows = PlanAction.objects.visible_to(request.user)
    if data.get("section"):
        rows = rows.filter(section__startswith=data["section"].strip())
    if data.get("mine"):
        rows = rows.filter(pk__in=PlanAction.objects.updatable_by(request.user))
    states = plan_states(rows, as_of, cached=True)
    if data.get("status"):
        states = [s for s in states if s.status == data["status"]]
    if data.get("overdue"):
        states = [s for s in states if s.overdue]
    if request.GET.get("format") == "xlsx":
        return xlsx.response(
            report_table.plan_workbook(as_of, states), f"ke-hoach-05-{as_of:%Y%m%d}.xlsx"
        )
    return render(
        request,
        "oversight/actions.html",
        {
            "form": form,
            "states": states,
            "as_of": as_of,
            "overdue": sum(s.overdue for s in states),
            "query": _query(request),
            "can_report": can(request.user, "oversight.plan.report"),
        },
    )


def action(request, pk: int):
    require(request.user, "oversight.plan.view")
    item = get_object_or_404(PlanAction.objects.visible_to(request.user), pk=pk)
    return _detail(request, item)


def _detail(request, item: PlanAction, status: int = 200, **forms) -> HttpResponse:
    today = timezone.localdate()
    state = plan_states([item], today, cached=True)[0]
    found = list(
        Finding.objects.visible_to(request.user)
        .filter(action=item)
        .select_related("person", "organization")
    )
    _log_people(request, found)
    context = {
        "state": state,
        "action": item,
        "owner": PlanAction.objects.updatable_by(request.user).filter(pk=item.pk).exists(),
        "updates": item.updates.select_related("author").order_by("-on", "-id"),
        "evidence": item.evidence.defer("content"),
        "findings": found,
        "today": today,
        "update_form": ActionUpdateForm(initial={"on": today, "status": state.status}),
        "evidence_form": EvidenceForm(),
        "finding_form": FindingForm(initial={"on": today})
        if can(request.user, "oversight.findings.write")
        else None,
    }
    context.update(forms)
    return render(request, "oversight/action.html", context, status=status)


def _owned(request, pk: int) -> PlanAction:
    require(request.user, "oversight.plan.update")
    found = PlanAction.objects.updatable_by(request.user).filter(pk=pk).first()
    if found is None:
        if PlanAction.objects.visible_to(request.user).filter(pk=pk).exists():
            raise PermissionDenied
        raise Http404
    return found


@require_POST
def action_update(request, pk: int):
    item = _owned(request, pk)
    form = ActionUpdateForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, 400, update_form=form)
    try:
        update_action(request.user, item, **form.cleaned_data)
    except OversightError as error:
        form.add_error(None, error.message)
        return _detail(request, item, 400, update_form=form)
    messages.success(request, _("Progress recorded."))
    return redirect("oversight:action", pk=item.pk)


@require_POST
def evidence_add(request, pk: int):
    item = _owned(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, item, 400, evidence_form=form)
    upload = form.cleaned_data["file"]
    try:
        add_evidence(
            request.user, item, upload.name, upload.read(), form.cleaned_data["description"]
        )
    except OversightError as error:
        form.add_error(None, error.message)
        return _detail(request, item, 400, evidence_form=form)
    messages.success(request, _("Evidence file added."))
    return redirect("oversight:action", pk=item.pk)


def evidence(request, pk: int):
    require(request.user, "oversight.plan.view")
    found = get_object_or_404(
        Evidence.objects.filter(action__in=PlanAction.objects.visible_to(request.user)), pk=pk
    )
    reply = HttpResponse(bytes(found.content), content_type=found.content_type)
    reply["Content-Disposition"] = f'attachment; filename="evidence-{found.pk}"'
    reply["X-Content-Type-Options"] = "nosniff"
    return reply


@require_POST
def finding_add(request, pk: int):
    require(request.user, "oversight.findings.write")
    item = get_object_or_404(PlanAction.objects.visible_to(request.user), pk=pk)
    form = FindingForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, 400, finding_form=form)
    try:
        write_finding(request.user, action=item, **form.cleaned_data)
    except OversightError as error:
        form.add_error(None, error.message)
        return _detail(request, item, 400, finding_form=form)
    messages.success(request, _("Finding recorded."))
    return redirect("oversight:action", pk=item.pk)


def findings(request):
    require(request.user, "oversight.plan.view")
    today = timezone.localdate()
    rows = Finding.objects.visible_to(request.user).select_related(
        "action", "organization", "person"
    )
    if request.GET.get("overdue"):
        rows = rows.filter(follow_up=FollowUp.OPEN, due__lt=today)
    rows = list(rows[:500])
    _log_people(request, rows)
    if request.GET.get("format") == "xlsx":
        return _findings_export(rows, today)
    return render(
        request, "oversight/findings.html", {"rows": rows, "today": today, "query": _query(request)}
    )


def _findings_export(rows: list[Finding], today) -> HttpResponse:
    """The findings list as .xlsx, as the page shows it."""
    table = [
        [
            f"{f.on:%d/%m/%Y}",
            f.action.code if f.action else "",
            str(f.organization or ""),
            str(f.person or ""),
            f.text,
            f.required_action,
            f"{f.due:%d/%m/%Y}" if f.due else "",
            f.get_follow_up_display(),
            _("Yes") if f.overdue_on(today) else "",
        ]
        for f in rows
    ]
    headers = [
        _("Date"),
        _("Plan action"),
        _("Unit concerned"),
        _("Person concerned"),
        _("Finding"),
        _("Required action"),
        _("Due"),
        _("Follow-up"),
        _("Overdue"),
    ]
    return xlsx.response(
        xlsx.workbook(
            _("Supervision findings"), headers, table, [12, 10, 24, 24, 50, 40, 12, 14, 10]
        ),
        "ket-luan-giam-sat.xlsx",
    )


def _log_people(request, rows) -> None:
    ids = [row.person_id for row in rows if row.person_id]
    if ids:
        log_personal_data_access(request, ids, "oversight.finding")


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("format", None)
    return query.urlencode()
