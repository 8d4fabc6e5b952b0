"""Today's date for cadre rules, in one place so tests can pin it."""

from datetime import date

from django.utils import timezone


def today() -> date:
    return timezone.localdate()


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year + years, day=28)
