"""The dashboards' numbers: a few aggregate queries per chart, grouped by commune (the
province's view) or by department (a commune's view).

Every query starts from a `visible_to(user)` queryset, so a chairman's dashboard and its .xlsx
can only count his commune's rows. A chart is its title, its SVG and the table of the very
numbers it draws (shown below it and written to the .xlsx).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from canbo.cadre.models import Enrolment, TrainingPlan
from canbo.cadre.models.training import EnrolmentStatus
from canbo.evaluation.choices import PeriodStatus, SheetStatus
from canbo.evaluation.groups import group_label
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.evaluation.services.quota import FINAL_LEVEL
from canbo.org.models import Organization, StaffingQuota
from canbo.people.models import Person
from canbo.reports import svg
from canbo.reports.charts import Chart, Grouping, grouping
from canbo.reports.satisfaction import satisfaction_charts
from canbo.scoring import LABELS, LEVELS, rulebook_for, to_fraction
from canbo.scoring.numfmt import rounded
from canbo.scoring.quota import quota_cap
from canbo.work.choices import ScoreKind, TaskStatus
from canbo.work.models import PeriodScore, Task

STATUSES = [s.value for s in SheetStatus]


def _per_group(grouping: Grouping, rows) -> dict[int, Counter]:
    """rows: (organisation path, key, count) → {group id: Counter(key → count)}."""
    found: dict[int, Counter] = defaultdict(Counter)
    for path, key, n in rows:
        group = grouping.of(path)
        if group is not None:
            found[group][key] += n
    return found


def _level_names() -> list[str]:
    return [LABELS[level] for level in LEVELS]


def sheet_counts(user, g: Grouping, year: int) -> list[tuple]:
    """One query for the three sheet charts: (organisation path, month, status,
    classification, number of sheets) of the year."""
    return list(
        EvaluationSheet.objects.visible_to(user)
        .filter(period__start__year=year, person__organization__path__startswith=g.root.path)
        .values_list("person__organization__path", "period__start", "status", "classification")
        .annotate(n=Count("id"))
        .order_by()
    )


def _published(rows: list[tuple]) -> list[tuple]:
    return [row for row in rows if row[2] == SheetStatus.PUBLISHED and row[3]]


def classification_by_group(rows: list[tuple], g: Grouping) -> Chart:
    counts = _per_group(
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
    chart.svg = svg.stacked_bars(
        [r[0] for r in chart.rows],
        [(name, [r[1 + k] for r in chart.rows]) for k, name in enumerate(_level_names())],
        chart.title,
    )
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
    chart.svg = svg.stacked_bars(
        [r[0] for r in chart.rows],
        [(name, [r[1 + k] for r in chart.rows]) for k, name in enumerate(_level_names())],
        chart.title,
    )
    return chart


def quota_status(user, g: Grouping, year: int) -> Chart:
    """Annual results on final levels: "excellent" against the cap, per unit (the province) or
    per task group (a commune)."""
    rulebook = rulebook_for(date(year, 1, 1))
    results = (
        AnnualResult.objects.visible_to(user)
        .filter(year=year, person__organization__path__startswith=g.root.path)
        .annotate(level=FINAL_LEVEL)
    )
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
    if g.root.depth == 0:
        rows = (
            results.values_list("person__organization__path", "level")
            .annotate(n=Count("id"))
            .order_by()
        )
        counts = _per_group(g, rows)
        named = [(g.name(o), counts[o.pk]) for o in g.ordered() if counts.get(o.pk)]
    else:
        rows = results.values_list("task_group", "level").annotate(n=Count("id")).order_by()
        by_group: dict[str, Counter] = defaultdict(Counter)
        for group, level, n in rows:
            by_group[group][level] += n
        named = [(str(group_label(k)), v) for k, v in sorted(by_group.items())]
    for name, counts in named:
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


def trends(user, g: Grouping, year: int) -> Chart:
    """Completion (a), quality (b) and progress (c) per month, as % of the assigned weight."""
    people = Person.objects.visible_to(user).filter(organization__path__startswith=g.root.path)
    rows = (
        PeriodScore.objects.filter(
            person__in=people.values("pk"),
            kind=ScoreKind.MONTH,
            period_start__year=year,
        )
        .values_list("period_start")
        .annotate(
            assigned=Sum("assigned_weight"),
            done=Sum("completed_weight"),
            quality=Sum("quality_weight"),
            progress=Sum("progress_weight"),
        )
        .order_by("period_start")
    )
    chart = Chart(
        "trends",
        _("Completion, quality and progress of tasks"),
        "",
        [_("Month"), _("Completion (%)"), _("Quality (%)"), _("Progress (%)")],
    )
    for month, assigned, done, quality, progress in rows:
        if assigned:
            chart.rows.append(
                [
                    f"{month:%m/%Y}",
                    *(_percent(v, assigned) for v in (done, quality, progress)),
                ]
            )
    chart.svg = svg.lines(
        [r[0][:2] for r in chart.rows],
        [(chart.headers[k], [r[k] for r in chart.rows]) for k in (1, 2, 3)],
        chart.title,
    )
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


def training(user, g: Grouping, year: int) -> Chart:
    """Planned against completed training (a plan counts completions in its subtree and
    field that year)."""
    orgs = Organization.objects.visible_to(user).filter(path__startswith=g.root.path)
    plans = list(
        TrainingPlan.objects.filter(organization__in=orgs, year=year).values_list(
            "organization__path", "field", "target"
        )
    )
    people = Person.objects.visible_to(user).filter(organization__path__startswith=g.root.path)
    done = list(
        Enrolment.objects.filter(
            person__in=people.values("pk"),
            status=EnrolmentStatus.COMPLETED,
            completed_on__year=year,
        )
        .values_list("person__organization__path", "training_class__programme__field")
        .annotate(n=Count("id"))
        .order_by()
    )
    target: Counter = Counter()
    completed: Counter = Counter()
    for path, plan_field, planned in plans:
        group = g.of(path)
        if group is None:
            continue
        target[group] += planned
        completed[group] += sum(n for p, f, n in done if f == plan_field and p.startswith(path))
    chart = Chart(
        "training",
        _("Training: planned and completed"),
        "",
        [pgettext("organisation", "Unit"), _("Planned"), _("Completed"), _("Progress (%)")],
    )
    for org in g.ordered():
        if target[org.pk]:
            chart.rows.append(
                [
                    g.name(org),
                    target[org.pk],
                    completed[org.pk],
                    _percent(completed[org.pk], target[org.pk]),
                ]
            )
    chart.svg = svg.stacked_bars(
        [r[0] for r in chart.rows],
        [
            (_("Completed"), [min(r[2], r[1]) for r in chart.rows]),
            (_("Still to train"), [max(0, r[1] - r[2]) for r in chart.rows]),
        ],
        chart.title,
        colours=(svg.COLOURS[0], svg.COLOURS[5]),
    )
    return chart


def staffing(user, g: Grouping) -> Chart:
    """Staffing quota against people in post, per unit: the gap is what is missing."""
    orgs = Organization.objects.visible_to(user).filter(path__startswith=g.root.path)
    quotas = (
        StaffingQuota.objects.filter(organization__in=orgs)
        .values_list("organization__path")
        .annotate(n=Sum("quota"))
        .order_by()
    )
    people = (
        Person.objects.visible_to(user)
        .filter(organization__path__startswith=g.root.path, job_position__isnull=False)
        .values_list("organization__path")
        .annotate(n=Count("id"))
        .order_by()
    )
    quota: Counter = Counter()
    actual: Counter = Counter()
    for path, n in quotas:
        if (group := g.of(path)) is not None:
            quota[group] += n
    for path, n in people:
        if (group := g.of(path)) is not None:
            actual[group] += n
    chart = Chart(
        "staffing",
        _("Staffing: quota and people in post"),
        "",
        [pgettext("organisation", "Unit"), _("Quota"), _("In post"), _("Missing")],
    )
    for org in g.ordered():
        if quota[org.pk] or actual[org.pk]:
            chart.rows.append(
                [g.name(org), quota[org.pk], actual[org.pk], max(0, quota[org.pk] - actual[org.pk])]
            )
    chart.svg = svg.stacked_bars(
        [r[0] for r in chart.rows],
        [
            (_("In post"), [min(r[1], r[2]) if r[1] else r[2] for r in chart.rows]),
            (_("Missing"), [r[3] for r in chart.rows]),
        ],
        chart.title,
        colours=(svg.COLOURS[4], svg.COLOURS[3]),
    )
    return chart


def overdue_tasks(user, g: Grouping, today: date) -> Chart:
    rows = (
        Task.objects.visible_to(user)
        .filter(
            organization__path__startswith=g.root.path,
            status=TaskStatus.ASSIGNED,
            due_date__lt=today,
        )
        .values_list("organization__path")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = _per_group(g, [(path, "n", n) for path, n in rows])
    chart = Chart(
        "overdue",
        _("Overdue tasks (not completed after their due date)"),
        "",
        [pgettext("organisation", "Unit"), _("Overdue tasks")],
    )
    for org in g.ordered():
        if counts.get(org.pk):
            chart.rows.append([g.name(org), counts[org.pk]["n"]])
    chart.svg = svg.bars(
        [r[0] for r in chart.rows], [r[1] for r in chart.rows], chart.title, colour=svg.COLOURS[3]
    )
    return chart


def not_self_assessed(user, g: Grouping, today: date) -> tuple[Chart, list]:
    """People whose sheet of an open period is not self-assessed yet, per unit, with the
    list of them (name, unit, month, due date)."""
    sheets = (
        EvaluationSheet.objects.visible_to(user)
        .filter(
            person__organization__path__startswith=g.root.path,
            status=SheetStatus.DRAFT,
            worked=True,
            period__status=PeriodStatus.OPEN,
        )
        .select_related("person__organization", "period")
        .order_by("person__organization__path", "person__search_key", "period__start")
    )
    counts: Counter = Counter()
    people = []
    for sheet in sheets:
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


@dataclass
class Dashboard:
    root: Organization
    year: int
    commune_view: bool
    charts: list[Chart]
    late_people: list = field(default_factory=list)


def build_dashboard(user, root: Organization, year: int, today: date) -> Dashboard:
    g = grouping(root, user)
    sheets = sheet_counts(user, g, year)
    charts = [
        classification_by_group(sheets, g),
        classification_by_month(sheets, g),
        quota_status(user, g, year),
        trends(user, g, year),
        periods_progress(sheets, g),
        training(user, g, year),
        staffing(user, g),
    ]
    board = Dashboard(root, year, root.depth > 0, charts)
    if board.commune_view:
        late, board.late_people = not_self_assessed(user, g, today)
        board.charts += [overdue_tasks(user, g, today), late]
    # Last, so the sheets of the other charts keep their numbers in the .xlsx.
    board.charts += satisfaction_charts(user, g, year)
    return board


def _percent(part, whole) -> float:
    """A share in % with 1 decimal, rounded half up once from the exact quotient (6.25 % is
    6.3, where round(6.25, 1) gives 6.2); a float of those digits for the table and the SVG."""
    return float(rounded(to_fraction(part) * 100 / to_fraction(whole), 1))
