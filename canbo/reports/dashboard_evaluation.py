"""The dashboards' charts of the evaluation: monthly classifications by unit and by month,
the progress of the periods, the quota of "excellent", and the sheets not self-assessed.

Every query starts from a `visible_to(user)` queryset (see `canbo.reports.dashboard`).
"""

from collections import Counter, defaultdict
from datetime import date

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from canbo.core.access import within
from canbo.evaluation.choices import PeriodStatus, SheetStatus
from canbo.evaluation.groups import group_label
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.evaluation.services.quota import FINAL_LEVEL
from canbo.reports import svg
from canbo.reports.charts import Chart, Grouping, per_group
from canbo.scoring import LABELS, LEVELS, rulebook_for
from canbo.scoring.quota import quota_cap

STATUSES = [s.value for s in SheetStatus]

PERSON_ORG = "person__organization__path"


def _level_names() -> list[str]:
    return [LABELS[level] for level in LEVELS]


def sheet_counts(user, g: Grouping, year: int) -> list[tuple]:
    """One query for the three sheet charts: (organisation path, month, status,
    classification, number of sheets) of the year."""
    return list(
        within(EvaluationSheet.objects.visible_to(user), g.root.path, PERSON_ORG)
        .filter(period__start__year=year)
        .values_list("person__organization__path", "period__start", "status", "classification")
        .annotate(n=Count("id"))
        .order_by()
    )


def _published(rows: list[tuple]) -> list[tuple]:
    return [row for row in rows if row[2] == SheetStatus.PUBLISHED and row[3]]


def _level_bars(chart: Chart) -> str:
    """Rows of (label, one count per level, total) drawn as bars stacked by level."""
    return svg.stacked_bars(
        [r[0] for r in chart.rows],
        [(name, [r[1 + k] for r in chart.rows]) for k, name in enumerate(_level_names())],
        chart.title,
    )


def classification_by_group(rows: list[tuple], g: Grouping) -> Chart:
    counts = per_group(
        g, [(path, level, n) for path, _month, _status, level, n in _published(rows)]
    )
    orgs = [o for o in g.ordered() if counts.get(o.pk)]
    chart = Chart(
        "classification_groups",
        _("Monthly classifications by unit"),
        "",
        [pgettext("organisation", "Unit"), *_level_names(), _("Total")],
    )
    for org in orgs:
        values = [counts[org.pk][level] for level in LEVELS]
        chart.rows.append([g.name(org), *values, sum(values)])
    chart.svg = _level_bars(chart)
    return chart


def classification_by_month(rows: list[tuple], g: Grouping) -> Chart:
    months: dict[date, Counter] = defaultdict(Counter)
    for path, month, _status, level, n in _published(rows):
        if g.of(path) is not None:
            months[month][level] += n
    chart = Chart(
        "classification_months",
        _("Monthly classifications by month"),
        "",
        [_("Month"), *_level_names(), _("Total")],
    )
    for month in sorted(months):
        values = [months[month][level] for level in LEVELS]
        chart.rows.append([f"{month:%m/%Y}", *values, sum(values)])
    chart.svg = _level_bars(chart)
    return chart


def periods_progress(rows: list[tuple], g: Grouping) -> Chart:
    months: dict[date, Counter] = defaultdict(Counter)
    for path, month, status, _level, n in rows:
        if g.of(path) is not None:
            months[month][status] += n
    labels = [str(SheetStatus(s).label) for s in STATUSES]
    chart = Chart(
        "periods",
        _("Progress of the evaluation periods (sheets by status)"),
        "",
        [_("Month"), *labels, _("Total")],
    )
    for month in sorted(months):
        values = [months[month][s] for s in STATUSES]
        chart.rows.append([f"{month:%m/%Y}", *values, sum(values)])
    chart.svg = svg.stacked_bars(
        [r[0] for r in chart.rows],
        [(name, [r[1 + k] for r in chart.rows]) for k, name in enumerate(labels)],
        chart.title,
        colours=(svg.COLOURS[5], svg.COLOURS[2], svg.COLOURS[4], svg.COLOURS[0], svg.COLOURS[3]),
    )
    return chart


def quota_status(user, g: Grouping, year: int) -> Chart:
    """Annual results on final levels: "excellent" against the cap, per unit (the province) or
    per task group (a commune)."""
    rulebook = rulebook_for(date(year, 1, 1))
    chart = Chart(
        "quota",
        _('Quota of "excellent" (annual, final levels)'),
        "",
        [
            pgettext("organisation", "Unit"),
            LABELS["excellent"],
            LABELS["good"],
            _("Cap"),
            _("Over the cap"),
        ],
    )
    for name, counts in _final_levels(user, g, year):
        if not counts["excellent"] and not counts["good"]:
            continue
        cap = quota_cap(counts["good"], rulebook.quota_ratio, rulebook.quota_rounding)
        over = max(0, counts["excellent"] - cap)
        chart.rows.append([name, counts["excellent"], counts["good"], cap, over])
    chart.svg = svg.stacked_bars(
        [r[0] for r in chart.rows],
        [
            (_("Excellent within the cap"), [r[1] - r[4] for r in chart.rows]),
            (_("Over the cap"), [r[4] for r in chart.rows]),
            (_("Cap not used"), [max(0, r[3] - r[1]) for r in chart.rows]),
        ],
        chart.title,
        colours=(svg.COLOURS[0], svg.COLOURS[3], svg.COLOURS[5]),
    )
    return chart


def _final_levels(user, g: Grouping, year: int) -> list[tuple[str, Counter]]:
    """(unit or task group name, Counter(final level → people)) of the year's results."""
    results = (
        within(AnnualResult.objects.visible_to(user), g.root.path, PERSON_ORG)
        .filter(year=year)
        .annotate(level=FINAL_LEVEL)
    )
    if g.root.depth == 0:
        rows = (
            results.values_list("person__organization__path", "level")
            .annotate(n=Count("id"))
            .order_by()
        )
        counts = per_group(g, rows)
        return [(g.name(o), counts[o.pk]) for o in g.ordered() if counts.get(o.pk)]
    rows = results.values_list("task_group", "level").annotate(n=Count("id")).order_by()
    by_group: dict[str, Counter] = defaultdict(Counter)
    for group, level, n in rows:
        by_group[group][level] += n
    return [(str(group_label(k)), v) for k, v in sorted(by_group.items())]


def not_self_assessed(user, g: Grouping, today: date) -> tuple[Chart, list]:
    """People whose sheet of an open period is not self-assessed yet, per unit, with the
    list of them (name, unit, month, due date)."""
    counts: Counter = Counter()
    people = []
    for sheet in _open_drafts(user, g):
        group = g.of(sheet.person.organization.path)
        if group is None:
            continue
        counts[group] += 1
        people.append(
            [
                sheet.person.full_name,
                str(sheet.person.organization),
                f"{sheet.period.start:%m/%Y}",
                f"{sheet.period.self_assessment_due:%d/%m/%Y}",
                sheet.pk,
                sheet.person_id,
            ]
        )
    chart = Chart(
        "not_assessed",
        _("Sheets not self-assessed in open periods"),
        "",
        [pgettext("organisation", "Unit"), _("Sheets")],
    )
    for org in g.ordered():
        if counts[org.pk]:
            chart.rows.append([g.name(org), counts[org.pk]])
    chart.svg = svg.bars(
        [r[0] for r in chart.rows], [r[1] for r in chart.rows], chart.title, colour=svg.COLOURS[2]
    )
    return chart, people


def _open_drafts(user, g: Grouping):
    """Draft sheets of people who worked, in open periods, in the order they are listed."""
    return (
        within(EvaluationSheet.objects.visible_to(user), g.root.path, PERSON_ORG)
        .filter(
            status=SheetStatus.DRAFT,
            worked=True,
            period__status=PeriodStatus.OPEN,
        )
        .select_related("person__organization", "period")
        .order_by("person__organization__path", "person__search_key", "period__start")
    )
