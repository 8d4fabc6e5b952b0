"""Evaluation periods: parsing '2026-10', '2026-Q3', '2026', and the month a task counts in."""

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from canbo.work.choices import ScoreKind
from canbo.work.errors import WorkError

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
MIN_YEAR, MAX_YEAR = 2000, 2100


@dataclass(frozen=True)
class Period:
    kind: str
    start: date
    months: tuple[date, ...]

    @property
    def label(self) -> str:
        if self.kind == ScoreKind.MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == ScoreKind.QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return str(self.start.year)

    @property
    def end(self) -> date:
        """The first day of the last month (task periods are month starts)."""
        return self.months[-1]


def month_start(day: date) -> date:
    return day.replace(day=1)


def period_of(assigned_date: date, due_date: date | None) -> date:
    """A task counts in the month of its due date, or of its assignment when it has none.

    The period is fixed at assignment: an extension does not move the task into a later month,
    it is counted as a delay of the month it was planned for.
    """
    return month_start(due_date or assigned_date)


def month(year: int, number: int) -> Period:
    start = date(year, number, 1)
    return Period(ScoreKind.MONTH, start, (start,))


def quarter(year: int, number: int) -> Period:
    months = tuple(date(year, 3 * (number - 1) + m, 1) for m in (1, 2, 3))
    return Period(ScoreKind.QUARTER, months[0], months)


def year(number: int) -> Period:
    months = tuple(date(number, m, 1) for m in range(1, 13))
    return Period(ScoreKind.YEAR, months[0], months)


def quarter_of(day: date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def parse_period(text: str) -> Period:
    """Parse a period label; raise WorkError with a Vietnamese message when it is not one."""
    value = (text or "").strip()
    if match := _MONTH.match(value):
        number = int(match[2])
        if not 1 <= number <= 12:
            raise WorkError(
                _("Month %(month)s is not valid in period “%(period)s” (months run 1 to 12).")
                % {"month": number, "period": value}
            )
        return month(_year(match[1], value), number)
    if match := _QUARTER.match(value):
        return quarter(_year(match[1], value), int(match[2]))
    if match := _YEAR.match(value):
        return year(_year(match[1], value))
    raise WorkError(
        _(
            "Period “%(period)s” is not valid. Use YYYY-MM (a month, e.g. 2026-10), "
            "YYYY-QN (a quarter, e.g. 2026-Q3) or YYYY (a year, e.g. 2026)."
        )
        % {"period": value}
    )


def _year(text: str, value: str) -> int:
    number = int(text)
    if not MIN_YEAR <= number <= MAX_YEAR:
        raise WorkError(
            _("Year %(year)s in period “%(period)s” is outside %(min)s – %(max)s.")
            % {"year": number, "period": value, "min": MIN_YEAR, "max": MAX_YEAR}
        )
    return number
