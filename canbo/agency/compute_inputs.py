"""What the computed criteria of a set of communes read, loaded once, and what each gives back."""

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from canbo.agency.models import Actual, Indicator

ZERO = Fraction(0)


@dataclass
class Computed:
    points: Fraction | None
    text: str
    source: str = "computed"


@dataclass
class CadreFacts:
    people: int = 0
    meeting: int = 0
    plan_target: int = 0
    plan_done: int = 0
    results: int = 0
    failed: int = 0


@dataclass
class Inputs:
    """What the computed criteria of a set of communes need, loaded once."""

    year: int
    work: dict[int, list[int]] = field(default_factory=dict)  # assigned, done, quality, progress
    cadre: dict[int, CadreFacts] = field(default_factory=dict)
    indicators: dict[int, list[Indicator]] = field(default_factory=dict)  # by set id
    targets: dict[tuple[int, int], Fraction] = field(default_factory=dict)  # (indicator, org)
    actuals: dict[tuple[int, int], Actual] = field(default_factory=dict)


def months_of(year: int) -> tuple[date, ...]:
    return tuple(date(year, m, 1) for m in range(1, 13))
