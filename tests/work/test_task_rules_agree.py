"""One set of task-state rules: the web's workflow services (canbo.work.task_services) and the
fold of the API's events (canbo.work.task_state) give the same state for the same steps.

Every sequence of up to three steps that the web accepts is replayed as events and folded;
status, due date, completion date, delays and quality failures must agree."""

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from canbo.work.errors import WorkError
from canbo.work.task_services import (
    assign_task,
    cancel_task,
    complete_task,
    extend_deadline,
    record_quality_review,
)
from canbo.work.task_state import Base, Event, derive

ASSIGNED_ON, DUE = date(2026, 10, 1), date(2026, 10, 10)
STEPS = ("extend", "complete_on_time", "complete_late", "fail_review", "cancel")
SEQUENCES = [s for n in (1, 2, 3) for s in itertools.product(STEPS, repeat=n)]


def _web(task, step: str) -> None:
    due = task.due_date
    {
        "extend": lambda: extend_deadline(None, task, due + timedelta(days=3), "Gia hạn"),
        "complete_on_time": lambda: complete_task(None, task, due - timedelta(days=1)),
        "complete_late": lambda: complete_task(None, task, due + timedelta(days=2)),
        "fail_review": lambda: record_quality_review(None, task, False, "Sai số liệu"),
        "cancel": lambda: cancel_task(None, task, "Không còn cần"),
    }[step]()


def _event(step: str, n: int, due: date) -> Event:
    at = datetime(2026, 10, 1, 8, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")) + timedelta(hours=n)
    kind, extra = {
        "extend": ("deadline_extended", {"new_due": due + timedelta(days=3)}),
        "complete_on_time": ("completed", {"completed_date": due - timedelta(days=1)}),
        "complete_late": ("completed", {"completed_date": due + timedelta(days=2)}),
        "fail_review": ("returned_for_rework", {"note": "Sai số liệu"}),
        "cancel": ("cancelled", {}),
    }[step]
    return Event(kind, at, f"ev-{n}", **extra)


def _stored(task) -> tuple:
    task.refresh_from_db()
    delays = sorted((d.kind, d.due_before, d.due_after) for d in task.delay_records.all())
    return task.status, task.due_date, task.completed_date, delays, task.quality_failures


def _folded(events: list[Event]) -> tuple:
    state = derive(Base("assigned", DUE, None), events)
    delays = sorted((d.kind, d.due_before, d.due_after) for d in state.delays)
    return state.status, state.due_date, state.completed_date, delays, len(state.failures)


@pytest.mark.django_db
def test_web_steps_and_folded_events_agree(world):
    person, compared = world.people["staff"], 0
    for sequence in SEQUENCES:
        task = assign_task(
            None,
            name="Báo cáo",
            assignee=person,
            assigned_date=ASSIGNED_ON,
            due_date=DUE,
            coefficient=1,
        )
        events = []
        for step in sequence:
            due_before = task.due_date
            try:
                _web(task, step)
            except WorkError:
                continue  # refused on the web: not a step both sides take
            task.refresh_from_db()
            events.append(_event(step, len(events), due_before))
        assert _stored(task) == _folded(events), sequence
        compared += 1
    assert compared == len(SEQUENCES) == 155
