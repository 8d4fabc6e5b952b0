"""Pages of the agency evaluation: the commune's form, indicator entry, the province comparison."""

from django.contrib import messages
from django.db.models import Avg
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.agency import compute, indicators, services
from canbo.agency.errors import AgencyError
from canbo.agency.models import (
    Actual,
    ActualStatus,
    AgencyEvaluation,
    EvaluationStatus,
    Indicator,
    Measure,
    Target,
)
from canbo.core.access import can, require, scope_for
from canbo.org.models import Organization
from canbo.scoring import LABELS, LEVELS
from canbo.work.periods import MAX_YEAR, MIN_YEAR

GRID_COLUMNS = 8


def _year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return year


def home(request):
    require(request.user, "agency.view")
    year = timezone.localdate().year
    if can(request.user, "agency.compare"):
        return redirect("agency:compare", year=year)
    commune = _own_commune(request.user)
    evaluation = services.ensure_evaluation(commune, year)
    return redirect("agency:evaluation", pk=evaluation.pk)


def _own_commune(user) -> Organization:
    path = scope_for(user).org_path or ""
    parts = [p for p in path.strip("/").split("/") if p]
    commune = Organization.objects.filter(path="/" + "/".join(parts[:2]) + "/").first()
    if commune is None or not commune.is_commune:
        raise Http404
    return commune


def compare(request, year: int):
    """Ranking table, a grid of the units coloured by level, and the trend over years."""
    require(request.user, "agency.compare")
    year = _year(year)
    visible = AgencyEvaluation.objects.visible_to(request.user)
    rows = list(
        visible.filter(year=year)
        .select_related("organization")
        .order_by("-total", "organization__name")
    )
    previous = dict(visible.filter(year=year - 1).values_list("organization_id", "total"))
    for rank, row in enumerate(rows, start=1):
        row.rank, row.label = rank, LABELS.get(row.level, "")
        row.previous = previous.get(row.organization_id)
    grid = sorted(rows, key=lambda r: r.organization.name)
    counts = {level: sum(r.level == level for r in rows) for level in LEVELS}
    context = {
        "year": year,
        "rows": rows,
        "grid": grid,
        "columns": GRID_COLUMNS,
        "counts": [(level, LABELS[level], counts[level]) for level in LEVELS],
        "trend": _trend(visible),
        "late": services.late(year),
        "can_recompute": can(request.user, "agency.manage_indicators"),
    }
    return render(request, "agency/compare.html", context)


def _trend(visible) -> dict:
    """Mean total per year as an inline SVG polyline (drawn here, no JavaScript)."""
    means = list(visible.values("year").annotate(mean=Avg("total")).order_by("year"))
    width, height = 480, 160
    points = []
    for i, row in enumerate(means):
        x = 40 + (i * (width - 60) / max(1, len(means) - 1) if len(means) > 1 else 0)
        y = height - 20 - float(row["mean"] or 0) * (height - 40) / 100
        points.append(
            {"x": round(x, 1), "y": round(y, 1), "year": row["year"], "mean": row["mean"]}
        )
    return {
        "points": points,
        "line": " ".join(f"{p['x']},{p['y']}" for p in points),
        "width": width,
        "height": height,
    }


@require_POST
def recompute(request, year: int):
    require(request.user, "agency.manage_indicators")
    count = services.recompute_province(_year(year))
    messages.success(request, _("%(n)s agency evaluations recomputed.") % {"n": count})
    return redirect("agency:compare", year=year)


def evaluation(request, pk: int):
    require(request.user, "agency.view")
    found = get_object_or_404(
        AgencyEvaluation.objects.visible_to(request.user).select_related(
            "organization", "criteria_set", "indicator_set"
        ),
        pk=pk,
    )
    if found.status != EvaluationStatus.PUBLISHED and found.computed_at is None:
        services.refresh([found])
    scores = list(found.scores.select_related("criterion"))
    inputs = compute.load_inputs(
        found.year, [found.organization], {found.indicator_set_id} - {None}
    )
    user = request.user
    context = {
        "e": found,
        "scores": scores,
        "label": LABELS.get(found.level, ""),
        "lines": compute.indicator_lines(found.organization, inputs, found.indicator_set_id),
        "can_self": can(user, "agency.self_assess") and found.status == EvaluationStatus.DRAFT,
        "can_review": can(user, "agency.review") and found.status == EvaluationStatus.SELF_ASSESSED,
        "can_approve": can(user, "agency.approve") and found.status == EvaluationStatus.REVIEWED,
        "entered": Measure.ENTERED,
        "late": services.late(found.year),
    }
    return render(request, "agency/evaluation.html", context)


@require_POST
def evaluation_action(request, pk: int):
    require(request.user, "agency.view")
    found = get_object_or_404(AgencyEvaluation.objects.visible_to(request.user), pk=pk)
    action, post = request.POST.get("action", ""), request.POST
    codes = [s.criterion.code for s in found.scores.select_related("criterion")]
    try:
        if action in ("save", "submit"):
            require(request.user, "agency.self_assess")
            entries = {
                c: (post.get(f"points_{c}", ""), post.get(f"evidence_{c}", ""))
                for c in codes
                if f"points_{c}" in post
            }
            services.save_self_assessment(request.user, found, entries)
            if action == "submit":
                services.submit_self_assessment(request.user, found)
        elif action == "review":
            require(request.user, "agency.review")
            entries = {c: post.get(f"review_{c}", "") for c in codes if f"review_{c}" in post}
            services.review_evaluation(request.user, found, entries, post.get("reason", ""))
        elif action == "return":
            require(request.user, "agency.review")
            services.return_evaluation(request.user, found, post.get("reason", ""))
        elif action == "approve":
            require(request.user, "agency.approve")
            services.approve_evaluation(request.user, found)
        elif action == "complain":
            require(request.user, "agency.self_assess")
            services.file_complaint(request.user, found, post.get("reason", ""))
        elif action == "resolve":
            require(request.user, "agency.approve")
            complaint = get_object_or_404(found.complaints, pk=_int(post.get("complaint")))
            services.resolve_complaint(
                request.user, complaint, post.get("accept") == "1", post.get("resolution", "")
            )
        else:
            raise AgencyError(_("Unknown action."))
    except AgencyError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Saved."))
    return redirect("agency:evaluation", pk=found.pk)


def _int(raw) -> int:
    return int(raw) if str(raw or "").isdigit() else 0


def indicator_entry(request, year: int):
    """The commune's targets and actuals of the year's indicators, with evidence."""
    require(request.user, "agency.view")
    year = _year(year)
    commune = _chosen_commune(request)
    indicator_set = services.active_indicator_set(year)
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


def _chosen_commune(request) -> Organization:
    raw = request.GET.get("org") or request.POST.get("org") or ""
    if raw:
        if not raw.isdigit():
            raise Http404
        commune = get_object_or_404(Organization, pk=int(raw))
        if not scope_for(request.user).province_wide and commune != _own_commune(request.user):
            raise Http404
        return commune
    if scope_for(request.user).province_wide:
        first = next(iter(services.communes()), None)
        if first is None:
            raise Http404
        return first
    return _own_commune(request.user)


@require_POST
def actual_enter(request, year: int):
    require(request.user, "agency.enter_actuals")
    commune = _chosen_commune(request)
    raw = request.POST.get("indicator", "")
    indicator = get_object_or_404(Indicator, pk=int(raw) if raw.isdigit() else 0)
    try:
        indicators.enter_actual(
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
        indicators.review_actual(
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
