"""Months not worked because of legitimate leave (Art. 21): pure, stdlib only.

A month is not worked when leave covers more than the rulebook's share of its working days
(Monday to Friday; public holidays are not modelled). Overlapping leaves count each day once.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from canbo.scoring.rulebook import Rulebook, resolve
from canbo.scoring.text import _
from canbo.scoring.types import ScoringInputError

Span = tuple[date, date]


def working_days(year: int, month: int) -> list[date]:
    """Monday to Friday of the month."""
    last = calendar.monthrange(year, month)[1]
    days = (date(year, month, day) for day in range(1, last + 1))
    return [day for day in days if day.weekday() < 5]


def month_worked(leave_days: int, working: int, threshold: Fraction) -> bool:
    """Worked unless leave covers MORE than `threshold` of the month's working days."""
    if not 0 <= leave_days <= working:
        raise ScoringInputError(
            "leave_days", _("Must lie between 0 and the number of working days.")
        )
    return working == 0 or Fraction(leave_days, working) <= threshold


@dataclass(frozen=True)
class MonthLeave:
    """Working days on leave in one month of the year."""

    month: int
    leave_days: int
    working_days: int

    @property
    def share(self) -> Fraction:
        return Fraction(self.leave_days, self.working_days) if self.working_days else Fraction(0)


def leave_by_month(leaves: Iterable[Span], year: int) -> dict[int, MonthLeave]:
    """Working days on leave per month of `year`, for months with at least one such day."""
    days: set[date] = set()
    for index, (start, end) in enumerate(leaves):
        if end < start:
            raise ScoringInputError(f"leaves[{index}]", _("The end date is before the start date."))
        day, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
        while day <= last:
            if day.weekday() < 5:
                days.add(day)
            day += timedelta(days=1)
    counts: dict[int, int] = {}
    for day in days:
        counts[day.month] = counts.get(day.month, 0) + 1
    return {
        month: MonthLeave(month, count, len(working_days(year, month)))
        for month, count in sorted(counts.items())
    }


def months_not_worked(
    leaves: Iterable[Span], year: int, rulebook: Rulebook | None = None
) -> dict[int, Fraction]:
    """Months of `year` not worked, with the share of their working days on leave."""
    threshold = resolve(rulebook).absence_not_worked_share
    return {
        month: row.share
        for month, row in leave_by_month(leaves, year).items()
        if not month_worked(row.leave_days, row.working_days, threshold)
    }
