"""Identical writes at the same moment (issue 11 #8): JSON 200 or 409, never a 500."""

import json
import threading
import urllib.error
import urllib.request

import pytest
from django.db import connection

from canbo import settings as project_settings
from canbo.integration.services import create_client
from canbo.work.models import Task
from tests.factories import build_world

THREADS = 4
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent writers need a real server database (the SQLite test database is one "
    "in-memory connection shared by the live server's threads)",
)


@pytest.fixture
def live(transactional_db, live_server):
    world = build_world()
    _, token = create_client(None, "iOffice Tân Phong", world.tanphong, ["tasks:write"])
    return {"url": live_server.url, "token": token}


def http(live, method: str, path: str, body: dict) -> tuple[int, str, dict | None]:
    request = urllib.request.Request(
        live["url"] + path,
        json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Bearer {live['token']}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        kind = exc.headers["Content-Type"] or ""
        return exc.code, kind, json.loads(raw) if "json" in kind else None


def at_once(live, method: str, path: str, body: dict) -> list[tuple]:
    """Send the same request from THREADS threads released together."""
    barrier, answers = threading.Barrier(THREADS), []

    def send():
        barrier.wait()
        answers.append(http(live, method, path, body))

    threads = [threading.Thread(target=send) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(90)
    return answers


def row(external_id: str) -> dict:
    return {
        "external_id": external_id,
        "assignee_code": "TP-1",
        "name": "Báo cáo tháng",
        "coefficient": "1.00",
        "assigned_date": "2026-10-01",
        "due_date": "2026-10-20",
    }


def assert_json_ok_or_conflict(answers: list[tuple]) -> None:
    assert len(answers) == THREADS
    for status, kind, body in answers:
        assert status in (200, 201, 409), (status, body)
        assert kind.startswith("application/json") and body is not None
        if status == 409:
            assert body["code"] == "conflict" and body["message"]


@postgres_only
def test_identical_bulk_batches_at_once(live):
    batch = {"source": "ioffice", "tasks": [row(f"VB-{i}") for i in range(300)]}
    answers = at_once(live, "POST", "/api/v1/tasks/bulk", batch)
    assert_json_ok_or_conflict(answers)
    assert Task.objects.filter(source="ioffice").count() == 300
    assert sum(body.get("created", 0) for status, _, body in answers if status == 200) == 300


@postgres_only
def test_identical_puts_at_once(live):
    body = {k: v for k, v in row("ONE").items() if k != "external_id"}
    answers = at_once(live, "PUT", "/api/v1/tasks/ioffice/ONE", body)
    assert_json_ok_or_conflict(answers)
    assert [status for status, _, _ in answers].count(201) == 1
    assert Task.objects.filter(source="ioffice", external_id="ONE").count() == 1


def test_sqlite_writers_wait_for_each_other(monkeypatch):
    """The demo's file database begins writes at once and waits when busy (no "locked")."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    database = project_settings._database()
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"] == {"transaction_mode": "IMMEDIATE", "timeout": 20}
