"""Pages of the complaints and denunciations register."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.core.access import can, require, writable_orgs
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight import xlsx
from canbo.oversight.case_forms import CaseActForm, CaseFilterForm, CaseForm
from canbo.oversight.case_services import (
    accept_case,
    add_case_document,
    close_case,
    link_case_outcome,
    register_case,
)
from canbo.oversight.complaints import OPEN_STATUSES, Case, CaseDocument
from canbo.oversight.errors import OversightError
from canbo.oversight.forms import EvidenceForm
from canbo.oversight.outcomes import posted_record, record_choices
from canbo.people.models import Person
from canbo.people.services import log_personal_data_access

HIDDEN = "***"


def cases(request):
    require(request.user, "oversight.complaints.view")
    today = timezone.localdate()
    form = CaseFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    rows = Case.objects.visible_to(request.user).select_related(
        "organization", "person", "handling_body"
    )
    if data.get("kind"):
        rows = rows.filter(kind=data["kind"])
    if data.get("status"):
        rows = rows.filter(status=data["status"])
    if data.get("overdue"):
        rows = rows.filter(
            Q(status="received", accept_due__lt=today) | Q(status="accepted", resolve_due__lt=today)
        )
    rows = list(rows[:500])
    ids = [r.person_id for r in rows if r.person_id]
    if ids:
        log_personal_data_access(request, ids, "oversight.case")
    shown = [
        (r, r.sender_name if r.identity_visible_to(request.user) else HIDDEN, r.overdue_on(today))
        for r in rows
    ]
    if request.GET.get("format") == "xlsx":
        headers = [
            _("Register number"),
            _("Kind"),
            _("Received on"),
            _("Sender's name"),
            _("Unit concerned"),
            _("Person concerned"),
            _("Handling body"),
            _("Status"),
            _("Due"),
            _("Overdue"),
            _("Result"),
        ]
        table = [
            [
                c.number,
                c.get_kind_display(),
                f"{c.received_on:%d/%m/%Y}",
                sender,
                str(c.organization),
                str(c.person or ""),
                str(c.handling_body),
                c.get_status_display(),
                f"{c.due_on():%d/%m/%Y}" if c.due_on() else "",
                _("Yes") if late else "",
                c.result,
            ]
            for c, sender, late in shown
        ]
        return xlsx.response(
            xlsx.workbook(
                _("Complaints and denunciations"),
                headers,
                table,
                [14, 12, 12, 24, 24, 24, 24, 16, 12, 8, 40],
            ),
            "khieu-nai-to-cao.xlsx",
        )
    return render(
        request,
        "oversight/cases.html",
        {
            "form": form,
            "rows": shown,
            "query": _query(request),
            "can_register": can(request.user, "oversight.complaints.manage"),
        },
    )


def _choices(user):
    orgs = Organization.objects.visible_to(user)
    # A case is registered with a body of one's own subtree (the province: any).
    bodies = writable_orgs(orgs.filter(Q(kind__in=COMMUNE_KINDS) | Q(depth__lte=1)), user)
    return {"orgs": orgs, "bodies": bodies, "people": Person.objects.visible_to(user)}


def case_new(request):
    require(request.user, "oversight.complaints.manage")
    form = CaseForm(request.POST or None, **_choices(request.user))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                case = register_case(request.user, **form.cleaned_data)
                messages.success(request, _("Case registered."))
                return redirect("oversight:case", pk=case.pk)
            except OversightError as error:
                form.add_error(None, error.message)
        status = 400
    return render(request, "oversight/case_form.html", {"form": form}, status=status)


def case(request, pk: int):
    require(request.user, "oversight.complaints.view")
    item = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
    return _detail(request, item)


def _detail(request, item: Case, status: int = 200, **forms) -> HttpResponse:
    if item.person_id:
        log_personal_data_access(request, [item.person_id], "oversight.case")
    handler = item.is_handler(request.user)
    context = {
        "case": item,
        "handler": handler,
        "identity": item.identity_visible_to(request.user),
        "overdue": item.overdue_on(timezone.localdate()),
        "open": item.status in OPEN_STATUSES,
        "documents": item.documents.defer("content"),
        "act_form": CaseActForm(initial={"on": timezone.localdate()}),
        "document_form": EvidenceForm(),
        "outcomes": _outcomes(request, item) if handler else [],
    }
    context.update(forms)
    return render(request, "oversight/case.html", context, status=status)


def _outcomes(request, item: Case) -> list[tuple[str, str]]:
    """The person's conclusions and disciplinary decisions the case may be tied to."""
    return record_choices(request.user, [item.person_id] if item.person_id else []).get(
        item.person_id, []
    )


@require_POST
def case_outcome(request, pk: int):
    require(request.user, "cadre.manage")
    item = _handled(request, pk)
    try:
        link_case_outcome(request.user, item, **posted_record(request))
    except OversightError as error:
        return _detail(request, item, 400, outcome_error=error.message)
    messages.success(request, _("Case linked to its outcome."))
    return redirect("oversight:case", pk=item.pk)


def _handled(request, pk: int) -> Case:
    require(request.user, "oversight.complaints.manage")
    item = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
    if not item.is_handler(request.user):
        raise PermissionDenied
    return item


@require_POST
def case_act(request, pk: int):
    item = _handled(request, pk)
    form = CaseActForm(request.POST)
    if not form.is_valid():
        return _detail(request, item, 400, act_form=form)
    data = form.cleaned_data
    try:
        if data["step"] == "accept":
            accept_case(request.user, item, data["on"])
        else:
            close_case(
                request.user, item, data["on"], data["result"], accepted=data["step"] == "conclude"
            )
    except OversightError as error:
        form.add_error(None, error.message)
        return _detail(request, item, 400, act_form=form)
    messages.success(request, _("Case updated."))
    return redirect("oversight:case", pk=item.pk)


@require_POST
def case_document_add(request, pk: int):
    item = _handled(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, item, 400, document_form=form)
    upload = form.cleaned_data["file"]
    try:
        add_case_document(request.user, item, upload.name, upload.read())
    except OversightError as error:
        form.add_error(None, error.message)
        return _detail(request, item, 400, document_form=form)
    messages.success(request, _("Evidence file added."))
    return redirect("oversight:case", pk=item.pk)


def case_document(request, pk: int):
    require(request.user, "oversight.complaints.view")
    found = get_object_or_404(
        CaseDocument.objects.filter(case__in=Case.objects.visible_to(request.user)), pk=pk
    )
    if not found.case.is_handler(request.user):
        raise PermissionDenied  # the file may name the sender
    reply = HttpResponse(bytes(found.content), content_type=found.content_type)
    reply["Content-Disposition"] = f'attachment; filename="case-document-{found.pk}"'
    reply["X-Content-Type-Options"] = "nosniff"
    return reply


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("format", None)
    return query.urlencode()
