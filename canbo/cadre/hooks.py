"""Where the cadre rules read annual classifications, until the evaluation module exists.

The evaluation module plugs in by naming a function in the setting
`CANBO_CLASSIFICATION_SOURCE`: it takes (person, years) and returns [(year, level), ...]
with levels as in canbo.scoring (e.g. "fail"). The default knows no classification.
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils.module_loading import import_string

from canbo.people.models import PastClassification

DEFAULT_SOURCE = "canbo.cadre.hooks.no_classifications"


def no_classifications(person, years: Iterable[int]) -> list[tuple[int, str]]:
    return []


def classifications(person, years: Iterable[int]) -> list[tuple[int, str]]:
    """The evaluation module's results, and for the years it has none the classifications
    recorded in the personnel file (people.PastClassification, e.g. imported for 2021–2025)."""
    years = list(years)
    source = import_string(getattr(settings, "CANBO_CLASSIFICATION_SOURCE", DEFAULT_SOURCE))
    found = dict(source(person, years))
    for year, level in PastClassification.objects.filter(
            person=person, year__in=years).values_list("year", "level"):
        found.setdefault(year, level)
    return sorted(found.items())


def latest_classification(person, this_year: int, look_back: int = 3) -> str | None:
    """The most recent annual level within `look_back` years before `this_year`."""
    found = classifications(person, range(this_year - look_back, this_year))
    return found[-1][1] if found else None
