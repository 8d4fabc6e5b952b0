"""The dashboards' charts of tasks: completion, quality and progress month by month, and the
overdue tasks per unit.

Every query starts from a `visible_to(user)` queryset (see `canbo.reports.dashboard`).
"""

from datetime import date

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from canbo.core.access import within
from canbo.people.models import Person
from canbo.reports import svg
from canbo.reports.charts import Chart, Grouping, per_group
from canbo.scoring.numfmt import percent
from canbo.work.choices import ScoreKind, TaskStatus
from canbo.work.models import PeriodScore, Task


def trends(user, g: Grouping, year: int) -> Chart:
    """Completion (a), quality (b) and progress (c) per month, as % of the assigned weight."""
    people = within(Person.objects.visible_to(user), g.root.path)
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
                    *(percent(v, assigned) for v in (done, quality, progress)),
                ]
            )
    chart.svg = svg.lines(
        [r[0][:2] for r in chart.rows],
        [(chart.headers[k], [r[k] for r in chart.rows]) for k in (1, 2, 3)],
        chart.title,
    )
    return chart


def overdue_tasks(user, g: Grouping, today: date) -> Chart:
    rows = (
        within(Task.objects.visible_to(user), g.root.path)
        .filter(
            status=TaskStatus.ASSIGNED,
            due_date__lt=today,
        )
        .values_list("organization__path")
        .annotate(n=Count("id"))
        .order_by()
    )
    counts = per_group(g, [(path, "n", n) for path, n in rows])
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
