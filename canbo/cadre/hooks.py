"""Where the cadre rules read annual classifications: the evaluation app's results (it answers
the signal cadre.signals.classifications_requested), and for the years it has none the
classifications recorded in the personnel file (people.PastClassification, e.g. imported for
2021–2025)."""

from collections.abc import Iterable

from canbo.cadre.signals import classifications_requested
from canbo.people.models import PastClassification


def classifications(person, years: Iterable[int]) -> list[tuple[int, str]]:
    """[(year, level), ...] sorted by year."""
    years = list(years)
    found: dict[int, str] = {}
    for _receiver, answer in classifications_requested.send(
        sender=None, person=person, years=years
    ):
        found.update(answer or ())
    for year, level in PastClassification.objects.filter(person=person, year__in=years).values_list(
        "year", "level"
    ):
        found.setdefault(year, level)
    return sorted(found.items())


def latest_classification(person, this_year: int, look_back: int = 3) -> str | None:
    """The most recent annual level within `look_back` years before `this_year`."""
    found = classifications(person, range(this_year - look_back, this_year))
    return found[-1][1] if found else None
