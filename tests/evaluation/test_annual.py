"""Annual classification, overrides from discipline, and the 20 % quota."""

from datetime import date
from decimal import Decimal

import pytest

from canbo.cadre.services.records import record_decision
from canbo.evaluation.choices import AnnualStatus, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import AnnualResult, EvaluationPeriod, EvaluationSheet
from canbo.evaluation.services.annual import (
    compute_annual,
    finalise_annual,
    quota,
    quota_summary,
    record_quota_exception,
)
from tests.factories import make_person

YEAR = 2026


def _month_sheets(world, person, totals, worked=None):
    for month, total in enumerate(totals, start=1):
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
        EvaluationSheet.objects.create(
            person=person,
            period=period,
            status=SheetStatus.PUBLISHED,
            total=Decimal(str(total)),
            worked=(worked or {}).get(month, True),
        )


def test_average_over_worked_months_only(world):
    staff = world.people["staff"]
    _month_sheets(world, staff, [92, 88, 10, 90], worked={3: False})  # March: maternity leave
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    row = AnnualResult.objects.get(person=staff, year=YEAR)
    assert row.average == Decimal("90.0000") and row.periods_used == 3
    assert row.classification == "excellent"
    assert row.organization == world.tanphong


def test_discipline_forces_fail_with_the_reason(world):
    staff = world.people["staff"]
    _month_sheets(world, staff, [95, 95])
    record_decision(
        world.users["personnel"],
        staff,
        "khien_trach",
        "12/QĐ-UBND",
        date(YEAR, 6, 1),
        "UBND phường Tân Phong",
        "Vi phạm quy chế",
        in_public_duties=True,
    )
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    row = AnnualResult.objects.get(person=staff, year=YEAR)
    assert row.classification == "fail" and row.label == "Không hoàn thành nhiệm vụ"
    assert row.overrides == ["discipline"]
    assert any(step["rule"] == "override" for step in row.explanation)


def _province_of_ten(world):
    """12 'good' and 3 'excellent' in Tân Phong: the cap is floor(20 % × 12) = 2."""
    people = [
        make_person(f"Q-{i}", f"Người {i}", world.tp_economy, world.staff_title, world.position)
        for i in range(15)
    ]
    for i, person in enumerate(people):
        _month_sheets(world, person, [95 - i] if i < 3 else [80])
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    return people


def test_quota_blocks_finalisation_and_names_the_margin(world):
    _province_of_ten(world)
    reports = quota(YEAR, AnnualResult.objects.filter(year=YEAR))
    report = reports[world.tanphong.pk]
    agency = next(g for g in report.groups if g.group == "Toàn cơ quan")
    assert (agency.cap, agency.excess, agency.exceeded) == (2, 1, True)
    assert [e.person_id for e in agency.margin_excellent] == [
        str(AnnualResult.objects.get(person__code="Q-2").person_id)
    ]
    summary = quota_summary(YEAR, AnnualResult.objects.filter(year=YEAR))[world.tanphong.pk]
    # the 5 people of the test world have no month, so no classification ("")
    assert summary == {"counts": {"": 5, "excellent": 3, "good": 12}, "exceeded": True}
    with pytest.raises(EvaluationError, match="Vượt tỷ lệ"):
        finalise_annual(world.users["personnel"], YEAR, world.tanphong)
    assert not AnnualResult.objects.filter(status=AnnualStatus.FINAL).exists()


def test_recorded_exception_raises_the_cap(world):
    _province_of_ten(world)
    with pytest.raises(EvaluationError):
        record_quota_exception(world.users["personnel"], world.tanphong, YEAR, " ")
    record_quota_exception(
        world.users["personnel"],
        world.tanphong,
        YEAR,
        "QĐ 45/QĐ-UBND ngày 01/12/2026 công nhận thành tích xuất sắc",
    )
    report = quota(YEAR, AnnualResult.objects.filter(year=YEAR))[world.tanphong.pk]
    assert not report.exceeded  # floor(25 % × 12) = 3
    results = AnnualResult.objects.filter(year=YEAR)
    assert not quota_summary(YEAR, results)[world.tanphong.pk]["exceeded"]
    assert finalise_annual(world.users["personnel"], YEAR, world.tanphong).rows > 0


def test_quota_screen_query_count_does_not_grow(client, world, django_assert_num_queries):
    _province_of_ten(world)
    client.force_login(world.users["personnel"])
    # session, user, profile; exceptions (once), level counts, communes; the one commune's
    # rows and their months not approved: the same with more people.
    with django_assert_num_queries(8) as first:
        html = client.get(f"/evaluation/annual/{YEAR}/").content.decode()
    assert "Phường Tân Phong" in html
    for i in range(20):
        person = make_person(
            f"R-{i}", f"Thêm {i}", world.tp_office, world.staff_title, world.position
        )
        _month_sheets(world, person, [80])
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(f"/evaluation/annual/{YEAR}/")
