"""A 2026 year-end in the test province, written directly as annual results (the outputs read
results; how they are computed is tested in tests/evaluation)."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from canbo.evaluation.choices import AnnualStatus, SheetStatus
from canbo.evaluation.models import AnnualResult, EvaluationPeriod, EvaluationSheet, QuotaException
from canbo.scoring import LABELS
from tests.factories import make_person

YEAR = 2026


@dataclass
class YearEnd:
    rows: dict[str, AnnualResult]


def result(
    person,
    org,
    level,
    average=None,
    *,
    group="archives",
    final="",
    decision="",
    overrides=(),
    exact="",
    status=AnnualStatus.DRAFT,
    used=12,
    absent=0,
):
    return AnnualResult.objects.create(
        person=person,
        year=YEAR,
        organization=org,
        task_group=group,
        average=None if average is None else Decimal(average),
        average_exact=exact,
        periods_used=used,
        periods_absent=absent,
        overrides=list(overrides),
        classification=level,
        label=LABELS.get(level, ""),
        final_level=final,
        final_reason="Vượt tỷ lệ" if final else "",
        final_decision=decision,
        status=status,
    )


def month_sheet(world, person, month: int, status: str, worked: bool = True):
    period, _ = EvaluationPeriod.objects.get_or_create(
        organization=world.tanphong,
        kind="month",
        start=date(YEAR, month, 1),
        defaults={
            "self_assessment_due": date(YEAR, month, 5),
            "review_due": date(YEAR, month, 8),
            "approval_due": date(YEAR, month, 10),
        },
    )
    return EvaluationSheet.objects.create(
        person=person, period=period, status=status, worked=worked
    )


def build_year_end(world) -> YearEnd:
    """Tân Phong: archives group 2 excellent + 6 good (one lowered from excellent by
    decision): cap 1, over; the chairman alone in the commune leaders' group (excellent, cap
    0); one fail by discipline; one unclassified. Đoàn Kết: one good, final, with an
    exception decision."""
    tp, economy = world.tanphong, world.tp_economy
    people = {
        f"A{i}": make_person(f"A-{i}", f"Người tốt {i}", economy, world.staff_title, world.position)
        for i in range(1, 6)
    }
    people["E3"] = make_person(
        "E-3", '=HYPERLINK("http://x")', economy, world.staff_title, world.position
    )
    rows = {
        key: result(person, tp, "good", "80.5")
        for key, person in people.items()
        if key.startswith("A")
    }
    rows["E1"] = result(world.people["staff"], tp, "excellent", "91.5", exact="183/2")
    rows["E2"] = result(
        world.people["colleague"], tp, "excellent", "89.9950", exact="8999499999/100000000"
    )
    rows["E3"] = result(people["E3"], tp, "excellent", "95", final="good", decision="15/QĐ-UBND")
    rows["chair"] = result(world.people["chair"], tp, "excellent", "93", group="commune_leaders")
    rows["F1"] = result(
        world.people["economy"], tp, "fail", "85", group="economy", overrides=["discipline"]
    )
    rows["U1"] = result(world.people["head"], tp, "", None, used=0, absent=12)
    rows["DK"] = result(
        world.people["outsider"], world.doanket, "good", "75", status=AnnualStatus.FINAL
    )
    QuotaException.objects.create(organization=world.doanket, year=YEAR, decision="9/QĐ-UBND")
    month_sheet(world, people["A1"], 3, SheetStatus.REVIEWED)
    month_sheet(world, people["A1"], 4, SheetStatus.DRAFT, worked=False)
    month_sheet(world, people["A1"], 5, SheetStatus.PUBLISHED)
    month_sheet(world, people["A2"], 11, SheetStatus.SELF_ASSESSED)
    return YearEnd(rows)
