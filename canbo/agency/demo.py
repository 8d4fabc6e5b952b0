"""Demo data of the agency evaluation: the 2026 indicator set of five (invented but
plausible), targets and actuals of every unit, computed criteria, most communes
self-assessed, some reviewed. Deterministic and idempotent."""

import random
from decimal import Decimal

from canbo.agency import actuals, evaluations, indicators, targets, workflow
from canbo.agency.defaults import ensure_default_set
from canbo.agency.models import (
    AgencyEvaluation,
    EvaluationStatus,
    IndicatorSet,
    Measure,
    Score,
)

YEAR = 2026
# name, unit, direction, points, (low, high) of the target, how far actuals spread
FIVE = [
    ("Thu nhập bình quân đầu người", "triệu đồng/người/năm", "higher", (28, 62), 0.12),
    ("Tỷ lệ hộ nghèo cuối năm", "%", "lower", (6, 38), 0.15),
    ("Số tiêu chí nông thôn mới đạt", "tiêu chí", "higher", (9, 19), 0.10),
    ("Thu ngân sách nhà nước trên địa bàn", "triệu đồng", "higher", (1500, 42000), 0.20),
    ("Tỷ lệ che phủ rừng", "%", "higher", (35, 72), 0.05),
]
SOURCES = (
    "Báo cáo KT-XH năm 2026 của UBND xã",
    "Chi cục Thống kê khu vực",
    "Kho bạc Nhà nước khu vực",
)


def seed_agency(stdout) -> None:
    rng = random.Random(15)
    ensure_default_set()
    indicator_set = _indicator_set()
    communes = evaluations.communes()
    _targets_and_actuals(rng, indicator_set, communes)
    evaluations.recompute_province(YEAR)
    assessed, reviewed = _workflow()
    stdout.write(
        f"Đánh giá cơ quan {YEAR}: {len(communes)} đơn vị, bộ 5 chỉ tiêu KT-XH; "
        f"{assessed} đơn vị đã tự đánh giá, {reviewed} đã được Sở Nội vụ thẩm định."
    )


def _indicator_set() -> IndicatorSet:
    found = evaluations.active_indicator_set(YEAR)
    if found is not None:
        return found
    rows = [
        {
            "code": f"KTXH{i + 1}",
            "name": name,
            "unit": unit,
            "direction": direction,
            "max_points": 4,
            "full_ratio": 1,
            "zero_ratio": "0.5",
        }
        for i, (name, unit, direction, _r, _s) in enumerate(FIVE)
    ]
    return indicators.create_indicator_set(
        None,
        YEAR,
        "5 chỉ tiêu kinh tế - xã hội cơ bản",
        rows,
        "Bộ chỉ tiêu minh hoạ (dữ liệu demo, không phải số liệu thật của tỉnh).",
    )


def _targets_and_actuals(rng, indicator_set: IndicatorSet, communes) -> None:
    found = list(indicator_set.indicators.order_by("order"))
    for commune in communes:
        for indicator, (_n, _u, direction, (low, high), spread) in zip(found, FIVE, strict=True):
            target = Decimal(str(round(rng.uniform(low, high), 1)))
            actual_factor = 1 + rng.uniform(-spread, spread * 0.6)
            if direction == "lower":
                actual_factor = 1 / actual_factor
            actual = (target * Decimal(str(round(actual_factor, 3)))).quantize(Decimal("0.1"))
            if not indicator.targets.filter(organization=commune).exists():
                targets.set_target(None, indicator, commune, target)
            if not indicator.actuals.filter(organization=commune).exists():
                row = actuals.enter_actual(
                    None,
                    indicator,
                    commune,
                    actual,
                    rng.choice(SOURCES),
                    f"Báo cáo số {rng.randint(10, 250)}/BC-UBND ngày 30/11/{YEAR}",
                )
                if rng.random() < 0.6:
                    actuals.review_actual(None, row, True, "")


def _workflow() -> tuple[int, int]:
    found = list(
        AgencyEvaluation.objects.filter(year=YEAR)
        .select_related("organization")
        .order_by("organization__path")
    )
    for evaluation in found:
        # One generator per commune: a commune left as a draft stays one on a second run.
        rng = random.Random(f"agency-{evaluation.organization.code}")
        if evaluation.status != EvaluationStatus.DRAFT or rng.random() < 0.2:
            continue
        entries = {}
        for score in Score.objects.filter(evaluation=evaluation).select_related("criterion"):
            criterion = score.criterion
            if criterion.measure != Measure.ENTERED or score.computed is not None:
                continue
            share = Decimal(str(round(rng.uniform(0.6, 1.0), 2)))
            points = (criterion.max_points * share * 2).quantize(Decimal(1)) / 2  # steps of 0.5
            entries[criterion.code] = (
                points,
                f"Báo cáo tự đánh giá số {rng.randint(1, 99)}/BC-UBND, tiêu chí {criterion.code}",
            )
        workflow.save_self_assessment(None, evaluation, entries)
        workflow.submit_self_assessment(None, evaluation)
        if rng.random() < 0.3:
            workflow.review_evaluation(
                None,
                evaluation,
                {},
                "Thống nhất với kết quả tự đánh "
                "giá; số liệu chỉ tiêu đã đối chiếu với Chi cục Thống kê.",
            )
    statuses = list(AgencyEvaluation.objects.filter(year=YEAR).values_list("status", flat=True))
    assessed = sum(s != EvaluationStatus.DRAFT for s in statuses)
    reviewed = sum(s in (EvaluationStatus.REVIEWED, EvaluationStatus.PUBLISHED) for s in statuses)
    return assessed, reviewed
