"""The commune's page of indicators: its targets, the actuals it enters with their evidence,
and the province's check of each actual."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.agency import evaluations
from canbo.agency.actuals import enter_actual, review_actual
from canbo.agency.errors import AgencyError
from canbo.agency.models import Actual, ActualStatus, Indicator, Target
from canbo.agency.scope import checked_year, chosen_commune
from canbo.core.access import can, require


def indicator_entry(request, year: int):
    """The commune's targets and actuals of the year's indicators, with evidence."""
    require(request.user, "agency.view")
    year = checked_year(year)
    commune = chosen_commune(request)
    indicator_set = evaluations.active_indicator_set(year)
    items = []
    if indicator_set is not None:
        found = list(indicator_set.indicators.all())
        targets = {
            t.indicator_id: t
            for t in Target.objects.visible_to(request.user).filter(
                indicator__in=found, organization=commune
            )
        }
        actuals = {
            a.indicator_id: a
            for a in Actual.objects.visible_to(request.user).filter(
                indicator__in=found, organization=commune
            )
        }
        items = [
            {"indicator": i, "target": targets.get(i.pk), "actual": actuals.get(i.pk)}
            for i in found
        ]
    context = {
        "year": year,
        "commune": commune,
        "set": indicator_set,
        "items": items,
        "can_enter": can(request.user, "agency.enter_actuals"),
        "can_check": can(request.user, "agency.manage_indicators"),
        "accepted": ActualStatus.ACCEPTED,
    }
    return render(request, "agency/indicators.html", context)


@require_POST
def actual_enter(request, year: int):
    require(request.user, "agency.enter_actuals")
    commune = chosen_commune(request)
    raw = request.POST.get("indicator", "")
    indicator = get_object_or_404(Indicator, pk=int(raw) if raw.isdigit() else 0)
    try:
        enter_actual(
            request.user,
            indicator,
            commune,
            request.POST.get("value", ""),
            request.POST.get("source", ""),
            request.POST.get("evidence", ""),
            request.FILES.get("evidence_file"),
        )
    except AgencyError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved."))
    return redirect(f"{_indicator_url(year)}?org={commune.pk}")


@require_POST
def actual_review(request, pk: int):
    require(request.user, "agency.manage_indicators")
    actual = get_object_or_404(Actual.objects.visible_to(request.user), pk=pk)
    try:
        review_actual(
            request.user, actual, request.POST.get("accept") == "1", request.POST.get("note", "")
        )
    except AgencyError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved."))
    year = actual.indicator.indicator_set.year
    return redirect(f"{_indicator_url(year)}?org={actual.organization_id}")


def _indicator_url(year: int) -> str:
    return reverse("agency:indicators", kwargs={"year": year})
