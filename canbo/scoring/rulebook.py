"""Versioned scoring parameters: every number of the decree lives here as data, with its basis."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

from canbo.scoring.criteria import CriteriaSet, Criterion
from canbo.scoring.criteria_data import CRITERIA_SETS, ND335_FORM01, ND335_THREE
from canbo.scoring.rulebook_data import DECREE, DEFAULT_BASIS, ND335_NAME
from canbo.scoring.text import _
from canbo.scoring.types import ScoringInputError

LATE_ITEM_MODES = ("deduct", "zero")
NO_ITEMS_POLICIES = ("exclude", "zero")
QUARTER_MODES = ("pool", "mean")
QUOTA_ROUNDINGS = ("floor", "ceil", "half_up")
LEVEL_KEYS = ("full", "partial")


def _full_or_half() -> dict[str, Fraction]:
    return {"full": Fraction(1), "partial": Fraction(1, 2)}


@dataclass(frozen=True)
class Rulebook:
    code: str
    name: str
    effective_from: date
    effective_to: date | None
    criteria_sets: tuple[CriteriaSet, ...]
    default_criteria_set: str
    task_max: Fraction = Fraction(70)
    quality_deduction: Fraction = Fraction(1, 4)
    delay_deduction: Fraction = Fraction(1, 4)
    late_item_mode: str = "deduct"
    staff_divisor: int = 3
    leader_divisor: int = 6
    unit_values: dict[str, Fraction] = field(default_factory=_full_or_half)
    organising_values: dict[str, Fraction] = field(default_factory=_full_or_half)
    third_values: dict[str, Fraction] = field(default_factory=_full_or_half)
    threshold_excellent: Fraction = Fraction(90)
    threshold_good: Fraction = Fraction(70)
    threshold_complete: Fraction = Fraction(50)
    no_items_policy: str = "exclude"
    quarter_mode: str = "pool"
    quota_ratio: Fraction = Fraction(1, 5)
    quota_exception_ratio: Fraction = Fraction(1, 4)
    quota_rounding: str = "floor"
    # A month is not worked when leave covers MORE than this share of its working days.
    absence_not_worked_share: Fraction = Fraction(1, 2)
    # Precedent of Decree 90/2020 (unconfirmed for Decree 335, off by default): fewer than
    # `short_year_min_months` worked → not classified; `short_year_cap_months` or more months
    # absent (maternity excepted) → not above "complete".
    short_year_rule: bool = False
    short_year_min_months: int = 6
    short_year_cap_months: int = 3
    # Citizen satisfaction (DOMAIN §3): below `satisfaction_threshold` % a general criterion
    # (b) above `satisfaction_b_cap` points needs the reviewer's written reason.
    satisfaction_threshold: Fraction = Fraction(80)
    satisfaction_b_cap: Fraction = Fraction(8)
    # Agencies (the commune itself, DOMAIN §6): thresholds unconfirmed, default as for people.
    agency_threshold_excellent: Fraction = Fraction(90)
    agency_threshold_good: Fraction = Fraction(70)
    agency_threshold_complete: Fraction = Fraction(50)
    # Whether the commune's agency result may inform its chairman's đ (off by default).
    agency_informs_leader: bool = False
    basis: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_BASIS))

    def __post_init__(self) -> None:
        choices = {
            "late_item_mode": (self.late_item_mode, LATE_ITEM_MODES),
            "no_items_policy": (self.no_items_policy, NO_ITEMS_POLICIES),
            "quarter_mode": (self.quarter_mode, QUARTER_MODES),
            "quota_rounding": (self.quota_rounding, QUOTA_ROUNDINGS),
        }
        for name, (value, allowed) in choices.items():
            if value not in allowed:
                raise ValueError(f"{self.code}: {name} must be one of {allowed}, got {value!r}")
        for name in ("unit_values", "organising_values", "third_values"):
            if set(getattr(self, name)) != set(LEVEL_KEYS):
                raise ValueError(f"{self.code}: {name} needs exactly the keys {LEVEL_KEYS}")
        if not 0 <= self.absence_not_worked_share < 1:
            raise ValueError(f"{self.code}: absence_not_worked_share must be in [0, 1)")
        codes = [s.code for s in self.criteria_sets]
        if self.default_criteria_set not in codes:
            raise ValueError(f"{self.code}: default_criteria_set must be one of {codes}")
        if len({s.max_points for s in self.criteria_sets}) != 1:
            raise ValueError(f"{self.code}: every criteria set must have the same maximum")

    def __hash__(self) -> int:
        # The dict fields are not hashable; the code and start date identify a rulebook.
        return hash((self.code, self.effective_from))

    @property
    def general_max(self) -> Fraction:
        return self.criteria_set().max_points

    def criteria_set(self, code: str | None = None) -> CriteriaSet:
        """The named criteria set (default: the one new sheets use)."""
        wanted = self.default_criteria_set if code is None else code
        for criteria in self.criteria_sets:
            if criteria.code == wanted:
                return criteria
        known = ", ".join(s.code for s in self.criteria_sets)
        raise ScoringInputError(
            "criteria_set",
            _("There is no criteria set “%(code)s”. Criteria sets available: %(known)s.")
            % {"code": wanted, "known": known},
        )

    def criteria_set_for(self, points: Sequence[object] | Mapping[str, object]) -> CriteriaSet:
        """The set that fits the shape of `points`: a list by its length, a dict by its codes."""
        if isinstance(points, Mapping):
            keys = set(points)
            for criteria in self.criteria_sets:
                if keys == set(criteria.codes):
                    return criteria
            closest = max(self.criteria_sets, key=lambda s: len(keys & set(s.codes)))
            if keys & set(closest.codes):
                closest.ordered(points)  # raises, naming the missing and unknown codes
        else:
            for criteria in self.criteria_sets:
                if len(points) == len(criteria.items):
                    return criteria
        raise ScoringInputError("general", self._shapes_text(len(points)))

    def _shapes_text(self, count: int) -> str:
        separator = " " + _("or") + " "
        shapes = separator.join(
            _("%(count)s points (%(codes)s)") % {"count": len(s.items), "codes": ", ".join(s.codes)}
            for s in self.criteria_sets
        )
        return _("The general criteria need %(shapes)s; got %(count)s values.") % {
            "shapes": shapes,
            "count": count,
        }

    def basis_for(self, key: str) -> str:
        return self.basis.get(key, DECREE)

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (
            self.effective_to is None or day <= self.effective_to
        )


# The three sub-criteria of the old sheets (set "nd335-3"), kept for compatibility.
ND335_CRITERIA: tuple[Criterion, ...] = ND335_THREE.items

ND335 = Rulebook(
    code="nd335-2025",
    name=ND335_NAME,
    effective_from=date(2026, 1, 1),
    effective_to=None,
    criteria_sets=tuple(CRITERIA_SETS.values()),
    default_criteria_set=ND335_FORM01.code,
)

DEFAULT_RULEBOOK = ND335.code
RULEBOOKS: dict[str, Rulebook] = {ND335.code: ND335}


def get_rulebook(code: str = DEFAULT_RULEBOOK) -> Rulebook:
    try:
        return RULEBOOKS[code]
    except (KeyError, TypeError):
        known = ", ".join(sorted(RULEBOOKS))
        raise ScoringInputError(
            "rulebook",
            _("There is no rulebook “%(code)s”. Rulebooks available: %(known)s.")
            % {"code": code, "known": known},
        ) from None


def rulebook_for(day: date) -> Rulebook:
    """Return the rulebook in force on `day`."""
    for rulebook in RULEBOOKS.values():
        if rulebook.in_force(day):
            return rulebook
    raise ScoringInputError(
        "date", _("No scoring rulebook is in force on %(day)s.") % {"day": f"{day:%d/%m/%Y}"}
    )


def resolve(rulebook: Rulebook | None) -> Rulebook:
    return get_rulebook(DEFAULT_RULEBOOK) if rulebook is None else rulebook
