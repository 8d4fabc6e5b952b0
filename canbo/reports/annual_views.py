"""Downloads of the annual report (.xlsx, .docx) from the annual screen.

Rows come through `visible_to(user)`: a commune's officer gets their commune, the province
gets every commune; an organisation outside one's scope is a 404.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from canbo.core.access import own_org, require, within
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.org.models import Organization
from canbo.people.services import log_personal_data_access
from canbo.reports.annual_report import agencies_under, annual_report, missing_months
from canbo.reports.docx_annual_report import annual_report_document
from canbo.reports.docx_common import DOCX_TYPE, agency_of
from canbo.reports.views import _download
from canbo.reports.xlsx_annual import annual_workbook
from canbo.reports.xlsx_unit import XLSX_TYPE


def annual_report_xlsx(request, year: int):
    report, root = _report(request, year)
    missing = missing_months(year, report, EvaluationSheet.objects.visible_to(request.user))
    return _download(
        annual_workbook(report, missing, root.name), _name(year, root, "xlsx"), XLSX_TYPE
    )


def annual_report_docx(request, year: int):
    report, root = _report(request, year)
    missing = missing_months(year, report, EvaluationSheet.objects.visible_to(request.user))
    return _download(
        annual_report_document(report, missing, root), _name(year, root, "docx"), DOCX_TYPE
    )


def _report(request, year: int) -> tuple[dict, Organization]:
    require(request.user, "reports.annual")
    root = _root(request)
    results = AnnualResult.objects.visible_to(request.user)
    covered = within(results.filter(year=year), root.path, "person__organization__path")
    log_personal_data_access(
        request, covered.values_list("person_id", flat=True), "reports.annual_report"
    )
    return annual_report(year, agencies_under(year, root, results), results), root


def _root(request) -> Organization:
    """?org=<pk> (its commune), else the commune one acts in, else the top one sees."""
    orgs = Organization.objects.visible_to(request.user)
    raw = request.GET.get("org", "")
    if raw:
        if not raw.isdigit():
            raise Http404
        return agency_of(get_object_or_404(orgs, pk=int(raw)))
    own = own_org(orgs, request.user)
    found = agency_of(own) if own else orgs.order_by("depth", "path").first()
    if found is None:
        raise Http404
    return found


def _name(year: int, root: Organization, kind: str) -> str:
    return f"xep-loai-nam-{year}-{slugify(root.code or root.name)}.{kind}"
