"""Pages of the agency evaluation: the commune's form, indicator entry, the province comparison."""

from io import BytesIO

from django.contrib import messages
from django.db.models import Avg
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from canbo.agency import compute, indicators, services
from canbo.agency.errors import AgencyError, FieldErrors
from canbo.agency.models import (
    Actual,
    ActualStatus,
    AgencyEvaluation,
    Direction,
    EvaluationStatus,
    Indicator,
    IndicatorSet,
    Measure,
    SetStatus,
    Target,
)
from canbo.core import xlsx
from canbo.core.access import can, is_province_wide, own_org, require, visible_agency_rows
from canbo.org.choices import COMMUNE_KINDS
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
    commune = own_org(Organization.objects.all(), user, commune=True)
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
        if not is_province_wide(request.user) and commune != _own_commune(request.user):
            raise Http404
        return commune
    if is_province_wide(request.user):
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


# The province's indicator set of the year and each commune's targets (agency.manage_indicators).

INDICATOR_FIELDS = ("name", "unit", "direction", "max_points", "full_ratio", "zero_ratio")


def _set_history(year: int) -> list[IndicatorSet]:
    return list(
        IndicatorSet.objects.filter(year=year).prefetch_related("indicators").order_by("-version")
    )


def indicator_set(request, year: int):
    """The year's indicator set in force, its earlier versions, and the add/edit forms."""
    require(request.user, "agency.manage_indicators")
    return _render_set(request, _year(year), {})


def _render_set(request, year: int, form=None, error: str = "", status: int = 200):
    history = _set_history(year)
    current = next((s for s in history if s.status == SetStatus.ACTIVE), None)
    form = form or {}
    rows = []
    for i in current.indicators.all() if current is not None else []:
        values = {k: getattr(i, k) for k in INDICATOR_FIELDS}
        mine = form.get("indicator") == str(i.pk)
        rows.append({"indicator": i, "values": form if mine else values, "error": mine})
    adding = not form.get("indicator")
    context = {
        "year": year,
        "current": current,
        "rows": rows,
        "add": form
        if adding and form
        else {"direction": Direction.HIGHER, "full_ratio": "1", "zero_ratio": "0.5"},
        "add_error": error if adding else "",
        "earlier": [s for s in history if s is not current],
        "has_actuals": current is not None and indicators.has_actuals(current),
        "directions": Direction.choices,
        "error": error,
    }
    return render(request, "agency/indicator_set.html", context, status=status)


@require_POST
def indicator_save(request, year: int):
    """Create the year's set, add an indicator, or change one: through the services; a change
    after actuals were entered makes a new version (only when the officer confirms it)."""
    require(request.user, "agency.manage_indicators")
    year = _year(year)
    post = request.POST
    fields = {k: post.get(k, "").strip() for k in INDICATOR_FIELDS}
    confirm = post.get("new_version") == "1"
    raw_pk = post.get("indicator", "")
    current = services.active_indicator_set(year)
    try:
        if raw_pk:
            indicator = get_object_or_404(
                Indicator, pk=int(raw_pk) if raw_pk.isdigit() else 0, indicator_set=current
            )
            old_version = current.version
            saved = indicators.revise_indicator(request.user, indicator, fields, confirm)
        elif current is None:
            set_name = post.get("set_name", "").strip()
            if not set_name:
                raise AgencyError(_("Give the indicator set a name."))
            old_version = None
            saved = indicators.create_indicator_set(request.user, year, set_name, [fields])
            saved = saved.indicators.get()
        else:
            old_version = current.version
            saved = indicators.add_indicator(request.user, current, fields, confirm)
    except AgencyError as exc:
        form = {**fields, "indicator": raw_pk, "set_name": post.get("set_name", "")}
        return _render_set(request, year, form, exc.message, status=400)
    new_version = saved.indicator_set.version
    if old_version is not None and new_version != old_version:
        messages.success(
            request,
            _(
                "Communes had entered actuals against version %(old)s, so version %(new)s "
                "was created; version %(old)s and its actuals are kept."
            )
            % {"old": old_version, "new": new_version},
        )
    else:
        messages.success(request, _("Saved."))
    return redirect("agency:indicator_set", year=year)


def _target_communes(user) -> list[Organization]:
    return list(
        visible_agency_rows(
            Organization.objects.filter(kind__in=COMMUNE_KINDS), user, "path"
        ).order_by("path")
    )


def targets(request, year: int):
    """The communes × the year's indicators: each commune's target, entered in one post,
    all or nothing (a wrong cell refuses the whole table, with its error beside it)."""
    require(request.user, "agency.manage_indicators")
    year = _year(year)
    current = services.active_indicator_set(year)
    communes = _target_communes(request.user)
    found = list(current.indicators.all()) if current is not None else []
    values = {
        (t.indicator_id, t.organization_id): t.value
        for t in Target.objects.visible_to(request.user).filter(indicator__in=found)
    }
    errors, status = {}, 200
    if request.method == "POST":
        if current is None:
            raise Http404
        entries = {
            (i, c): request.POST.get(f"t_{i.pk}_{c.pk}", "")
            for c in communes
            for i in found
            if f"t_{i.pk}_{c.pk}" in request.POST
        }
        try:
            count = indicators.set_targets(request.user, current, entries)
        except FieldErrors as exc:
            messages.error(request, exc.message)
            errors, status = exc.errors, 400
            values = {**values, **{(i.pk, c.pk): raw for (i, c), raw in entries.items()}}
        except AgencyError as exc:
            messages.error(request, exc.message)
            status = 400
        else:
            messages.success(request, _("%(n)s targets saved.") % {"n": count})
            return redirect("agency:targets", year=year)
    rows = [
        {
            "commune": c,
            "cells": [
                {
                    "name": f"t_{i.pk}_{c.pk}",
                    "value": values.get((i.pk, c.pk), ""),
                    "error": errors.get((i.pk, c.pk), ""),
                    "indicator": i,
                }
                for i in found
            ],
        }
        for c in communes
    ]
    missing = sum(1 for r in rows for cell in r["cells"] if cell["value"] in ("", None))
    context = {
        "year": year,
        "current": current,
        "indicators": found,
        "rows": rows,
        "missing": missing,
        "has_errors": bool(errors),
    }
    return render(request, "agency/targets.html", context, status=status)


def targets_xlsx(request, year: int):
    """The targets table as .xlsx (text cells through the one writer)."""
    require(request.user, "agency.manage_indicators")
    year = _year(year)
    current = services.active_indicator_set(year)
    if current is None:
        raise Http404
    found = list(current.indicators.all())
    communes = _target_communes(request.user)
    values = {
        (t.indicator_id, t.organization_id): t.value
        for t in Target.objects.visible_to(request.user).filter(indicator__in=found)
    }
    book = Workbook()
    sheet = book.active
    sheet.title = _("Targets")
    xlsx.append(sheet, [_("Commune")] + [f"{i.name} ({i.unit})" for i in found])
    for commune in communes:
        xlsx.append(
            sheet,
            # the stored decimals as they are: openpyxl writes a Decimal's digits
            [commune.name] + [values.get((i.pk, commune.pk)) for i in found],
        )
    out = BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"chi-tieu-{year}-v{current.version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
