"""Downloads of the agency evaluation: a commune's form (.docx), the province table (.xlsx).
Rows come through `visible_to(user)`: outside one's scope the answer is 404."""

from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from canbo.agency import compute
from canbo.agency.models import AgencyEvaluation
from canbo.agency.report import contract_row, year_rows
from canbo.core.access import require
from canbo.reports.agency_forms import agency_document, province_workbook
from canbo.reports.docx_common import DOCX_TYPE
from canbo.reports.views import _download
from canbo.reports.xlsx_unit import XLSX_TYPE


def agency_docx(request, pk: int):
    require(request.user, "agency.view")
    evaluation = get_object_or_404(
        AgencyEvaluation.objects.visible_to(request.user).select_related(
            "organization", "criteria_set"
        ),
        pk=pk,
    )
    inputs = compute.load_inputs(
        evaluation.year, [evaluation.organization], {evaluation.indicator_set_id} - {None}
    )
    content = agency_document(evaluation, contract_row(evaluation, inputs))
    name = f"danh-gia-co-quan-{evaluation.year}-{slugify(evaluation.organization.name)}.docx"
    return _download(content, name, DOCX_TYPE)


def agency_xlsx(request, year: int):
    require(request.user, "agency.compare")
    rows = year_rows(year, AgencyEvaluation.objects.visible_to(request.user))
    return _download(province_workbook(year, rows), f"danh-gia-co-quan-{year}.xlsx", XLSX_TYPE)
