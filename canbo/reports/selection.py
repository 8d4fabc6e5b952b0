"""Which rows an export holds. Callers pass querysets already limited by `visible_to(user)`
(the views) or unrestricted ones (the `canbo export` command run by an operator)."""

from datetime import date

from canbo.core.access import within
from canbo.evaluation.choices import PeriodKind

SHEET_RELATED = (
    "period__organization",
    "person__organization__parent",
    "person__title",
    "person__job_position",
    "reviewed_by__profile__person",
    "approved_by__profile__person",
)

ANNUAL_RELATED = ("person__organization__parent", "person__title", "person__job_position")


def unit_sheets(sheets, organization, month: date, period=None):
    """Sheets of one month for the people of an organisation subtree, in board order."""
    sheets = within(
        sheets.filter(period__kind=PeriodKind.MONTH, period__start=month),
        organization.path,
        "person__organization__path",
    )
    if period is not None:
        sheets = sheets.filter(period=period)
    return sheets.select_related(*SHEET_RELATED).order_by(
        "person__organization__path", "person__search_key"
    )


def sheet_tasks(tasks, sheet):
    """The tasks listed on the sheet page, in the same order."""
    return tasks.filter(assignee_id=sheet.person_id, period=sheet.period.start).order_by(
        "due_date", "id"
    )


def annual_months(sheets, row):
    """The person's monthly sheets of the year, as the annual computation reads them."""
    return (
        sheets.filter(
            person_id=row.person_id, period__kind=PeriodKind.MONTH, period__start__year=row.year
        )
        .select_related("period")
        .order_by("period__start")
    )
