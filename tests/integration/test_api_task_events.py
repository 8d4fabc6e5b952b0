"""Task events: idempotent, applied in order of occurrence whatever the order of arrival."""

import itertools
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.models import AuditEntry
from canbo.integration.models import TaskEvent
from canbo.work.models import PeriodScore, QualityReview, Task
from canbo.work.task_state import Base, Event, derive
from tests.integration.test_api_tasks import post, task

T0 = datetime(2026, 10, 1, 8, 0, tzinfo=UTC)
EVENTS = [
    {
        "event_id": "e1",
        "kind": "assigned",
        "occurred_at": "2026-10-01T08:00:00+07:00",
        "actor_code": "TP-4",
    },
    {
        "event_id": "e2",
        "kind": "deadline_extended",
        "new_due": "2026-10-25",
        "occurred_at": "2026-10-15T09:00:00+07:00",
        "actor_code": "TP-4",
    },
    {
        "event_id": "e3",
        "kind": "completed",
        "completed_date": "2026-10-22",
        "occurred_at": "2026-10-22T16:30:00+07:00",
        "actor_code": "TP-1",
    },
    {
        "event_id": "e4",
        "kind": "returned_for_rework",
        "note": "Sai số liệu",
        "occurred_at": "2026-10-23T10:00:00+07:00",
        "actor_code": "TP-4",
    },
    {
        "event_id": "e5",
        "kind": "completed",
        "completed_date": "2026-10-24",
        "occurred_at": "2026-10-24T10:00:00+07:00",
        "actor_code": "TP-1",
    },
]


def _state(t: Task) -> tuple:
    return (t.status, t.due_date, t.completed_date, t.delays, t.quality_failures)


def _setup(client, clients, external_id="VB-1"):
    post(
        client,
        clients["tanphong"],
        "/api/v1/tasks/bulk",
        {"source": "ioffice", "tasks": [task(external_id)]},
    )


def test_out_of_order_arrival_ends_in_the_same_state(client, clients, world):
    expected = ("completed", date(2026, 10, 25), date(2026, 10, 24), 1, 1)
    for n, order in enumerate(itertools.permutations(range(5))):
        if n % 12:  # 10 of the 120 orders keep the test fast; the fold itself is tested below
            continue
        external_id = f"VB-{n}"
        _setup(client, clients, external_id)
        for i in order:
            response = post(
                client,
                clients["tanphong"],
                f"/api/v1/tasks/ioffice/{external_id}/events",
                EVENTS[i],
            )
            assert response.status_code == 200, response.json()
        assert _state(Task.objects.get(external_id=external_id)) == expected, order
    assert QualityReview.objects.filter(note="Sai số liệu").count() == 10


def test_completed_before_the_extension_arrives(client, clients, world):
    _setup(client, clients)
    url = "/api/v1/tasks/ioffice/VB-1/events"
    post(client, clients["tanphong"], url, EVENTS[2])
    late = Task.objects.get()
    assert (late.delays, late.delay_records.get().kind) == (1, "late_completion")
    body = post(client, clients["tanphong"], url, EVENTS[1]).json()
    assert body["task"]["delays"] == 1 and body["task"]["due_date"] == "2026-10-25"
    assert Task.objects.get().delay_records.get().kind == "extension"


def test_same_event_twice_is_recorded_once(client, clients, world):
    _setup(client, clients)
    url = "/api/v1/tasks/ioffice/VB-1/events"
    assert post(client, clients["tanphong"], url, EVENTS[3]).json()["written"] == 1
    entries = AuditEntry.objects.count()
    again = post(client, clients["tanphong"], url, EVENTS[3]).json()
    assert again["written"] == 0 and again["task"]["quality_failures"] == 1
    assert TaskEvent.objects.count() == 1 and AuditEntry.objects.count() == entries
    conflict = post(client, clients["tanphong"], url, EVENTS[3] | {"note": "Khác"})
    assert conflict.status_code == 409 and conflict.json()["field"] == "event_id"


def test_bulk_events_and_their_errors(client, clients, world, django_capture_on_commit_callbacks):
    _setup(client, clients)
    events = [e | {"external_id": "VB-1"} for e in reversed(EVENTS)]
    with django_capture_on_commit_callbacks(execute=True):
        body = post(
            client,
            clients["tanphong"],
            "/api/v1/tasks/events",
            {"source": "ioffice", "events": events},
        ).json()
    assert body == {"received": 5, "written": 5, "tasks_changed": 1}
    score = PeriodScore.objects.get(
        person=world.people["staff"], kind="month", period_start=date(2026, 10, 1)
    )
    assert score.completed_weight == 1 and not score.no_items
    bad = [
        {
            "external_id": "VB-1",
            "event_id": "x",
            "kind": "deadline_extended",
            "occurred_at": "2026-10-02T08:00:00",
        }
    ]
    response = post(
        client, clients["tanphong"], "/api/v1/tasks/events", {"source": "ioffice", "events": bad}
    )
    assert response.status_code == 422 and response.json()["field"] == "events[0].new_due"
    unknown = [bad[0] | {"external_id": "NOPE", "new_due": "2026-10-30"}]
    response = post(
        client,
        clients["tanphong"],
        "/api/v1/tasks/events",
        {"source": "ioffice", "events": unknown},
    )
    assert response.json()["field"] == "events[0].external_id"
    outsider = post(client, clients["doanket"], "/api/v1/tasks/ioffice/VB-1/events", EVENTS[0])
    # Another commune's system has no task VB-1 of its own (issue 11 #7): nothing is revealed.
    assert outsider.status_code == 404 and TaskEvent.objects.count() == 5


def _event(kind: str, minutes: int, day: int) -> Event:
    return Event(
        kind,
        T0 + timedelta(minutes=minutes),
        f"e{minutes}-{kind}",
        new_due=date(2026, 10, day) if kind == "deadline_extended" else None,
        completed_date=date(2026, 10, day) if kind == "completed" else None,
    )


KINDS = ["assigned", "deadline_extended", "completed", "returned_for_rework", "cancelled"]
events_strategy = st.lists(
    st.builds(_event, st.sampled_from(KINDS), st.integers(0, 50), st.integers(2, 28)),
    max_size=8,
    unique_by=lambda e: e.event_id,
)  # an event id names one event


@given(events_strategy, st.randoms())
def test_the_fold_does_not_depend_on_arrival_order(events, rng):
    base = Base("assigned", date(2026, 10, 10), None)
    shuffled = list(events)
    rng.shuffle(shuffled)
    assert derive(base, shuffled) == derive(base, events)
