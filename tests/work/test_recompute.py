import random
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from canbo.work.choices import JobStatus
from canbo.work.errors import WorkError
from canbo.work.models import PeriodScore, RecomputeJob
from canbo.work.periods import parse_period
from canbo.work.recompute import build_rows, refresh_person_period
from canbo.work.task_services import (
    certify_objective_cause,
    complete_task,
    extend_deadline,
    record_quality_review,
)


def score(person, kind="month", start=date(2026, 3, 1)):
    return PeriodScore.objects.get(person=person, kind=kind, period_start=start)


def test_month_by_hand(world, march):
    call_command("recompute", period="2026-03")
    row = score(world.people["staff"])
    # A = 3 + 1 + 2 + 1 = 7; completed 5; quality 2.625 + 1 + 1; progress 3 + 0.5 + 1
    assert (row.a, row.b, row.c) == (Decimal("0.714286"), Decimal("0.660714"), Decimal("0.642857"))
    assert row.task_score == Decimal("47.083333")  # 70 × (5 + 4.625 + 4.5) / 7 / 3
    assert (row.assigned_weight, row.completed_weight) == (7, 5)
    assert (row.quality_weight, row.progress_weight) == (Decimal("4.625"), Decimal("4.5"))
    assert row.total is None and row.classification == "" and not row.no_items
    assert row.rulebook == "nd335-2025" and row.job.status == JobStatus.DONE
    assert score(world.people["colleague"]).no_items


def test_single_person_refresh_explains_every_item(world, march):
    row = refresh_person_period(world.people["staff"].pk, date(2026, 3, 17))
    assert row.task_score == Decimal("47.083333")
    rules = [step["rule"] for step in row.explanation]
    assert rules.count("quantity") == 4 and "quality_deduction" in rules
    assert "delay_deduction" in rules and "objective_cause" in rules
    assert all(step["basis"] for step in row.explanation)


def test_quarter_and_year(world, march):
    call_command("recompute", period="2026")
    staff, colleague = world.people["staff"], world.people["colleague"]
    assert score(staff, "quarter", date(2026, 1, 1)).task_score == Decimal("47.083333")
    assert score(colleague, "quarter", date(2026, 4, 1)).a == 0
    assert score(staff, "year", date(2026, 1, 1)).task_score == Decimal("47.083333")
    assert score(world.people["head"], "year", date(2026, 1, 1)).no_items
    people = 6
    assert PeriodScore.objects.count() == people * (12 + 4 + 1)
    assert RecomputeJob.objects.get().rows == people * 17


def test_recompute_is_idempotent_and_follows_changes(world, march, make_task):
    call_command("recompute", period="2026-Q1")
    first = score(world.people["staff"])
    make_task(coefficient="1.00", due_date=date(2026, 3, 30))
    call_command("recompute", period="2026-Q1")
    again = score(world.people["staff"])
    assert again.pk == first.pk and again.assigned_weight == 8
    assert PeriodScore.objects.filter(kind="month").count() == 6 * 3


def test_org_limits_the_people(world, march):
    call_command("recompute", period="2026-03", org=world.doanket.code)
    assert set(PeriodScore.objects.values_list("person", flat=True)) == {
        world.people["outsider"].pk
    }
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("recompute", period="2026-03", org="999.99.99.H99")


@pytest.mark.parametrize(
    "text,kind,start,months",
    [
        ("2026-10", "month", date(2026, 10, 1), 1),
        ("2026-3", "month", date(2026, 3, 1), 1),
        ("2026-Q3", "quarter", date(2026, 7, 1), 3),
        ("2026-q1", "quarter", date(2026, 1, 1), 3),
        (" 2026 ", "year", date(2026, 1, 1), 12),
    ],
)
def test_period_parsing(text, kind, start, months):
    period = parse_period(text)
    assert (period.kind, period.start, len(period.months)) == (kind, start, months)
    assert parse_period(period.label) == period


@pytest.mark.parametrize(
    "bad",
    ["2026-13", "2026-00", "2026-Q5", "26-10", "tháng 10", "", "1999", "2026/10", "2026-10-01"],
)
def test_bad_period_is_a_clear_error(db, bad):
    with pytest.raises(WorkError):
        parse_period(bad)
    with pytest.raises(CommandError, match="không hợp lệ|nằm ngoài"):
        call_command("recompute", period=bad)
    assert not RecomputeJob.objects.exists()


def test_period_without_rulebook_fails_the_job(world, make_task):
    with pytest.raises(CommandError, match="bộ quy tắc"):
        call_command("recompute", period="2025-06")
    job = RecomputeJob.objects.get()
    assert job.status == JobStatus.FAILED and job.errors and not PeriodScore.objects.exists()


def test_grouped_loader_matches_scoring_each_task(world, make_task):
    rng = random.Random(335)
    head, chair = world.users["head"], world.users["chair"]
    people = ["staff", "colleague", "economy", "outsider"]
    for _ in range(120):
        due = date(2026, rng.choice([1, 2]), rng.randint(5, 20))
        task = make_task(
            rng.choice(people),
            quantity=rng.choice(["1", "1", "2", "0.5"]),
            coefficient=rng.choice(["1.00", "1.50", "0.80"]),
            assigned_date=date(2026, 1, 2),
            due_date=due,
        )
        if rng.random() < 0.3:
            task = extend_deadline(head, task, due.replace(day=25))
        if rng.random() < 0.8:
            task = complete_task(head, task, due.replace(day=rng.randint(3, 28)))
            for _ in range(rng.choice([0, 0, 1, 3, 5])):
                review = record_quality_review(head, task, passed=False, note="Lỗi")
                if rng.random() < 0.3:
                    certify_objective_cause(chair, review, "Khách quan")
    rows = build_rows(parse_period("2026-02"), None, None)
    rows += build_rows(parse_period("2026-01"), None, None)
    for row in rows:
        single = refresh_person_period(row.person_id, row.period_start)
        fields = (
            "a",
            "b",
            "c",
            "task_score",
            "no_items",
            "assigned_weight",
            "completed_weight",
            "quality_weight",
            "progress_weight",
        )
        assert {f: getattr(row, f) for f in fields} == {f: getattr(single, f) for f in fields}
    assert sum(1 for r in rows if not r.no_items) >= 6


def test_fraction_exactness_of_stored_weights(world, make_task):
    make_task(quantity="0.33", coefficient="0.77")
    call_command("recompute", period="2026-03")
    assert score(world.people["staff"]).assigned_weight == Decimal("0.2541")


def test_bulk_path_upserts_too(world, march, monkeypatch):
    """On PostgreSQL this takes the COPY path; on SQLite, bulk_create."""
    monkeypatch.setattr("canbo.work.recompute.upsert.COPY_THRESHOLD", 1)
    call_command("recompute", period="2026-Q1")
    call_command("recompute", period="2026-Q1")
    assert score(world.people["staff"]).task_score == Decimal("47.083333")
    assert PeriodScore.objects.count() == 6 * 4
    # Bulk rows carry numbers only; one person's month is explained on demand.
    assert score(world.people["staff"]).explanation == []
