"""Citizen satisfaction (Decision 766) on the dashboards: the index per commune (the province)
or per department (a commune), and month by month.

One grouped query serves both charts: the dossiers of the year from
`canbo.feedback.index.dossiers_for` (that is `Dossier.objects.visible_to(user)`), counted per
unit and month by `index_rows`. The charts only add those counts up per group or month; the
index and on-time share are computed from the sums by feedback's own `IndexRow`.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from canbo.feedback.index import IndexRow, add_up, dossiers_for, index_rows
from canbo.org.choices import COMMUNE_KINDS
from canbo.reports import svg
from canbo.reports.charts import Chart, Grouping


def satisfaction_rows(user, g: Grouping, year: int) -> list[IndexRow]:
    """The year's counts per unit and month, of the dossiers the user may see."""
    months = [date(year, month, 1) for month in range(1, 13)]
    return index_rows(dossiers_for(user, months, g.root.path), "unit", by_month=True)


def _headers(first: str) -> list[str]:
    return [
        first,
        _("Dossiers"),
        _("Rated"),
        _("Satisfied"),
        _("Dissatisfied"),
        _("Index (%)"),
        _("On time (%)"),
    ]


def _figures(label: str, rows: list[IndexRow]) -> list:
    """A table row: counts, then the index and on-time share, "no data" where nothing counts
    (never a 0 % that was not measured)."""
    if not rows:
        return [label, 0, 0, 0, 0, _("No data"), _("No data")]
    total = add_up(rows)
    return [
        label,
        total.dossiers,
        total.rated,
        total.satisfied,
        total.dissatisfied,
        _or_no_data(total.index),
        _or_no_data(total.on_time),
    ]


def _or_no_data(value: Decimal | None):
    return _("No data") if value is None else value


def _number(cell) -> float | None:
    return float(cell) if isinstance(cell, Decimal) else None


def index_by_group(rows: list[IndexRow], g: Grouping) -> Chart:
    """Every commune of the province (one without dossiers says "no data"), or the departments
    of a commune that received dossiers."""
    found: dict[int, list[IndexRow]] = defaultdict(list)
    for row in rows:
        if (group := g.of(row.unit_path)) is not None:
            found[group].append(row)
    chart = Chart(
        "satisfaction_groups",
        _("Citizen satisfaction index by unit"),
        "",
        _headers(pgettext("organisation", "Unit")),
    )
    if found:
        province = g.root.depth == 0
        for org in g.ordered():
            if org.pk in found or (province and org.kind in COMMUNE_KINDS):
                chart.rows.append(_figures(g.name(org), found.get(org.pk, [])))
    chart.svg = svg.bars(
        [r[0] for r in chart.rows],
        [_number(r[5]) for r in chart.rows],
        chart.title,
        colour=svg.COLOURS[0],
        maximum=100,
        missing=_("No data"),
    )
    return chart


def index_by_month(rows: list[IndexRow], g: Grouping) -> Chart:
    months: dict[date, list[IndexRow]] = defaultdict(list)
    for row in rows:
        if g.of(row.unit_path) is not None and row.month:
            months[row.month].append(row)
    chart = Chart(
        "satisfaction_months",
        _("Citizen satisfaction index by month"),
        "",
        _headers(_("Month")),
    )
    for month in sorted(months):
        chart.rows.append(_figures(f"{month:%m/%Y}", months[month]))
    chart.svg = svg.lines(
        [r[0][:2] for r in chart.rows],
        [(chart.headers[k], [_number(r[k]) for r in chart.rows]) for k in (5, 6)],
        chart.title,
    )
    return chart


def satisfaction_charts(user, g: Grouping, year: int) -> list[Chart]:
    rows = satisfaction_rows(user, g, year)
    return [index_by_group(rows, g), index_by_month(rows, g)]
