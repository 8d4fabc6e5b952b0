"""The task API over a real HTTP server (pytest-django live_server), and the reference client."""

import importlib.util
import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from canbo.integration import signing
from canbo.integration.models import ApiClient, TaskEvent
from canbo.integration.services import create_client, revoke_client
from canbo.work.models import Task
from tests.factories import build_world

SCOPES = ["tasks:write", "tasks:read", "people:read"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def live(transactional_db, live_server):
    world = build_world()
    tanphong, tp_token = create_client(None, "iOffice Tân Phong", world.tanphong, SCOPES)
    _, dk_token = create_client(None, "iOffice Đoàn Kết", world.doanket, SCOPES)
    revoked, revoked_token = create_client(None, "Cũ", world.tanphong, SCOPES)
    revoke_client(None, revoked, "thay hệ thống")
    return {
        "url": live_server.url,
        "client": tanphong,
        "tanphong": tp_token,
        "doanket": dk_token,
        "revoked": revoked_token,
    }


def http(live, method: str, path: str, token: str, body=None, headers=None):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(
        live["url"] + path,
        data if body is not None else None,
        method=method,
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def row(external_id: str, person: str = "TP-1", **extra) -> dict:
    return {
        "external_id": external_id,
        "assignee_code": person,
        "name": "Báo cáo tháng",
        "coefficient": "1.00",
        "assigned_date": "2026-10-01",
        "due_date": "2026-10-20",
        **extra,
    }


def test_same_batch_twice_and_events_out_of_order(live):
    batch = {"source": "ioffice", "tasks": [row("VB-1"), row("VB-2", "TP-2")]}
    first = http(live, "POST", "/api/v1/tasks/bulk", live["tanphong"], batch)
    second = http(live, "POST", "/api/v1/tasks/bulk", live["tanphong"], batch)
    assert (first[1]["written"], second[1]["written"]) == (2, 0)
    assert Task.objects.filter(source="ioffice").count() == 2
    url = "/api/v1/tasks/ioffice/VB-1/events"
    completed = {
        "event_id": "c",
        "kind": "completed",
        "completed_date": "2026-10-24",
        "occurred_at": "2026-10-24T16:00:00+07:00",
    }
    extended = {
        "event_id": "x",
        "kind": "deadline_extended",
        "new_due": "2026-10-25",
        "occurred_at": "2026-10-18T09:00:00+07:00",
    }
    assert http(live, "POST", url, live["tanphong"], completed)[1]["task"]["delays"] == 1
    status, body = http(live, "POST", url, live["tanphong"], extended)
    assert status == 200
    task = body["task"]
    assert (task["status"], task["due_date"], task["completed_date"], task["delays"]) == (
        "completed",
        "2026-10-25",
        "2026-10-24",
        1,
    )  # one extension; no longer late


def test_refusals_write_nothing(live):
    def bulk(token, body):
        return http(live, "POST", "/api/v1/tasks/bulk", token, body)

    status, body = bulk(live["doanket"], {"source": "ioffice", "tasks": [row("X")]})
    assert (status, body["code"], body["field"]) == (403, "outside_scope", "tasks[0].assignee_code")
    assert "không thuộc phạm vi" in body["message"]
    status, body = bulk(live["revoked"], {"source": "ioffice", "tasks": [row("X")]})
    assert (status, body["code"]) == (401, "token_revoked")
    status, body = bulk(live["tanphong"], b'{"source": "ioffice", "tasks": [{')
    assert status == 400 and "JSON" in body["message"]
    status, body = bulk(live["tanphong"], {"source": "ioffice", "tasks": [row("X", quantity=[])]})
    assert (status, body["field"]) == (422, "tasks[0].quantity") and "số" in body["message"]
    many = {"source": "ioffice", "tasks": [row(f"X{i}") for i in range(1001)]}
    status, body = bulk(live["tanphong"], many)
    assert (status, body["code"]) == (413, "batch_too_large") and "1.000" in body["message"]
    assert not Task.objects.exists() and not TaskEvent.objects.exists()


def test_replayed_signed_request_is_refused(live):
    client = live["client"]
    ApiClient.objects.filter(pk=client.pk).update(require_signature=True)
    path = "/api/v1/tasks/ioffice/S-1"
    body = json.dumps({k: v for k, v in row("S-1").items() if k != "external_id"})
    timestamp = str(int(time.time()))
    signature = signing.sign(client.signing_secret, timestamp, "PUT", path, body.encode())
    headers = {"X-Canbo-Timestamp": timestamp, "X-Canbo-Signature": signature}
    assert http(live, "PUT", path, live["tanphong"], body.encode(), headers)[0] == 201
    status, answer = http(live, "PUT", path, live["tanphong"], body.encode(), headers)
    assert (status, answer["code"]) == (401, "replay")
    assert Task.objects.count() == 1


def test_reference_client_pushes_a_day(live, capsys):
    spec = importlib.util.spec_from_file_location(
        "reference_client", ROOT / "scripts" / "reference_client.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    argv = [
        "--url",
        live["url"],
        "--token",
        live["tanphong"],
        "--people",
        "TP-1,TP-2,TP-3",
        "--day",
        "2026-10-05",
        "--secret",
        live["client"].signing_secret,
    ]
    assert module.main(argv) == 0
    out = capsys.readouterr().out
    assert "Tra cứu công chức TP-1: Nguyễn Văn An" in out
    assert "Gửi lại đúng lô đó: ghi 0 nhiệm vụ" in out
    tasks = Task.objects.filter(source=module.SOURCE)
    assert tasks.count() == 7 and tasks.filter(status="completed").exists()
    assert tasks.filter(quality_failures=1).exists() and tasks.filter(delays=1).exists()
    assert module.main(argv + ["--token", live["doanket"]]) == 1
