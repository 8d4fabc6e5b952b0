"""Pages of the agency evaluation: the way in, and the province's comparison of communes."""

from django.contrib import messages
from django.db.models import Avg
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.agency import evaluations
from canbo.agency.models import AgencyEvaluation
from canbo.agency.scope import checked_year, own_commune
from canbo.core.access import can, require
from canbo.scoring import LABELS, LEVELS

GRID_COLUMNS = 8


def home(request):
    require(request.user, "agency.view")
    year = timezone.localdate().year
    if can(request.user, "agency.compare"):
        return redirect("agency:compare", year=year)
    commune = own_commune(request.user)
    evaluation = evaluations.ensure_evaluation(commune, year)
    return redirect("agency:evaluation", pk=evaluation.pk)


def compare(request, year: int):
    """Ranking table, a grid of the units coloured by level, and the trend over years."""
    require(request.user, "agency.compare")
    year = checked_year(year)
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
        "late": evaluations.late(year),
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
    count = evaluations.recompute_province(checked_year(year))
    messages.success(request, _("%(n)s agency evaluations recomputed.") % {"n": count})
    return redirect("agency:compare", year=year)
