"""Inputs and results of the scoring package (plain frozen dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from canbo.scoring.numfmt import Number
from canbo.scoring.text import _

STAFF = "staff"
LEADER = "leader"
ROLES = (STAFF, LEADER)


class ScoringInputError(ValueError):
    """Invalid input; `field` is the path of the offending value, e.g. items[0].quantity."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(
            _("Invalid data at “%(field)s”: %(message)s") % {"field": field, "message": message}
        )
        self.field = field
        self.message = message

    def prefixed(self, prefix: str) -> ScoringInputError:
        if not prefix:
            return self
        return ScoringInputError(f"{prefix}.{self.field}", self.message)


@dataclass(frozen=True)
class Step:
    """One line of an explanation."""

    rule: str
    basis: str
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"rule": self.rule, "basis": self.basis, "text": self.text}


@dataclass(frozen=True)
class Item:
    """An assigned work line; `count` identical lines are scored as one times count."""

    quantity: Number
    coefficient: Number
    completed: bool
    quality_failures: int = 0
    objective_quality_failures: int = 0
    delays: int = 0
    objective_delays: int = 0
    count: int = 1
    name: str = ""


@dataclass(frozen=True)
class LeaderInput:
    """Leader components: d from unit_all_complete, đ (organising) and e (third)."""

    unit_all_complete: bool
    organising: str = "full"
    third: str = "full"


@dataclass(frozen=True)
class TaskResult:
    assigned_weight: Fraction
    completed_weight: Fraction
    quality_weight: Fraction
    progress_weight: Fraction
    explanation: tuple[Step, ...]

    def weights(self) -> dict[str, Fraction]:
        """The four weight sums by name, as a period result carries them."""
        return {
            "assigned_weight": self.assigned_weight,
            "completed_weight": self.completed_weight,
            "quality_weight": self.quality_weight,
            "progress_weight": self.progress_weight,
        }


@dataclass(frozen=True)
class Classification:
    code: str | None
    label: str | None
    explanation: tuple[Step, ...]


@dataclass(frozen=True)
class PeriodResult:
    """Score of one month or quarter. None marks a value that does not exist (no items)."""

    role: str
    a: Fraction | None
    b: Fraction | None
    c: Fraction | None
    d: Fraction | None
    dd: Fraction | None
    e: Fraction | None
    task_score: Fraction | None
    general_score: Fraction | None
    total: Fraction | None
    classification: str | None
    label: str | None
    no_items: bool
    assigned_weight: Fraction
    completed_weight: Fraction
    quality_weight: Fraction
    progress_weight: Fraction
    explanation: tuple[Step, ...]


@dataclass(frozen=True)
class YearPeriod:
    """A periodic total fed into the year; worked=False marks legitimate absence."""

    total: Number | None
    worked: bool = True
    name: str = ""
    maternity: bool = False  # not worked because of maternity leave (the precedent spares it)


@dataclass(frozen=True)
class YearResult:
    total: Fraction | None
    classification: str | None
    label: str | None
    periods_used: int
    explanation: tuple[Step, ...]


@dataclass(frozen=True)
class QuotaEntry:
    person_id: str
    group: str
    classification: str
    total: Number


@dataclass(frozen=True)
class GroupQuota:
    group: str
    counts: dict[str, int]
    cap: int
    excess: int
    exceeded: bool
    margin_excellent: tuple[QuotaEntry, ...]
    margin_good: tuple[QuotaEntry, ...]
    text: str


@dataclass(frozen=True)
class QuotaReport:
    ratio: Fraction
    exception: bool
    groups: tuple[GroupQuota, ...]
    exceeded: bool
    basis: str
