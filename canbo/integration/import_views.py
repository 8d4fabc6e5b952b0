"""Import pages: spreadsheet upload → preview → confirm, edXML upload, kept payloads."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.core import access
from canbo.core.access import can, made_by, require
from canbo.integration.edxml.importer import discard_payload, import_edxml, retry_payload
from canbo.integration.imports import batches, edxml_pick, kinds
from canbo.integration.imports.forms import EdxmlUploadForm, PickHandlerForm, SheetUploadForm
from canbo.integration.imports.models import (
    BatchKind,
    ImportBatch,
    PayloadStatus,
    RejectedPayload,
)
from canbo.integration.imports.reader import MAX_BYTES as SHEET_MAX_BYTES
from canbo.integration.imports.reader import SheetError, inspect
from canbo.integration.imports.scope import Actor
from canbo.work.errors import WorkError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CAPABILITY = {
    BatchKind.TASKS: "integration.import",
    BatchKind.PEOPLE: "integration.import_people",
    BatchKind.DOSSIERS: "integration.import_dossiers",
}
PREVIEW_ROWS = 300


def _kinds(user) -> list[str]:
    return [kind for kind, capability in CAPABILITY.items() if can(user, capability)]


def visible_payloads(user):
    """Kept payloads of organisations in the user's subtree (all of them province-wide)."""
    require(user, "integration.payloads")
    return access.visible_payloads(RejectedPayload.objects.all(), user).select_related("client")


def _batches(user):
    """An upload is seen and confirmed by the one who uploaded it."""
    return made_by(ImportBatch.objects.all(), user, "uploaded_by")


def import_index(request, sheet_form=None, edxml_form=None, status=200):
    require(request.user, "integration.import")
    context = {
        "sheet_form": sheet_form or SheetUploadForm(kinds=_kinds(request.user)),
        "edxml_form": edxml_form or EdxmlUploadForm(),
        "kinds": _kinds(request.user),
        "batches": _batches(request.user).defer("content", "report")[:20],
        "payloads": _own_payloads(request.user)[:50],
        "waiting": _waiting_for_person(request.user)[:50],
        "can_pick": can(request.user, edxml_pick.CAPABILITY),
    }
    return render(request, "integration/import_index.html", context, status=status)


def _own_payloads(user):
    """Pending payloads the user can act on here (those of connected systems are handled on
    their sync status page by integration managers)."""
    payloads = visible_payloads(user).filter(status=PayloadStatus.PENDING).defer("body")
    return payloads if can(user, "integration.manage") else payloads.filter(client__isnull=True)


def _waiting_for_person(user):
    """Packets waiting for a personnel officer to pick their handler (any sender)."""
    if not can(user, edxml_pick.CAPABILITY):
        return RejectedPayload.objects.none()
    return (
        visible_payloads(user)
        .filter(status=PayloadStatus.PENDING)
        .exclude(handler="")
        .defer("body")
    )


def import_template(request, kind: str):
    if kind not in CAPABILITY:
        raise Http404
    require(request.user, CAPABILITY[kind])
    response = HttpResponse(kinds.template_for(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mau-nhap-{kind}.xlsx"'
    return response


@require_POST
def import_upload(request):
    require(request.user, "integration.import")
    form = SheetUploadForm(request.POST, request.FILES, kinds=_kinds(request.user))
    if not form.is_valid():
        return import_index(request, sheet_form=form, status=400)
    upload = form.cleaned_data["file"]
    if upload.size > SHEET_MAX_BYTES:
        form.add_error("file", _("The file is too large (at most 10 MB)."))
        return import_index(request, sheet_form=form, status=400)
    content = upload.read()
    try:
        inspect(content)  # a zip bomb is refused from its directory and never stored
    except SheetError as exc:
        form.add_error("file", exc.message)
        return import_index(request, sheet_form=form, status=400)
    batch = batches.create_batch(request.user, form.cleaned_data["kind"], upload.name, content)
    return redirect("integration:import_batch", batch.pk)


def _batch(request, pk: int) -> ImportBatch:
    require(request.user, "integration.import")
    batch = get_object_or_404(_batches(request.user).defer("content"), pk=pk)
    require(request.user, CAPABILITY[batch.kind])  # a role changed since the upload acts no more
    return batch


def import_batch(request, pk: int):
    batch = _batch(request, pk)
    rows = batch.report
    errors = [row for row in rows if row["errors"]]
    shown = errors + [row for row in rows if not row["errors"]][:PREVIEW_ROWS]
    context = {
        "batch": batch,
        "rows": sorted(shown, key=lambda r: r["row"]),
        "hidden": len(rows) - len(shown),
        "error_count": len(errors),
    }
    response = render(request, "integration/import_batch.html", context)
    if batch.running and not batch.interrupted:
        response["Refresh"] = "2"  # the status page reloads itself until the work is done
    return response


@require_POST
def import_commit(request, pk: int):
    batch = _batch(request, pk)
    try:
        batches.confirm_batch(request.user, batch)
    except SheetError as exc:
        messages.error(request, exc.message)
    return redirect("integration:import_batch", pk)


@require_POST
def import_retry(request, pk: int):
    batch = _batch(request, pk)
    try:
        batches.retry_batch(request.user, batch)
    except SheetError as exc:
        messages.error(request, exc.message)
    return redirect("integration:import_batch", pk)


@require_POST
def import_discard(request, pk: int):
    batch = _batch(request, pk)
    try:
        batches.discard_batch(request.user, batch)
        messages.success(request, _("The import was cancelled: nothing was written."))
    except SheetError as exc:
        messages.error(request, exc.message)
    return redirect("integration:import_batch", pk)


@require_POST
def import_edxml_files(request):
    require(request.user, "integration.import")
    form = EdxmlUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return import_index(request, edxml_form=form, status=400)
    actor = Actor(request.user)
    reports = [
        import_edxml(actor, upload, upload.name, "upload") for upload in form.cleaned_data["files"]
    ]
    return render(
        request,
        "integration/import_edxml.html",
        {"reports": reports, "failed": sum(not r.ok for r in reports)},
    )


def _payload(request, pk: int) -> RejectedPayload:
    payload = get_object_or_404(visible_payloads(request.user), pk=pk)
    if payload.client_id and not can(request.user, "integration.manage"):
        raise Http404  # a connected system's payloads are handled on its sync status page
    return payload


def _back(payload: RejectedPayload):
    if payload.client_id:
        return redirect("integration:client", payload.client_id)
    return redirect("integration:imports")


@require_POST
def payload_retry(request, pk: int):
    payload = _payload(request, pk)
    if payload.status != PayloadStatus.PENDING or not payload.body:
        messages.error(request, _("This payload is no longer waiting."))
        return _back(payload)
    report = retry_payload(request.user, payload)
    (messages.success if report.ok else messages.error)(
        request, f"{report.label}. {report.message}"
    )
    return _back(payload)


@require_POST
def payload_discard(request, pk: int):
    payload = _payload(request, pk)
    if payload.status != PayloadStatus.PENDING:
        messages.error(request, _("This payload is no longer waiting."))
    else:
        discard_payload(request.user, payload, request.POST.get("reason", "")[:500])
        messages.success(request, _("Payload discarded."))
    return _back(payload)


def payload_handler(request, pk: int):
    """Pick the person a waiting status packet names (remembered for later packets)."""
    require(request.user, edxml_pick.CAPABILITY)
    payload = get_object_or_404(visible_payloads(request.user), pk=pk)
    try:
        packet, org = edxml_pick.waiting_packet(request.user, payload)
    except WorkError as exc:
        messages.error(request, exc.message)
        return redirect("integration:imports")
    people = edxml_pick.choices(request.user, org)
    form = PickHandlerForm(request.POST if request.method == "POST" else None, people=people)
    if request.method == "POST" and form.is_valid():
        reports = edxml_pick.pick_handler(request.user, payload, form.cleaned_data["person"])
        for report in reports:
            (messages.success if report.ok else messages.error)(
                request, f"{report.name}: {report.label}. {report.message}"
            )
        return redirect("integration:imports")
    context = {"payload": payload, "packet": packet, "org": org, "form": form}
    return render(
        request, "integration/payload_handler.html", context, status=400 if form.errors else 200
    )
