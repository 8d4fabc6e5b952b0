"""General criteria sets (tiêu chí chung, Art. 12) as versioned data.

A set is never changed once sheets were scored with it: a new version gets a new code, and
every sheet keeps the code of the set it was scored with.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

from canbo.scoring.types import ScoringInputError

T = TypeVar("T")

DECREE = "NĐ 335/2025/NĐ-CP"
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
            raise ScoringInputError(
                "general",
                f"Bộ tiêu chí “{self.code}” cần đúng các mục {', '.join(self.codes)}"
                + (f"; thiếu {', '.join(missing)}" if missing else "")
                + (f"; không có mục {', '.join(unknown)}" if unknown else "")
                + ".",
            )
        return [points[code] for code in self.codes]


def _one(code: str, label: str, max_points: int) -> CriteriaGroup:
    return CriteriaGroup(code, label, (Criterion(code, label, Fraction(max_points), HALF),))


# The three sub-criteria scored as one number each: sheets scored before the form's split.
ND335_THREE = CriteriaSet(
    code="nd335-3",
    name="Ba tiêu chí chung (a, b, c), mỗi tiêu chí 10 điểm",
    groups=(
        _one("a", "Phẩm chất chính trị, đạo đức, văn hóa công vụ, kỷ luật", 10),
        _one("b", "Năng lực chuyên môn, trách nhiệm, thái độ phục vụ, phối hợp", 10),
        _one("c", "Đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm", 10),
    ),
    basis=f"Điều 12 {DECREE}; điểm từng tiêu chí: tham số cấu hình (chưa xác nhận)",
)

_B = Fraction(5, 2)
# Mẫu số 01 "Phiếu theo dõi, đánh giá công chức"; steps of 0.5 and 0.25 are not confirmed.
ND335_FORM01 = CriteriaSet(
    code="nd335-mau01",
    name="Mẫu số 01 – Phiếu theo dõi, đánh giá công chức",
    groups=(
        CriteriaGroup(
            "I",
            "Phẩm chất chính trị, phẩm chất đạo đức, văn hóa thực thi công vụ và ý thức kỷ luật,"
            " kỷ cương trong thực thi công vụ",
            (
                Criterion(
                    "I.1",
                    "Phẩm chất chính trị, phẩm chất đạo đức, văn hóa thực thi công vụ",
                    Fraction(5),
                    HALF,
                ),
                Criterion(
                    "I.2", "Ý thức kỷ luật, kỷ cương trong thực thi công vụ", Fraction(5), HALF
                ),
            ),
        ),
        CriteriaGroup(
            "II",
            "Năng lực chuyên môn, nghiệp vụ; khả năng đáp ứng yêu cầu nhiệm vụ; tinh thần trách"
            " nhiệm; thái độ phục vụ người dân, doanh nghiệp và phối hợp với đồng nghiệp",
            (
                Criterion(
                    "II.1",
                    "Năng lực chuyên môn, nghiệp vụ theo yêu cầu của vị trí việc làm",
                    _B,
                    QUARTER,
                ),
                Criterion(
                    "II.2",
                    "Khả năng đáp ứng yêu cầu thực thi nhiệm vụ được giao thường xuyên, đột xuất",
                    _B,
                    QUARTER,
                ),
                Criterion("II.3", "Tinh thần trách nhiệm trong thực thi công vụ", _B, QUARTER),
                Criterion(
                    "II.4",
                    "Thái độ phục vụ người dân, doanh nghiệp và khả năng phối hợp với đồng nghiệp",
                    _B,
                    QUARTER,
                ),
            ),
        ),
        _one(
            "III",
            "Năng lực đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung",
            10,
        ),
    ),
    basis=f"Điều 12 và Mẫu số 01 {DECREE}; bước điểm 0,5 và 0,25: tham số cấu hình (chưa xác nhận)",
)

CRITERIA_SETS: dict[str, CriteriaSet] = {s.code: s for s in (ND335_THREE, ND335_FORM01)}
