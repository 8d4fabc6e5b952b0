"""Year-end: exact averages, groups, decisions resolving the quota, finalising per commune."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from canbo.core.models import AuditEntry
from canbo.evaluation.choices import AnnualStatus, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import AnnualResult, EvaluationPeriod, EvaluationSheet
from canbo.evaluation.services.annual import (
    compute_annual,
    decide_final_level,
    finalise_annual,
    quota,
    set_task_group,
)
from tests.factories import make_person

YEAR = 2026


def _months(org, person, totals, exact=None):
    for month, total in enumerate(totals, start=1):
        period, _ = EvaluationPeriod.objects.get_or_create(
            organization=org,
            kind="month",
            start=date(YEAR, month, 1),
            defaults={
                "self_assessment_due": date(YEAR, month, 5),
                "review_due": date(YEAR, month, 8),
                "approval_due": date(YEAR, month, 10),
            },
        )
        result = {"total_exact": exact} if exact else None
        EvaluationSheet.objects.create(
            person=person,
            period=period,
            result=result,
            status=SheetStatus.PUBLISHED,
            total=Decimal(str(total)),
        )


def _commune(world, org, prefix, excellent, good):
    people = [
        make_person(f"{prefix}-{i}", f"Người {prefix} {i}", org, world.staff_title, world.position)
        for i in range(excellent + good)
    ]
    for i, person in enumerate(people):
        _months(org, person, [95 - i] if i < excellent else [80])
    return people


def _row(code) -> AnnualResult:
    return AnnualResult.objects.get(person__code=code, year=YEAR)


def test_the_year_averages_exact_monthly_totals(world):
    staff = world.people["staff"]
    just_below = str(Fraction(8999998857, 100000000))  # 89.99998857: "tốt"
    _months(world.tanphong, staff, [90.0, 90.0], exact=just_below)
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    row = _row("TP-1")
    assert row.classification == "good"
    assert Fraction(row.average_exact) == Fraction(just_below)
    assert row.average == Decimal("90.0000")  # display only: the level stays "good"


def test_leaders_form_two_groups_apart_from_the_staff(world):
    for person in world.people.values():
        _months(world.tanphong, person, [80])
    compute_annual(world.users["personnel"], YEAR, world.province)
    assert _row("TP-5").task_group == "commune_leaders"
    assert _row("TP-4").task_group == "department_leaders"
    assert _row("TP-1").task_group == world.position.field


def test_a_moved_person_stays_in_the_group_on_recompute(world):
    _months(world.tanphong, world.people["staff"], [80])
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    set_task_group(world.users["personnel"], _row("TP-1"), "it", "Làm công nghệ thông tin")
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    assert _row("TP-1").task_group == "it" and _row("TP-1").task_group_manual
    with pytest.raises(EvaluationError):
        set_task_group(world.users["chair"], _row("TP-1"), "land")
    with pytest.raises(EvaluationError, match="không hợp lệ"):
        set_task_group(world.users["personnel"], _row("TP-1"), "nowhere")


def test_a_lower_final_level_by_decision_resolves_the_excess(world):
    _commune(world, world.tp_economy, "Q", excellent=3, good=12)  # cap floor(0.2 × 12) = 2
    personnel = world.users["personnel"]
    compute_annual(personnel, YEAR, world.tanphong)
    with pytest.raises(EvaluationError, match="Vượt tỷ lệ"):
        finalise_annual(personnel, YEAR, world.tanphong)
    margin = _row("Q-2")
    decide_final_level(world.users["chair"], margin, "good", "Ít sáng kiến hơn", "15/QĐ-UBND")
    row = _row("Q-2")
    assert (row.classification, row.final_level, row.level) == ("excellent", "good", "good")
    assert AuditEntry.objects.filter(action="evaluation.decide_final_level").exists()
    report = quota(YEAR, AnnualResult.objects.filter(year=YEAR))[world.tanphong.pk]
    assert not report.exceeded  # 2 excellent against 13 good: cap 2
    assert finalise_annual(personnel, YEAR, world.tanphong).rows == 20
    # the decision survives a recompute only while the row is a draft; final rows are kept
    compute_annual(personnel, YEAR, world.tanphong)
    assert _row("Q-2").final_level == "good"


@pytest.mark.parametrize(
    "level, reason, decision, message",
    [
        ("excellent", "x", "1/QĐ", "thấp hơn"),
        ("good", "", "1/QĐ", "lý do"),
        ("good", "Lý do", "", "số quyết định"),
        ("best", "x", "1/QĐ", "không hợp lệ"),
    ],
)
def test_bad_decisions_change_nothing(world, level, reason, decision, message):
    _commune(world, world.tp_economy, "Q", excellent=1, good=0)
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    with pytest.raises(EvaluationError, match=message):
        decide_final_level(world.users["personnel"], _row("Q-0"), level, reason, decision)
    assert _row("Q-0").final_level == ""
    assert not AuditEntry.objects.filter(action="evaluation.decide_final_level").exists()


def test_no_decision_on_a_finalised_row_nor_by_the_person_or_an_outsider(world):
    _months(world.tanphong, world.people["chair"], [95])
    _months(world.tanphong, world.people["staff"], [95])
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    with pytest.raises(EvaluationError, match="quyền"):  # his own row goes to the province
        decide_final_level(world.users["chair"], _row("TP-5"), "good", "x", "1/QĐ")
    with pytest.raises(EvaluationError, match="quyền"):
        decide_final_level(world.users["outsider"], _row("TP-1"), "good", "x", "1/QĐ")
    AnnualResult.objects.update(status=AnnualStatus.FINAL)
    with pytest.raises(EvaluationError, match="đã chốt"):
        decide_final_level(world.users["personnel"], _row("TP-1"), "good", "x", "1/QĐ")


def test_rows_already_final_count_in_the_quota(world):
    _commune(world, world.tp_economy, "Q", excellent=1, good=5)  # cap floor(0.2 × 5) = 1
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    finalise_annual(world.users["personnel"], YEAR, world.tanphong)
    newcomer = make_person("Q-N", "Người mới", world.tp_economy, world.staff_title, world.position)
    _months(world.tp_economy, newcomer, [96])
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    with pytest.raises(EvaluationError, match="Vượt tỷ lệ"):
        finalise_annual(world.users["personnel"], YEAR, world.tanphong)
    assert _row("Q-N").status == AnnualStatus.DRAFT


def test_the_province_finalises_the_communes_within_the_cap(world):
    _commune(world, world.tp_economy, "Q", excellent=3, good=5)  # over
    _commune(world, world.dk_office, "D", excellent=1, good=5)  # within
    compute_annual(world.users["personnel"], YEAR, world.province)
    outcome = finalise_annual(world.users["personnel"], YEAR, world.province)
    assert [c.name for c in outcome.finalised] == ["Phường Đoàn Kết"]
    assert list(outcome.refused) == ["Phường Tân Phong"]
    assert _row("D-0").status == AnnualStatus.FINAL and _row("Q-0").status == AnnualStatus.DRAFT


def test_finalise_year_command(world, capsys):
    _commune(world, world.tp_economy, "Q", excellent=3, good=5)
    _commune(world, world.dk_office, "D", excellent=1, good=5)
    with pytest.raises(CommandError) as refused:
        call_command("finalise-year", "--year", "2026", "--org", "000.00.00.H29")
    assert "Phường Tân Phong" in str(refused.value) and "vượt" in str(refused.value)
    assert _row("D-0").status == AnnualStatus.FINAL
    call_command("finalise-year", "--year", "2026", "--org", "Phường Đoàn Kết")
    assert "Đã chốt" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("finalise-year", "--year", "2026", "--org", "Không có")


def test_a_month_on_leave_is_excluded_and_the_explanation_says_why(world):
    from canbo.people.leave import record_leave

    staff = world.people["staff"]
    _months(world.tanphong, staff, [80, 80, 20, 80])
    record_leave(
        world.users["personnel"],
        staff,
        "maternity",
        date(YEAR, 3, 1),
        date(YEAR, 3, 31),
        "QĐ 12/QĐ-UBND",
    )
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    row = _row("TP-1")
    assert row.periods_used == 3 and row.periods_absent == 1 and row.average == 80
    texts = " ".join(step["text"] for step in row.explanation)
    assert "Tháng 03/2026" in texts and "QĐ 12/QĐ-UBND" in texts and "không tính" in texts


def test_the_short_year_precedent_spares_maternity(world, monkeypatch):
    from dataclasses import replace

    from canbo.evaluation.services import annual
    from canbo.people.leave import record_leave

    on = replace(annual.rulebook_for(date(YEAR, 1, 1)), short_year_rule=True)
    monkeypatch.setattr(annual, "rulebook_for", lambda day: on)
    staff, colleague = world.people["staff"], world.people["colleague"]
    for person in (staff, colleague):
        _months(world.tanphong, person, [95] * 12)
    personnel = world.users["personnel"]
    record_leave(personnel, staff, "sick", date(YEAR, 3, 1), date(YEAR, 6, 30), "GCN 1")
    record_leave(personnel, colleague, "maternity", date(YEAR, 3, 1), date(YEAR, 6, 30), "QĐ 2")
    compute_annual(personnel, YEAR, world.tanphong)
    assert _row("TP-1").classification == "complete"  # 4 months sick: capped
    assert _row("TP-2").classification == "excellent"  # maternity: spared


def test_a_recompute_updates_the_stored_row_in_place(world):
    staff = world.people["staff"]
    _months(world.tanphong, staff, [80])
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    row = _row("TP-1")
    EvaluationSheet.objects.filter(person=staff).update(total=Decimal("95"))
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    again = _row("TP-1")
    assert again.pk == row.pk and again.classification == "excellent"
    assert again.average == Decimal("95.0000") and again.computed_at >= row.computed_at
