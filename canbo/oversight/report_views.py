"""The plan tracker's periodic reports and the supervision analytics."""

from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.access import can, reads_all_oversight, require, scope_for
from canbo.core.paths import commune_path
from canbo.oversight import xlsx
from canbo.oversight.analytics import supervision_analytics
from canbo.oversight.errors import OversightError
from canbo.oversight.forms import ReportForm
from canbo.oversight.models import PlanReport
from canbo.oversight.plan_services import save_report
from canbo.scoring import to_fraction
from canbo.scoring.numfmt import rounded


def reports(request):
    require(request.user, "oversight.plan.view")
    rows = PlanReport.objects.visible_to(request.user)
    if request.GET.get("format") == "xlsx":
        table = [
            [r.get_kind_display(), r.year, r.number, r.get_status_display(), r.signer] for r in rows
        ]
        headers = [_("Kind of report"), _("Year"), _("Document number"), _("Status"), _("Signer")]
        return xlsx.response(
            xlsx.workbook(_("Periodic reports"), headers, table, [16, 8, 20, 12, 30]),
            "bao-cao-dinh-ky.xlsx",
        )
    return render(
        request,
        "oversight/reports.html",
        {"rows": rows, "can_edit": can(request.user, "oversight.plan.report")},
    )


def report_edit(request):
    require(request.user, "oversight.plan.report")
    existing = None
    if request.GET.get("pk"):
        existing = get_object_or_404(
            PlanReport.objects.visible_to(request.user), pk=request.GET["pk"]
        )
    form = ReportForm(request.POST or None, initial=_initial(existing))
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "oversight/report_form.html", {"form": form}, status=400)
        try:
            data = dict(form.cleaned_data)
            report = save_report(request.user, data.pop("kind"), data.pop("year"), **data)
        except OversightError as error:
            form.add_error(None, error.message)
            return render(request, "oversight/report_form.html", {"form": form}, status=400)
        messages.success(request, _("Report saved."))
        return redirect(f"{request.path}?pk={report.pk}")
    return render(request, "oversight/report_form.html", {"form": form, "report": existing})


_FORM_FIELDS = (
    "kind",
    "year",
    "number",
    "assessment",
    "next_steps",
    "signer",
    "signer_title",
    "status",
)


def _initial(existing: PlanReport | None) -> dict:
    """The form's values: those of the report being edited, or this year's new report."""
    if existing is None:
        return {"year": timezone.localdate().year}
    return {key: getattr(existing, key) for key in _FORM_FIELDS}


ANALYTICS_SECONDS = 600


def shared_analytics(user, year: int):
    """The analytics of one scope (the whole province, or one commune), shared for ten
    minutes: a grouped pass over a year of sheets is too heavy to redo on every view."""
    scope = scope_for(user)
    who = (
        "all" if reads_all_oversight(user) else (commune_path(scope.org_path).strip("/") or "none")
    )
    key = f"oversight:analytics:{year}:{who}"
    found = cache.get(key)
    if found is None:
        found = supervision_analytics(user, year)
        cache.set(key, found, ANALYTICS_SECONDS)
    return found


def analytics(request):
    require(request.user, "oversight.plan.view")
    today = timezone.localdate()
    raw = request.GET.get("year", "")
    year = int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else today.year
    found = shared_analytics(request.user, year)
    if request.GET.get("format") == "xlsx":
        return _analytics_export(found, year)
    return render(request, "oversight/analytics.html", {"a": found, "year": year})


def _analytics_export(found, year: int) -> HttpResponse:
    """The communes' table of the analytics as .xlsx."""
    headers = [
        _("Commune or ward"),
        _("Sheets"),
        _("Excellent (%)"),
        _("Mean gap self − reviewed (points)"),
        _("Tasks completed late"),
        _("of which no delay recorded"),
    ]
    table = [
        [
            r.name,
            r.sheets,
            # as the page shows them (floatformat: half up), not round()'s half to even
            rounded(to_fraction(r.excellent_share), 1),
            rounded(to_fraction(r.mean_gap), 2),
            r.late_tasks,
            r.late_unrecorded,
        ]
        for r in found.communes
    ]
    return xlsx.response(
        xlsx.workbook(
            _("Supervision analytics %(year)s") % {"year": year},
            headers,
            table,
            [28, 10, 14, 18, 14, 16],
        ),
        f"phan-tich-giam-sat-{year}.xlsx",
    )
