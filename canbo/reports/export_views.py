"""The background province .xlsx: start (POST), progress page (refreshes itself), download.

Only the user who asked sees the progress page and downloads the file; anyone else gets a 404
(the job's existence is not revealed).
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from canbo.core.access import require, within
from canbo.evaluation.models import AnnualResult
from canbo.people.services import log_personal_data_access
from canbo.reports.annual_views import _root
from canbo.reports.exports import export_file, request_export
from canbo.reports.models import ExportJob
from canbo.reports.xlsx_unit import XLSX_TYPE

REFRESH_SECONDS = 2


@require_POST
def export_start(request, year: int):
    require(request.user, "reports.export")
    root = _root(request)
    results = AnnualResult.objects.visible_to(request.user).filter(year=year)
    covered = within(results, root.path, "person__organization__path")
    log_personal_data_access(
        request, covered.values_list("person_id", flat=True), "reports.annual_report_export"
    )
    job = request_export(request.user, year, root)
    return redirect("reports:export_status", job.pk)


def _own_job(request, pk: int) -> ExportJob:
    require(request.user, "reports.export")
    return get_object_or_404(
        ExportJob.objects.select_related("organization"), pk=pk, user=request.user
    )


def export_status(request, pk: int):
    job = _own_job(request, pk)
    response = render(request, "reports/export.html", {"job": job})
    if job.running and not job.interrupted:
        response["Refresh"] = str(REFRESH_SECONDS)  # reloads itself, no JavaScript
    return response


def export_download(request, pk: int):
    job = _own_job(request, pk)
    path = export_file(job)
    if path is None:
        raise Http404
    return FileResponse(
        path.open("rb"), as_attachment=True, filename=job.file_name, content_type=XLSX_TYPE
    )
