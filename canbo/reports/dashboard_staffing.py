"""The dashboards' charts of the staff: training planned against completed, and the staffing
quota against the people in post, per unit.

Every query starts from a `visible_to(user)` queryset (see `canbo.reports.dashboard`).
"""

from collections import Counter

from django.db.models import Count, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from canbo.cadre.models import Enrolment, TrainingPlan
from canbo.cadre.models.training import EnrolmentStatus
from canbo.core.access import within
from canbo.org.models import Organization, StaffingQuota
from canbo.people.models import Person
from canbo.reports import svg
from canbo.reports.charts import Chart, Grouping
from canbo.scoring.numfmt import percent


def training(user, g: Grouping, year: int) -> Chart:
    """Planned against completed training (a plan counts completions in its subtree and
    field that year)."""
    target, completed = _training_counts(user, g, year)
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
                    percent(completed[org.pk], target[org.pk]),
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


def _training_counts(user, g: Grouping, year: int) -> tuple[Counter, Counter]:
    """Per group: the people the year's plans target, and those who completed a class."""
    orgs = within(Organization.objects.visible_to(user), g.root.path, "path")
    plans = list(
        TrainingPlan.objects.filter(organization__in=orgs, year=year).values_list(
            "organization__path", "field", "target"
        )
    )
    people = within(Person.objects.visible_to(user), g.root.path)
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
    return target, completed


def staffing(user, g: Grouping) -> Chart:
    """Staffing quota against people in post, per unit: the gap is what is missing."""
    quota, actual = _staffing_counts(user, g)
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


def _staffing_counts(user, g: Grouping) -> tuple[Counter, Counter]:
    """Per group: the staffing quota, and the people in post (those with a job position)."""
    orgs = within(Organization.objects.visible_to(user), g.root.path, "path")
    quotas = (
        StaffingQuota.objects.filter(organization__in=orgs)
        .values_list("organization__path")
        .annotate(n=Sum("quota"))
        .order_by()
    )
    people = (
        within(Person.objects.visible_to(user), g.root.path)
        .filter(job_position__isnull=False)
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
    return quota, actual
