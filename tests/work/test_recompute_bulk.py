"""The bulk recompute's machinery: weight sums, COPY text, worker shares, unchanged rows."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import given
from hypothesis import settings as examples
from hypothesis import strategies as st

from canbo.scoring import ScoringInputError, get_rulebook
from canbo.work.choices import JobStatus
from canbo.work.models import PeriodScore, RecomputeJob
from canbo.work.periods import parse_period
from canbo.work.recompute import build_rows, recompute
from canbo.work.recompute.copytext import encode, line
from canbo.work.recompute.scorer import ScoreRow
from canbo.work.recompute.shares import encoded_blocks
from canbo.work.recompute.sumrows import RowSink, TextSink
from canbo.work.recompute.sums import weight_sums
from canbo.work.recompute.upsert import copy_upsert, upsert

ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="COPY and worker processes are PostgreSQL's path"
)
STAMP = datetime(2026, 11, 25, 8, 30, tzinfo=UTC)


def score(person, kind="month", start=date(2026, 3, 1)) -> PeriodScore:
    return PeriodScore.objects.get(person=person, kind=kind, period_start=start)


def _row(person_id: int, explanation: list, **numbers) -> ScoreRow:
    values = dict(
        a=None,
        b=None,
        c=None,
        task_score=None,
        general_score=None,
        total=None,
        assigned_weight=Decimal(0),
        completed_weight=Decimal(0),
        quality_weight=Decimal(0),
        progress_weight=Decimal(0),
    )
    return ScoreRow(
        person_id=person_id,
        kind="month",
        period_start=date(2026, 3, 1),
        rulebook="nd335-2025",
        role="staff",
        classification="",
        no_items=False,
        explanation=explanation,
        computed_at=STAMP,
        job_id=None,
        **(values | numbers),
    )


def test_weight_sums_of_march_by_hand(world, march):
    loaded = weight_sums((date(2026, 3, 1),))
    staff = loaded.sums[(world.people["staff"].pk, date(2026, 3, 1))]
    # Assigned 7, completed 5, quality 4.625, progress 4.5 (tests/work/test_recompute.py).
    assert [Decimal(s) / loaded.scale for s in staff] == [7, 5, Decimal("4.625"), Decimal("4.5")]
    assert (world.people["colleague"].pk, date(2026, 3, 1)) not in loaded.sums


def test_copy_text_escapes_what_copy_would_misread() -> None:
    steps = [{"rule": "quantity", "basis": "Điều 14", "text": "a\tb\nc\\d"}]
    line = encode([_row(7, steps, a=Decimal("0.500000"))]).decode()
    fields = line.rstrip("\n").split("\t")
    assert line.count("\n") == 1 and len(fields) == len(ScoreRow._fields)
    assert fields[:6] == ["7", "month", "2026-03-01", "nd335-2025", "staff", "0.500000"]
    assert fields[6] == "\\N" and fields[12] == "f"
    assert "a\\\\tb\\\\nc\\\\\\\\d" in fields[17]  # json's escapes, escaped once more for COPY
    assert fields[18] == "2026-11-25T08:30:00+00:00"


@ON_POSTGRESQL
def test_copy_text_round_trip(world) -> None:
    steps = [{"rule": "quantity", "basis": "Điều 14", "text": "Soạn\tthảo\n\\ “văn bản”"}]
    person = world.people["staff"].pk
    assert copy_upsert([encode([_row(person, steps, a=Decimal("0.123457"))])]) == 1
    stored = PeriodScore.objects.get(person_id=person)
    assert stored.explanation == steps and stored.a == Decimal("0.123457")
    assert stored.computed_at == STAMP and stored.b is None


def _produce(people: list[int]):
    for person in people:
        if person < 0:
            raise ScoringInputError("items[0].quantity", "Số lượng không được âm.")
        yield line(_row(person, [], task_score=Decimal(person) / 7))


def test_workers_encode_the_same_lines_as_one_process() -> None:
    people = list(range(1, 500))
    alone = b"".join(encoded_blocks(_produce, people, workers=1))
    shared = b"".join(encoded_blocks(_produce, people, workers=3))
    assert sorted(shared.splitlines()) == sorted(alone.splitlines())
    assert len(alone.splitlines()) == len(people)


def test_a_workers_error_reaches_the_caller() -> None:
    with pytest.raises(ScoringInputError) as error:
        b"".join(encoded_blocks(_produce, [1, 2, -3, 4], workers=2))
    assert error.value.field == "items[0].quantity"


@ON_POSTGRESQL
def test_parallel_recompute_stores_what_one_process_stores(world, march, settings, monkeypatch):
    monkeypatch.setattr("canbo.work.recompute.jobs.PARALLEL_FROM", 1)
    settings.RECOMPUTE_WORKERS = 1
    recompute(parse_period("2026"))
    alone = {(s.person_id, s.kind, s.period_start): s.task_score for s in PeriodScore.objects.all()}
    PeriodScore.objects.all().delete()
    settings.RECOMPUTE_WORKERS = 3
    job = recompute(parse_period("2026"))
    shared = {
        (s.person_id, s.kind, s.period_start): s.task_score for s in PeriodScore.objects.all()
    }
    assert shared == alone and job.rows == len(alone) == 6 * 17
    assert shared[(world.people["staff"].pk, "year", date(2026, 1, 1))] == Decimal("47.083333")


def test_unchanged_rows_are_left_alone(world, march, make_task):
    call_command("recompute", period="2026-Q1")
    first = RecomputeJob.objects.latest("pk")
    call_command("recompute", period="2026-Q1")
    assert {s.job_id for s in PeriodScore.objects.all()} == {first.pk}
    make_task(coefficient="1.00", due_date=date(2026, 3, 30))
    call_command("recompute", period="2026-Q1")
    third = RecomputeJob.objects.latest("pk")
    changed = PeriodScore.objects.filter(job_id=third.pk)
    staff = world.people["staff"].pk
    # Staff's March, first quarter (and nobody else's rows) took the new numbers.
    assert {(s.person_id, s.kind) for s in changed} == {(staff, "month"), (staff, "quarter")}
    assert score(world.people["staff"]).assigned_weight == 8
    assert score(world.people["staff"]).explanation == []


def test_a_crash_fails_the_job_and_changes_nothing(world, march, monkeypatch):
    call_command("recompute", period="2026-03")
    before = list(PeriodScore.objects.values_list("person_id", "task_score", "job_id"))

    def broken(*args, **kwargs):
        yield from ()
        raise BrokenPipeError("worker died")

    monkeypatch.setattr("canbo.work.recompute.jobs._rows", broken)
    with pytest.raises(BrokenPipeError):
        recompute(parse_period("2026-03"))
    job = RecomputeJob.objects.latest("pk")
    assert job.status == JobStatus.FAILED and job.finished_at is not None
    assert "không có điểm nào bị thay đổi" in job.errors[0]["message"]
    assert list(PeriodScore.objects.values_list("person_id", "task_score", "job_id")) == before


sums_strategy = st.integers(0, 10**6).flatmap(
    lambda a: st.tuples(st.just(a), *[st.integers(0, a)] * 3)
)


@examples(database=None, max_examples=200, deadline=None)
@given(sums_strategy, st.integers(1, 10**4), st.sampled_from(["month", "quarter"]))
def test_text_lines_say_what_the_rows_say(sums, scale, kind) -> None:
    rulebook = get_rulebook()
    args = (7, kind, date(2026, 3, 1), sums, scale, rulebook)
    row, task = RowSink(STAMP, 12).sums(*args)
    text, same_task = TextSink(STAMP, 12).sums(*args)
    assert text == line(row) and task == same_task


def test_upsert_of_a_large_batch_stores_the_rows_as_given(world, march, monkeypatch):
    """On PostgreSQL a batch above the threshold is copied; on SQLite it is bulk_create."""
    monkeypatch.setattr("canbo.work.recompute.upsert.COPY_THRESHOLD", 1)
    rows = build_rows(parse_period("2026-Q1"), None, None)
    assert upsert(rows) == len(rows) == 6 * 4
    stored = {
        (s.person_id, s.kind, s.period_start): (s.task_score, s.assigned_weight)
        for s in PeriodScore.objects.all()
    }
    assert stored == {
        (r.person_id, r.kind, r.period_start): (r.task_score, r.assigned_weight) for r in rows
    }
