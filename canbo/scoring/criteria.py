"""General criteria sets (tiêu chí chung, Art. 12): their shape and checks.

The sets themselves are versioned data (canbo.scoring.criteria_data). A set is never changed
once sheets were scored with it: a new version gets a new code, and every sheet keeps the code
of the set it was scored with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from canbo.scoring.text import _
from canbo.scoring.types import ScoringInputError

T = TypeVar("T")

HALF = Fraction(1, 2)
QUARTER = Fraction(1, 4)


@dataclass(frozen=True)
class Criterion:
    """One scored line of a set: `code` is what the form prints (I.1, II.3, III or a)."""

    code: str
    label: str
    max_points: Fraction
    step: Fraction


@dataclass(frozen=True)
class CriteriaGroup:
    """One of the three Art. 12 sub-criteria: its lines add up to its maximum."""

    code: str
    label: str
    items: tuple[Criterion, ...]

    @property
    def max_points(self) -> Fraction:
        return sum((c.max_points for c in self.items), Fraction(0))

    @property
    def single(self) -> bool:
        """The group is scored as one line (III of the form, every group of the old set)."""
        return len(self.items) == 1


@dataclass(frozen=True)
class CriteriaSet:
    code: str
    name: str
    groups: tuple[CriteriaGroup, ...]
    basis: str

    @property
    def items(self) -> tuple[Criterion, ...]:
        return tuple(item for group in self.groups for item in group.items)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(item.code for item in self.items)

    @property
    def max_points(self) -> Fraction:
        return sum((g.max_points for g in self.groups), Fraction(0))

    def subtotals(self, values: Sequence[Fraction]) -> list[tuple[CriteriaGroup, Fraction]]:
        """Each group with the sum of its lines; `values` follow `items`."""
        result, start = [], 0
        for group in self.groups:
            end = start + len(group.items)
            result.append((group, sum(values[start:end], Fraction(0))))
            start = end
        return result

    def ordered(self, points: Mapping[str, T]) -> list[T]:
        """Points keyed by item code, in the set's order; every code exactly once."""
        unknown = [str(k) for k in points if k not in self.codes]
        missing = [c for c in self.codes if c not in points]
        if unknown or missing:
            parts = [
                _("Criteria set “%(code)s” needs exactly the items %(codes)s")
                % {"code": self.code, "codes": ", ".join(self.codes)}
            ]
            if missing:
                parts.append(_("missing %(codes)s") % {"codes": ", ".join(missing)})
            if unknown:
                parts.append(_("no item %(codes)s") % {"codes": ", ".join(unknown)})
            raise ScoringInputError("general", "; ".join(parts) + ".")
        return [points[code] for code in self.codes]


def single(code: str, label: str, max_points: int) -> CriteriaGroup:
    """A group scored as one line of its own."""
    return CriteriaGroup(code, label, (Criterion(code, label, Fraction(max_points), HALF),))
