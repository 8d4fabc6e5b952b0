"""The work criterion: the a, b, c of all the commune's tasks of the year, from the same weight
sums as every civil servant's (canbo.work.recompute.sums)."""

from collections import defaultdict
from datetime import date
from fractions import Fraction

from django.utils.translation import gettext as _

from canbo.agency.compute_inputs import ZERO, Computed, months_of
from canbo.cadre.analysis import unit_from_path
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.scoring import fmt, rulebook_for
from canbo.scoring.numfmt import fmt_percent
from canbo.work.recompute.sums import weight_sums


def work_totals(year: int, ids: set[int], single: Organization | None) -> dict[int, list[int]]:
    """{commune id: [assigned, done, quality, progress]} summed over its people's months."""
    sums = weight_sums(months_of(year), single).sums
    paths = dict(
        Person.objects.filter(pk__in={p for p, _m in sums}).values_list("pk", "organization__path")
    )
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (person, _month), values in sums.items():
        unit = unit_from_path(paths.get(person))
        if unit in ids:
            row = totals[unit]
            for i, value in enumerate(values):
                row[i] += value
    return dict(totals)


def work_points(most: Fraction, sums: list[int] | None, year: int) -> Computed:
    """most × (a + b + c) / 3 over all the commune's tasks of the year (Art. 14 ratios)."""
    if not sums or not sums[0]:
        return Computed(
            ZERO, _("No task of the commune counts in %(year)s: 0 points.") % {"year": year}
        )
    assigned, done, quality, progress = (Fraction(v) for v in sums)
    a, b, c = done / assigned, quality / assigned, progress / assigned
    divisor = rulebook_for(date(year, 12, 31)).staff_divisor
    points = most * (a + b + c) / divisor
    text = _(
        "Tasks of the commune in %(year)s: a (quantity) = %(a)s, b (quality) = %(b)s, "
        "c (progress) = %(c)s; %(max)s × (a + b + c) / %(div)s = %(points)s."
    ) % {
        "year": year,
        "a": fmt_percent(a),
        "b": fmt_percent(b),
        "c": fmt_percent(c),
        "max": fmt(most),
        "div": divisor,
        "points": fmt(points),
    }
    return Computed(points, text)
