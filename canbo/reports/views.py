"""Downloads: the official forms (.docx) and the unit's summary table (.xlsx).

Rows come through the same `visible_to(user)` querysets as the pages: outside one's scope
the answer is 404, as for the page itself.
"""

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify

from canbo.core.access import own_org, require
from canbo.evaluation.models import AnnualResult, EvaluationPeriod, EvaluationSheet
from canbo.org.models import Organization
from canbo.people.services import log_personal_data_access, log_personal_data_view
from canbo.reports.docx_annual import annual_document
from canbo.reports.docx_common import DOCX_TYPE
from canbo.reports.docx_sheet import sheets_document
from canbo.reports.selection import SHEET_RELATED, annual_months, sheet_tasks, unit_sheets
from canbo.reports.xlsx_unit import XLSX_TYPE, unit_workbook
from canbo.work.models import Task


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def sheet_docx(request, pk: int):
    require(request.user, "reports.sheet")
    sheet = get_object_or_404(
        EvaluationSheet.objects.visible_to(request.user).select_related(*SHEET_RELATED), pk=pk
    )
    tasks = sheet_tasks(Task.objects.visible_to(request.user), sheet)
    log_personal_data_view(request, sheet.person, "reports.sheet_docx")
    name = f"phieu-danh-gia-{sheet.period.start:%Y-%m}-{slugify(sheet.person.code)}.docx"
    return _download(sheets_document([(sheet, tasks)]), name, DOCX_TYPE)


def annual_docx(request, pk: int):
    require(request.user, "reports.annual")
    row = get_object_or_404(
        AnnualResult.objects.visible_to(request.user).select_related(
            "person__organization__parent", "person__title", "person__job_position"
        ),
        pk=pk,
    )
    months = annual_months(EvaluationSheet.objects.visible_to(request.user), row)
    log_personal_data_view(request, row.person, "reports.annual_docx")
    name = f"phieu-danh-gia-nam-{row.year}-{slugify(row.person.code)}.docx"
    return _download(annual_document([(row, months)]), name, DOCX_TYPE)


def unit_xlsx(request):
    """?period=<pk> or ?month=YYYY-MM (default: the latest month one sees), ?org=<pk>
    (default: the organisation one acts in)."""
    require(request.user, "reports.unit")
    sheets = EvaluationSheet.objects.visible_to(request.user)
    organization = _organization(request)
    period = _period(request, sheets)
    month = period.start if period else _month(request, sheets)
    rows = unit_sheets(sheets, organization, month, period)
    log_personal_data_access(request, rows.values_list("person_id", flat=True), "reports.unit_xlsx")
    name = f"tong-hop-{month:%Y-%m}-{slugify(organization.code or organization.name)}.xlsx"
    return _download(unit_workbook(organization, month, rows), name, XLSX_TYPE)


def _number(request, key: str) -> int | None:
    raw = request.GET.get(key, "")
    if not raw:
        return None
    if not raw.isdigit():
        raise Http404
    return int(raw)


def _organization(request) -> Organization:
    orgs = Organization.objects.visible_to(request.user)
    pk = _number(request, "org")
    if pk is not None:
        return get_object_or_404(orgs, pk=pk)
    found = own_org(orgs, request.user) or orgs.order_by("depth", "path").first()
    if found is None:
        raise Http404
    return found


def _period(request, sheets) -> EvaluationPeriod | None:
    """A period is in scope when the user sees at least one of its sheets."""
    pk = _number(request, "period")
    if pk is None:
        return None
    if not sheets.filter(period_id=pk).exists():
        raise Http404
    return EvaluationPeriod.objects.get(pk=pk)


def _month(request, sheets) -> date:
    raw = request.GET.get("month", "")
    if raw:
        try:
            return date(int(raw[:4]), int(raw[5:7]), 1)
        except ValueError:
            raise Http404 from None
    latest = sheets.order_by("-period__start").values_list("period__start", flat=True).first()
    return latest or timezone.localdate().replace(day=1)
