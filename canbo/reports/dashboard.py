"""The dashboards' numbers: a few aggregate queries per chart, grouped by commune (the
province's view) or by department (a commune's view).

Every query starts from a `visible_to(user)` queryset, so a chairman's dashboard and its .xlsx
can only count his commune's rows. A chart is its title, its SVG and the table of the very
numbers it draws (shown below it and written to the .xlsx). The charts are drawn in
`dashboard_evaluation`, `dashboard_tasks`, `dashboard_staffing` and `satisfaction`.
"""

from dataclasses import dataclass, field
from datetime import date

from canbo.org.models import Organization
from canbo.reports.charts import Chart, grouping
from canbo.reports.dashboard_evaluation import (
    classification_by_group,
    classification_by_month,
    not_self_assessed,
    periods_progress,
    quota_status,
    sheet_counts,
)
from canbo.reports.dashboard_staffing import staffing, training
from canbo.reports.dashboard_tasks import overdue_tasks, trends
from canbo.reports.satisfaction import satisfaction_charts


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
