"""Complaints (khiếu nại) against a published result, within the period's window."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from canbo.core import audit
from canbo.evaluation.choices import STEP_FROM, ComplaintStatus, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import Complaint, EvaluationSheet
from canbo.evaluation.notify import notify
from canbo.evaluation.permissions import can_resolve_complaint, can_self_assess
from canbo.evaluation.services.sheets import _locked_for_update
from canbo.evaluation.services.staleness import refresh_leaders


def complaint_deadline(sheet: EvaluationSheet):
    if sheet.approved_at is None:
        return None
    return timezone.localdate(sheet.approved_at) + timedelta(days=sheet.period.complaint_days)


@transaction.atomic
def file_complaint(actor, sheet: EvaluationSheet, reason: str) -> Complaint:
    sheet = _locked_for_update(sheet, None)
    if not can_self_assess(actor, sheet):
        raise EvaluationError("Chỉ người được đánh giá mới có thể khiếu nại kết quả của mình.")
    if sheet.status not in STEP_FROM["complain"]:
        raise EvaluationError("Chỉ khiếu nại được kết quả đã công bố.")
    if timezone.localdate() > complaint_deadline(sheet):
        raise EvaluationError("Đã hết thời hạn khiếu nại.")
    if not reason.strip():
        raise EvaluationError("Cần nêu lý do khiếu nại.")
    complaint = Complaint.objects.create(sheet=sheet, filed_by=actor, reason=reason.strip())
    sheet.status = SheetStatus.CONTESTED
    sheet.version += 1
    sheet.save(update_fields=["status", "version"])
    audit.record(actor, "evaluation.file_complaint", sheet,
                 {"status": SheetStatus.PUBLISHED}, {"status": sheet.status}, reason=reason)
    return complaint


@transaction.atomic
def resolve_complaint(actor, complaint: Complaint, accepted: bool, resolution: str) -> Complaint:
    """Accepted: the sheet goes back to review to be corrected. Rejected: result stands."""
    sheet = _locked_for_update(complaint.sheet, None)
    if not can_resolve_complaint(actor, sheet):
        raise EvaluationError("Bạn không có quyền giải quyết khiếu nại này.")
    if complaint.status != ComplaintStatus.OPEN:
        raise EvaluationError("Khiếu nại này đã được giải quyết.")
    if not resolution.strip():
        raise EvaluationError("Cần ghi nội dung giải quyết khiếu nại.")
    complaint.status = ComplaintStatus.ACCEPTED if accepted else ComplaintStatus.REJECTED
    complaint.resolution, complaint.resolved_by = resolution.strip(), actor
    complaint.resolved_at = timezone.now()
    complaint.save()
    before = {"status": sheet.status}
    sheet.status = SheetStatus.SELF_ASSESSED if accepted else SheetStatus.PUBLISHED
    sheet.version += 1
    sheet.save(update_fields=["status", "version"])
    audit.record(actor, "evaluation.resolve_complaint", sheet, before,
                 {"status": sheet.status}, reason=resolution)
    _notify(sheet, complaint)
    if accepted:
        refresh_leaders(actor, sheet)
    return complaint


def _notify(sheet: EvaluationSheet, complaint: Complaint) -> None:
    profile = getattr(sheet.person, "profile", None)
    if profile is not None:
        notify([profile.user_id], url=f"/evaluation/sheets/{sheet.pk}/",
               text=f"Khiếu nại về kết quả {sheet.period}: {complaint.get_status_display()}.")
