"""Classification by thresholds (Art. 20), with overrides that force "fail"."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from canbo.scoring.numfmt import fmt, rounded
from canbo.scoring.rulebook import Rulebook, resolve
from canbo.scoring.types import Classification, ScoringInputError, Step

EXCELLENT = "excellent"
GOOD = "good"
COMPLETE = "complete"
FAIL = "fail"
LEVELS = (EXCELLENT, GOOD, COMPLETE, FAIL)

LABELS: dict[str, str] = {
    EXCELLENT: "Hoàn thành xuất sắc nhiệm vụ",
    GOOD: "Hoàn thành tốt nhiệm vụ",
    COMPLETE: "Hoàn thành nhiệm vụ",
    FAIL: "Không hoàn thành nhiệm vụ",
}

OVERRIDES: dict[str, str] = {
    "degradation": (
        "Có kết luận của cấp có thẩm quyền về suy thoái tư tưởng chính trị, đạo đức, lối sống, "
        "“tự diễn biến”, “tự chuyển hóa”, vi phạm những điều đảng viên không được làm "
        "hoặc vi phạm trách nhiệm nêu gương"
    ),
    "discipline": (
        "Bị xử lý kỷ luật từ khiển trách trở lên do vi phạm trong thực thi công vụ "
        "trong năm đánh giá"
    ),
    "corruption_in_unit": (
        "Đơn vị do mình trực tiếp phụ trách bị xử lý về tham nhũng, tham ô, lãng phí "
        "(áp dụng với người lãnh đạo, quản lý)"
    ),
}


def check_overrides(overrides: Sequence[str]) -> None:
    for index, code in enumerate(overrides):
        if code not in OVERRIDES:
            known = ", ".join(OVERRIDES)
            raise ScoringInputError(
                f"overrides[{index}]", f"Căn cứ “{code}” không hợp lệ. Giá trị hợp lệ: {known}."
            )


def lower_than(level: str, reference: str | None) -> bool:
    """Whether `level` is strictly below `reference` (nothing is below an unknown level)."""
    if level not in LEVELS or reference not in LEVELS:
        return False
    return LEVELS.index(level) > LEVELS.index(reference)


def level_for(total: Fraction, rulebook: Rulebook) -> str:
    """Level from the unrounded total alone."""
    if total >= rulebook.threshold_excellent:
        return EXCELLENT
    if total >= rulebook.threshold_good:
        return GOOD
    if total >= rulebook.threshold_complete:
        return COMPLETE
    return FAIL


def _threshold_text(total: Fraction, level: str, rulebook: Rulebook) -> str:
    bounds = {
        EXCELLENT: f"≥ {fmt(rulebook.threshold_excellent)}",
        GOOD: f"từ {fmt(rulebook.threshold_good)} đến dưới {fmt(rulebook.threshold_excellent)}",
        COMPLETE: f"từ {fmt(rulebook.threshold_complete)} đến dưới {fmt(rulebook.threshold_good)}",
        FAIL: f"< {fmt(rulebook.threshold_complete)}",
    }
    text = f"Tổng điểm {fmt(total)} ({bounds[level]}): {LABELS[level]}."
    if rounded(total) != total:
        # 89,999 displays as 90 but is classified below 90: say so.
        text += " Xếp loại theo điểm chưa làm tròn."
    return text


def classify(
    total: Fraction | None,
    rulebook: Rulebook | None = None,
    overrides: Sequence[str] = (),
    explain: bool = True,
) -> Classification:
    """Classify an unrounded total; any override forces "fail", even without a total."""
    rulebook = resolve(rulebook)
    check_overrides(overrides)
    if not explain:
        code = FAIL if overrides else (None if total is None else level_for(total, rulebook))
        return Classification(code, LABELS[code] if code else None, ())
    basis = rulebook.basis_for("thresholds")
    steps: list[Step] = []
    if total is None:
        steps.append(
            Step("classification", basis, "Chưa có tổng điểm nên không xếp loại theo điểm.")
        )
        code = None
    else:
        code = level_for(total, rulebook)
        steps.append(Step("classification", basis, _threshold_text(total, code, rulebook)))
    for override in dict.fromkeys(overrides):
        text = f"{OVERRIDES[override]}: xếp loại {LABELS[FAIL]} bất kể điểm số."
        steps.append(Step("override", rulebook.basis_for("overrides"), text))
        code = FAIL
    return Classification(code, LABELS[code] if code else None, tuple(steps))
