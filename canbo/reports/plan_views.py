"""Downloads of the periodic report on the plan (.docx ready to sign, .xlsx beside it)."""

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from canbo.core.access import require
from canbo.oversight.models import PlanAction, PlanReport
from canbo.oversight.report_table import plan_workbook
from canbo.oversight.tracking import plan_states
from canbo.reports.docx_common import DOCX_TYPE
from canbo.reports.plan_report import plan_document, report_for

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period(request) -> tuple[date, PlanReport | None]:
    require(request.user, "oversight.plan.view")
    today = timezone.localdate()
    raw = request.GET.get("report", "")
    if raw:
        if not raw.isdigit():
            raise Http404
        report = get_object_or_404(PlanReport.objects.visible_to(request.user), pk=int(raw))
        return min(report.as_of, today), report
    try:
        as_of = (
            date.fromisoformat(request.GET.get("as_of", "")) if request.GET.get("as_of") else today
        )
    except ValueError:
        raise Http404 from None
    return as_of, report_for(as_of)


def _download(content: bytes, name: str, kind: str) -> HttpResponse:
    reply = HttpResponse(content, content_type=kind)
    reply["Content-Disposition"] = f'attachment; filename="{name}"'
    return reply


def plan_docx(request):
    as_of, report = _period(request)
    states = plan_states(PlanAction.objects.visible_to(request.user), as_of)
    return _download(
        plan_document(as_of, report, states), f"bao-cao-05-{as_of:%Y%m%d}.docx", DOCX_TYPE
    )


def plan_xlsx(request):
    as_of, _report = _period(request)
    states = plan_states(PlanAction.objects.visible_to(request.user), as_of)
    return _download(plan_workbook(as_of, states), f"bao-cao-05-{as_of:%Y%m%d}.xlsx", XLSX_TYPE)
