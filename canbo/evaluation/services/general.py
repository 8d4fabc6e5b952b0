"""The general criteria table of a sheet as the decree's form 01 lays it out.

Rows: a group line (I, II) with the subtotal of its lines, then its lines (I.1, I.2 …); a
group scored as one line (III, and each of a, b, c of the old set) is a single row; a last
row holds the totals. The web page and the .docx both print these rows.
"""

from dataclasses import dataclass, field
from fractions import Fraction

from django.utils.translation import gettext as _

from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.result import criteria_of
from canbo.scoring import CriteriaSet, fmt, to_fraction

GROUP, ITEM, TOTAL = "group", "item", "total"


@dataclass
class Row:
    kind: str
    code: str
    label: str
    max_points: Fraction
    self_points: float | None = None
    review_points: float | None = None
    reason: str = ""
    index: int | None = None  # the line's index in the set (the form field c<index>)
    step: Fraction | None = None
    bound: dict = field(default_factory=dict)  # form fields shown in this row, by column

    @property
    def max_text(self) -> str:
        return fmt(self.max_points)

    @property
    def heading(self) -> bool:
        return self.kind != ITEM or self.code.count(".") == 0


def _at(values: list | None, index: int) -> float | None:
    return values[index] if values and index < len(values) else None


def _sum(values: list | None, start: int, end: int) -> float | None:
    """The sum of lines start..end, or None while any of them is not scored."""
    part = [_at(values, i) for i in range(start, end)]
    if any(v is None for v in part):
        return None
    return float(sum((to_fraction(v) for v in part), Fraction(0)))


def rows_for(
    criteria: CriteriaSet,
    self_points: list | None,
    review_points: list | None,
    reasons: dict | None = None,
) -> list[Row]:
    reasons = reasons or {}
    rows, start = [], 0
    for group in criteria.groups:
        end = start + len(group.items)
        if not group.single:
            rows.append(
                Row(
                    GROUP,
                    group.code,
                    group.label,
                    group.max_points,
                    _sum(self_points, start, end),
                    _sum(review_points, start, end),
                )
            )
        for index in range(start, end):
            item = criteria.items[index]
            rows.append(
                Row(
                    ITEM,
                    item.code,
                    item.label,
                    item.max_points,
                    _at(self_points, index),
                    _at(review_points, index),
                    reasons.get(str(index), ""),
                    index,
                    item.step,
                )
            )
        start = end
    size = len(criteria.items)
    rows.append(
        Row(
            TOTAL,
            "",
            _("Total general criteria"),
            criteria.max_points,
            _sum(self_points, 0, size),
            _sum(review_points, 0, size),
        )
    )
    return rows


def general_rows(sheet: EvaluationSheet) -> list[Row]:
    """The sheet's table with what was self-assessed, reviewed and why it was changed."""
    return rows_for(
        criteria_of(sheet), sheet.general_self, sheet.general_review, sheet.adjust_reasons
    )
