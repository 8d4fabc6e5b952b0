"""Retirement age and date (Labour Code 2019 Art. 169, Decree 135/2020/NĐ-CP). Pure."""

import calendar
from datetime import date

MALE, FEMALE = "male", "female"

# (age in months before the roadmap, months added per year from 2021, cap in months)
_ROADMAP = {MALE: (60 * 12, 3, 62 * 12), FEMALE: (55 * 12, 4, 60 * 12)}
_ROADMAP_START = 2021


def retirement_age_months(gender: str, year: int) -> int:
    """The retirement age, in months, that applies to someone reaching it in `year`."""
    base, step, cap = _ROADMAP[gender]
    if year < _ROADMAP_START:
        return base
    return min(base + step * (year - _ROADMAP_START + 1), cap)


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + (day.month - 1) + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def retirement_date(birth: date, gender: str) -> date:
    """The last day of the month in which the person reaches the age of that year."""
    year = birth.year + _ROADMAP[gender][0] // 12
    while True:
        reached = _add_months(birth, retirement_age_months(gender, year))
        if reached.year <= year:
            last = calendar.monthrange(reached.year, reached.month)[1]
            return date(reached.year, reached.month, last)
        year += 1


def effective_birth(birth_date: date | None, birth_year: int | None) -> date | None:
    """Only a birth year known -> 1 January of that year."""
    if birth_date:
        return birth_date
    return date(birth_year, 1, 1) if birth_year else None


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def years_left(retire: date, today: date) -> float:
    """Years of service left, as a decimal number of years (0 when already retired)."""
    return max(0.0, (retire - today).days / 365.25)
