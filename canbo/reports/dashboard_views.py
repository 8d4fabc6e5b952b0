"""Dashboards: the province (by commune) or one commune (by department), with every chart's
numbers in a table below it and in one .xlsx.

Who sees what: the `reports.dashboard` capability (canbo/core/roles.py). A province-wide role
sees the province and may open any commune with ?org=<pk>; a commune's chairman, vice
chairman or personnel officer sees his commune; everyone else gets 403. Rows come through
`visible_to(user)` querysets only.
"""

from io import BytesIO

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font

from canbo.core import xlsx
from canbo.core.access import is_province_wide, require
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.people.services import log_personal_data_access
from canbo.reports.dashboard import Dashboard, build_dashboard
from canbo.reports.views import _download
from canbo.reports.xlsx_unit import XLSX_TYPE


def dashboard(request):
    board = _board(request)
    for chart in board.charts:
        chart.svg = mark_safe(chart.svg)  # noqa: S308 - drawn by canbo.reports.svg, escaped there
    communes = []
    if is_province_wide(request.user):
        communes = (
            Organization.objects.visible_to(request.user)
            .filter(kind__in=COMMUNE_KINDS)
            .order_by("name")
        )
    return render(
        request,
        "reports/dashboard.html",
        {
            "board": board,
            "communes": communes,
            "years": _years(board.year),
            "query": request.GET.urlencode(),
        },
    )


def dashboard_xlsx(request):
    board = _board(request)
    log_personal_data_access(
        request, [row[5] for row in board.late_people], "reports.dashboard_xlsx"
    )
    name = f"bang-dieu-khien-{board.year}-{slugify(board.root.code or board.root.name)}.xlsx"
    return _download(dashboard_workbook(board), name, XLSX_TYPE)


def dashboard_workbook(board: Dashboard) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for index, chart in enumerate(board.charts, start=1):
        sheet = workbook.create_sheet(f"{index}. {chart.key}"[:31])
        xlsx.append(sheet, [f"{chart.title} · {board.root.name} · {board.year}"])
        sheet["A1"].font = Font(bold=True)
        xlsx.append(sheet, chart.headers)
        for row in chart.rows:
            xlsx.append(sheet, row)
        sheet.column_dimensions["A"].width = 36
    if board.commune_view:
        sheet = workbook.create_sheet(_("Not self-assessed")[:31])
        xlsx.append(
            sheet,
            [
                _("Civil servant"),
                pgettext("organisation", "Unit"),
                _("Month"),
                _("Self-assessment due"),
            ],
        )
        for row in board.late_people:
            xlsx.append(sheet, row[:4])
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _board(request) -> Dashboard:
    require(request.user, "reports.dashboard")
    today = timezone.localdate()
    return build_dashboard(request.user, _root(request), _year(request, today.year), today)


def _year(request, default: int) -> int:
    raw = request.GET.get("year", "")
    if not raw:
        return default
    if not raw.isdigit() or not 2000 <= int(raw) <= 2100:
        raise Http404
    return int(raw)


def _years(year: int) -> list[int]:
    return [year - 1, year, year + 1]


def _root(request) -> Organization:
    """?org=<pk> of a commune one sees; else one's own commune; else the province."""
    orgs = Organization.objects.visible_to(request.user)
    raw = request.GET.get("org", "")
    if raw:
        if not raw.isdigit():
            raise Http404
        return get_object_or_404(orgs, pk=int(raw), kind__in=COMMUNE_KINDS)
    if is_province_wide(request.user):
        found = orgs.filter(depth=0).order_by("path").first()
    else:
        found = orgs.filter(kind__in=COMMUNE_KINDS, depth=1).first()
    if found is None:
        raise Http404
    return found
