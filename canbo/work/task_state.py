"""Derive a source-managed task's state from its base payload and its events (pure).

Events may arrive in any order. The state is never patched by the newest arrival: it is folded
again from the base (what PUT/bulk last sent) over ALL known events sorted by
(occurred_at, event_id). The same set of events therefore gives the same state whatever the
order in which they arrived, and a repeated event changes nothing.

Rules of the fold (the same as canbo.work.task_services; tests/work/test_task_rules_agree.py
checks that both give the same state for the same steps):
- assigned: the task is (again) in progress; a completion date is cleared.
- deadline_extended(new_due): on an unfinished, uncancelled task with a due date, a later
  new_due moves the deadline and counts one delay (kind "extension"); otherwise it is ignored.
- completed(completed_date): the task is done on that date (a later completion replaces an
  earlier one, e.g. after rework).
- returned_for_rework(note): one quality failure (a major content error). As with a failed
  quality review in the work app, the task keeps its status; the rework's completion is
  reported by a later `completed` event.
- cancelled: the task no longer counts.
After the fold, a completion after the final due date counts one delay (kind "late_completion").
"""

from dataclasses import dataclass, field
from datetime import date, datetime

ASSIGNED, COMPLETED, CANCELLED = "assigned", "completed", "cancelled"
EXTENSION, LATE_COMPLETION = "extension", "late_completion"


@dataclass(frozen=True)
class Base:
    status: str
    due_date: date | None
    completed_date: date | None


@dataclass(frozen=True)
class Event:
    kind: str
    occurred_at: datetime
    event_id: str
    new_due: date | None = None
    completed_date: date | None = None
    note: str = ""


@dataclass(frozen=True)
class DelayRow:
    kind: str
    due_before: date
    due_after: date
    at: datetime | None


@dataclass(frozen=True)
class FailureRow:
    at: datetime
    note: str


@dataclass
class State:
    status: str
    due_date: date | None
    completed_date: date | None
    delays: list[DelayRow] = field(default_factory=list)
    failures: list[FailureRow] = field(default_factory=list)


def derive(base: Base, events: list[Event]) -> State:
    done = base.completed_date if base.status == COMPLETED else None
    state = State(base.status, base.due_date, done)
    last_at = None
    for event in sorted(events, key=lambda e: (e.occurred_at, e.event_id)):
        _APPLY[event.kind](state, event)
        last_at = event.occurred_at
    if state.status == COMPLETED and state.due_date and state.completed_date > state.due_date:
        state.delays.append(
            DelayRow(LATE_COMPLETION, state.due_date, state.completed_date, last_at)
        )
    return state


def _assigned(state: State, event: Event) -> None:
    state.status, state.completed_date = ASSIGNED, None


def _extended(state: State, event: Event) -> None:
    new_due = event.new_due
    if state.status != ASSIGNED or state.due_date is None or new_due is None:
        return
    if new_due > state.due_date:
        state.delays.append(DelayRow(EXTENSION, state.due_date, new_due, event.occurred_at))
        state.due_date = new_due


def _completed(state: State, event: Event) -> None:
    if event.completed_date is not None:
        state.status, state.completed_date = COMPLETED, event.completed_date


def _returned(state: State, event: Event) -> None:
    state.failures.append(FailureRow(event.occurred_at, event.note))


def _cancelled(state: State, event: Event) -> None:
    state.status, state.completed_date = CANCELLED, None


_APPLY = {
    "assigned": _assigned,
    "deadline_extended": _extended,
    "completed": _completed,
    "returned_for_rework": _returned,
    "cancelled": _cancelled,
}
