"""The general criteria sets of Decree 335 (Art. 12 and Form No. 01), as the decree words
them: reference data, Vietnamese by nature. A set is never changed once sheets were scored
with it; a new version gets a new code (canbo.scoring.criteria)."""

from __future__ import annotations

from fractions import Fraction

from canbo.scoring.criteria import HALF, QUARTER, CriteriaGroup, CriteriaSet, Criterion, single
from canbo.scoring.rulebook_data import DECREE

# The three sub-criteria scored as one number each: sheets scored before the form's split.
ND335_THREE = CriteriaSet(
    code="nd335-3",
    name="Ba tiêu chí chung (a, b, c), mỗi tiêu chí 10 điểm",
    groups=(
        single("a", "Phẩm chất chính trị, đạo đức, văn hóa công vụ, kỷ luật", 10),
        single("b", "Năng lực chuyên môn, trách nhiệm, thái độ phục vụ, phối hợp", 10),
        single("c", "Đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm", 10),
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
        single(
            "III",
            "Năng lực đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung",
            10,
        ),
    ),
    basis=f"Điều 12 và Mẫu số 01 {DECREE}; bước điểm 0,5 và 0,25: tham số cấu hình (chưa xác nhận)",
)

CRITERIA_SETS: dict[str, CriteriaSet] = {s.code: s for s in (ND335_THREE, ND335_FORM01)}
