"""Workflow of complaints and denunciations: register, accept, conclude or refuse, attach
documents. Each step is audited; a denouncer's identity never goes into the audit log."""

import hashlib
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.access import can
from canbo.core.text import nfc
from canbo.org.models import Organization
from canbo.oversight.complaints import (
    Case,
    CaseDocument,
    CaseKind,
    CaseSource,
    CaseStatus,
    due_dates,
)
from canbo.oversight.errors import OversightError
from canbo.oversight.evidence_files import check_evidence
from canbo.oversight.outcomes import link_outcome
from canbo.people.models import Person

_STATE = ["status", "accepted_on", "closed_on", "result"]


def _text(value: str) -> str:
    return nfc(value or "") or ""


@transaction.atomic
def register_case(
    actor,
    *,
    kind: str,
    number: str,
    received_on: date,
    source: str,
    sender_name: str,
    summary: str,
    organization: Organization,
    handling_body: Organization,
    sender_contact: str = "",
    person: Person | None = None,
) -> Case:
    if not can(actor, "oversight.complaints.manage"):
        raise PermissionDenied
    if kind not in CaseKind.values or source not in CaseSource.values:
        raise OversightError(_("Choose the kind of case and who sent it."))
    if received_on > timezone.localdate():
        raise OversightError(_("The date of receipt cannot be in the future."))
    if not _text(number) or not _text(sender_name) or not _text(summary):
        raise OversightError(_("Give the register number, the sender and the content."))
    if person is not None and not (
        person.organization and person.organization.path.startswith(organization.path)
    ):
        raise OversightError(_("The person concerned does not work in the unit concerned."))
    accept_due, resolve_due = due_dates(kind, received_on)
    case = Case.objects.create(
        kind=kind,
        number=_text(number),
        received_on=received_on,
        source=source,
        sender_name=_text(sender_name),
        sender_contact=_text(sender_contact),
        summary=_text(summary),
        organization=organization,
        person=person,
        handling_body=handling_body,
        accept_due=accept_due,
        resolve_due=resolve_due,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor,
        "oversight.register_case",
        case,
        after={
            "kind": kind,
            "number": case.number,
            "handling_body": handling_body.pk,
            "accept_due": accept_due.isoformat(),
        },
    )
    return case


def _require_handler(actor, case: Case) -> None:
    if not case.is_handler(actor):
        raise PermissionDenied


def _check_day(on: date, case: Case) -> None:
    if on > timezone.localdate():
        raise OversightError(_("The date cannot be in the future."))
    if on < case.received_on:
        raise OversightError(_("The date cannot be before the case was received."))


@transaction.atomic
def accept_case(actor, case: Case, on: date) -> Case:
    _require_handler(actor, case)
    _check_day(on, case)
    if case.status != CaseStatus.RECEIVED:
        raise OversightError(_("Only a received case can be accepted."))
    before = audit.snapshot(case, _STATE)
    case.status, case.accepted_on = CaseStatus.ACCEPTED, on
    case.save(update_fields=["status", "accepted_on"])
    audit.record(actor, "oversight.accept_case", case, before, audit.snapshot(case, _STATE))
    return case


@transaction.atomic
def close_case(actor, case: Case, on: date, result: str, accepted: bool = True) -> Case:
    """Conclude an accepted case with its result, or refuse a received one with the reason."""
    _require_handler(actor, case)
    _check_day(on, case)
    result = _text(result)
    if not result:
        raise OversightError(_("Write the result or the reason."))
    wanted = CaseStatus.ACCEPTED if accepted else CaseStatus.RECEIVED
    if case.status != wanted:
        raise OversightError(_("This case is not at the step where it can be closed so."))
    before = audit.snapshot(case, _STATE)
    case.status = CaseStatus.CONCLUDED if accepted else CaseStatus.REJECTED
    case.closed_on, case.result = on, result
    case.save(update_fields=["status", "closed_on", "result"])
    audit.record(actor, "oversight.close_case", case, before, audit.snapshot(case, _STATE))
    return case


@transaction.atomic
def add_case_document(actor, case: Case, name: str, content: bytes) -> CaseDocument:
    _require_handler(actor, case)
    name, content_type = check_evidence(name, content)
    document = CaseDocument.objects.create(
        case=case,
        name=name,
        content_type=content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor, "oversight.add_case_document", case, after={"file": name, "sha256": document.sha256}
    )
    return document


@transaction.atomic
def link_case_outcome(actor, case: Case, conclusion=None, decision=None) -> Case:
    """Tie a complaint or denunciation to the conclusion or disciplinary decision it led to
    (recorded in the cadre registers): the handling body's personnel office only."""
    if not case.is_handler(actor):
        raise PermissionDenied
    message = _("The record must concern the person named by the case.")
    return link_outcome(actor, case, "oversight.link_case_outcome", message, conclusion, decision)
