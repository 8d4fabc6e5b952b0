"""Task upsert and reads through the API (Django test client)."""

import json
from datetime import date
from decimal import Decimal

import pytest

from canbo.core.models import AuditEntry
from canbo.integration.models import ApiRequestLog
from canbo.work.catalog_services import create_catalog, publish_catalog, save_catalog_item
from canbo.work.models import CatalogItem, Delay, Task
from tests.integration.conftest import bearer


def task(external_id: str, person: str = "TP-1", **extra) -> dict:
    row = {
        "external_id": external_id,
        "assignee_code": person,
        "name": f"Việc {external_id}",
        "coefficient": "1.00",
        "assigned_date": "2026-10-01",
        "due_date": "2026-10-20",
    }
    return row | extra


def post(client, token, path, body, **headers):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(path, data, content_type="application/json", **bearer(token), **headers)


def put(client, token, path, body):
    return client.put(path, json.dumps(body), content_type="application/json", **bearer(token))


def audits() -> int:
    return AuditEntry.objects.filter(action="integration.upsert_tasks").count()


def test_put_creates_then_the_same_put_changes_nothing(client, clients, world):
    body = {
        "assignee_code": "TP-1",
        "assigner_code": "TP-4",
        "name": "Báo cáo quý",
        "coefficient": 1.5,
        "quantity": 2,
        "assigned_date": "2026-10-01",
        "due_date": "2026-10-15",
        "document": {
            "number": "45/UBND-VP",
            "date": "2026-09-30",
            "subject": "Về việc báo cáo quý III",
            "issuer": "UBND phường",
        },
    }
    first = put(client, clients["tanphong"], "/api/v1/tasks/ioffice/VB-45", body)
    assert first.status_code == 201, first.json()
    out = first.json()
    assert (out["assignee_code"], out["assigner_code"], out["period"]) == (
        "TP-1",
        "TP-4",
        "2026-10",
    )
    assert out["document"]["number"] == "45/UBND-VP"
    task_row = Task.objects.get(source="ioffice", external_id="VB-45")
    assert task_row.evidence.startswith("Văn bản số 45/UBND-VP ngày 30/09/2026")
    again = put(client, clients["tanphong"], "/api/v1/tasks/ioffice/VB-45", body)
    assert again.status_code == 200 and Task.objects.count() == 1 and audits() == 1
    got = client.get("/api/v1/tasks/ioffice/VB-45", **bearer(clients["tanphong"]))
    assert got.json() == out
    assert (
        client.get("/api/v1/tasks/ioffice/VB-45", **bearer(clients["doanket"])).status_code == 404
    )


def test_bulk_is_idempotent(client, clients, world):
    batch = {
        "source": "ioffice",
        "tasks": [task(f"T{i}", "TP-2" if i % 2 else "TP-1") for i in range(20)],
    }
    first = post(client, clients["tanphong"], "/api/v1/tasks/bulk", batch)
    assert first.json() == {
        "received": 20,
        "created": 20,
        "updated": 0,
        "unchanged": 0,
        "written": 20,
    }
    second = post(client, clients["tanphong"], "/api/v1/tasks/bulk", batch)
    assert second.json() == {
        "received": 20,
        "created": 0,
        "updated": 0,
        "unchanged": 20,
        "written": 0,
    }
    assert Task.objects.count() == 20 and audits() == 1
    logged = list(ApiRequestLog.objects.order_by("id").values_list("received", "written"))
    assert logged == [(20, 20), (20, 0)]
    entry = AuditEntry.objects.get(action="integration.upsert_tasks")
    assert entry.changes["external_ids"] == [None, "T0 … T9"]


def test_changed_row_is_updated_and_audited(client, clients, world):
    batch = {"source": "ioffice", "tasks": [task("A"), task("B")]}
    post(client, clients["tanphong"], "/api/v1/tasks/bulk", batch)
    batch["tasks"][1] |= {"status": "completed", "completed_date": "2026-10-25"}
    result = post(client, clients["tanphong"], "/api/v1/tasks/bulk", batch).json()
    assert (result["updated"], result["unchanged"]) == (1, 1)
    b = Task.objects.get(external_id="B")
    assert (b.status, b.completed_date, b.delays) == ("completed", date(2026, 10, 25), 1)
    assert Delay.objects.get(task=b).kind == "late_completion" and audits() == 2


def test_one_bad_row_writes_nothing(client, clients, world):
    rows = [task("OK"), task("BAD", due_date="2026-09-01")]
    response = post(
        client, clients["tanphong"], "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": rows}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "tasks[1].due_date"
    assert "Hạn hoàn thành" in response.json()["message"]
    assert not Task.objects.exists() and audits() == 0


def test_token_cannot_write_outside_its_subtree(client, clients, world):
    rows = [task("X", "DK-1")]
    for token in (clients["tanphong"],):
        response = post(client, token, "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": rows})
        assert response.status_code == 403
        assert response.json() == {
            "code": "outside_scope",
            "field": "tasks[0].assignee_code",
            "message": "Công chức mã DK-1 không thuộc phạm vi đơn vị của ứng dụng kết nối.",
        }
    assert not Task.objects.exists()


@pytest.mark.parametrize(
    "body, field, status",
    [
        (b'{"source": "x", "tasks": [', "(gốc)", 400),
        ({"source": "ioffice", "tasks": [task("A", quantity="nhiều")]}, "tasks[0].quantity", 422),
        ({"source": "ioffice", "tasks": [task("A", priority=1)]}, "tasks[0].priority", 422),
        (
            {"source": "ioffice", "tasks": [task("A", assigned_date="2026-02-30")]},
            "tasks[0].assigned_date",
            422,
        ),
        ({"source": "ioffice", "tasks": [{"external_id": "A"}]}, "tasks[0].assigned_date", 422),
        ({"source": "ioffice", "tasks": [task(f"A{i}") for i in range(1001)]}, "tasks", 413),
        ({"source": "ioffice", "tasks": [task("A", name="a\u0000b")]}, "tasks[0].name", 422),
        ({"source": "ioffice", "tasks": [task("A"), task("A")]}, "tasks[1].external_id", 422),
    ],
)
def test_bad_input_is_refused_in_vietnamese(client, clients, world, body, field, status):
    response = post(client, clients["tanphong"], "/api/v1/tasks/bulk", body)
    assert response.status_code == status, response.content
    assert response.json().get("field", "(gốc)") == field
    assert response.json()["message"] and not Task.objects.exists()


def test_catalogue_coefficient_of_the_version_in_force(client, clients, world):
    actor = world.users["personnel"]
    for version, (start, coefficient) in enumerate(
        [(date(2026, 1, 1), "1.20"), (date(2026, 7, 1), "1.80")]
    ):
        cat = create_catalog(actor, world.tanphong, "Danh mục", start, f"QĐ {version}")
        save_catalog_item(
            actor,
            CatalogItem(
                catalog=cat,
                code="SP01",
                name="Báo cáo",
                unit="bc",
                coefficient=Decimal(coefficient),
            ),
        )
        publish_catalog(actor, cat)
    rows = [
        task(
            "OLD",
            catalog_item_code="SP01",
            coefficient=None,
            name="",
            assigned_date="2026-03-01",
            due_date=None,
        ),
        task("NEW", catalog_item_code="SP01", coefficient="9", assigned_date="2026-10-01"),
    ]
    post(client, clients["tanphong"], "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": rows})
    old, new = Task.objects.get(external_id="OLD"), Task.objects.get(external_id="NEW")
    assert (old.coefficient, old.name) == (Decimal("1.20"), "Báo cáo")
    assert new.coefficient == Decimal("1.80")
    older = task("OLDER", catalog_item_code="SP01", assigned_date="2025-12-01")
    missing = post(
        client, clients["tanphong"], "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": [older]}
    )
    assert missing.json()["field"] == "tasks[0].catalog_item_code"


def test_list_is_paginated_and_limited_to_the_subtree(client, clients, world):
    rows = [task(f"T{i}", "TP-3" if i < 3 else "TP-1") for i in range(5)]
    rows.append(task("NOV", assigned_date="2026-11-02", due_date="2026-11-20"))
    post(client, clients["tanphong"], "/api/v1/tasks/bulk", {"source": "ioffice", "tasks": rows})
    url = "/api/v1/tasks?assignee=TP-3&period=2026-10&page_size=2"
    page = client.get(url, **bearer(clients["tanphong"])).json()
    assert page["count"] == 3 and [t["external_id"] for t in page["items"]] == ["T0", "T1"]
    october = client.get("/api/v1/tasks?period=2026-10", **bearer(clients["tanphong"])).json()
    assert october["count"] == 5
    assert client.get("/api/v1/tasks", **bearer(clients["doanket"])).json()["count"] == 0
    bad = client.get("/api/v1/tasks?period=2026-13", **bearer(clients["tanphong"]))
    assert bad.status_code == 422 and bad.json()["field"] == "period"


def test_another_commune_with_the_same_ids_gets_its_own_task(client, clients, world):
    """Issue 11 #7: a task's identity belongs to the system that created it."""
    post(
        client,
        clients["tanphong"],
        "/api/v1/tasks/bulk",
        {"source": "ioffice", "tasks": [task("SHARED")]},
    )
    response = post(
        client,
        clients["doanket"],
        "/api/v1/tasks/bulk",
        {"source": "ioffice", "tasks": [task("SHARED", "DK-1")]},
    )
    assert response.status_code == 200, response.json()
    assert response.json()["created"] == 1
    assert Task.objects.filter(source="ioffice", external_id="SHARED").count() == 2
    ours = Task.objects.get(external_id="SHARED", owner=world.tanphong)
    assert ours.assignee == world.people["staff"]
    again = put(
        client,
        clients["doanket"],
        "/api/v1/tasks/ioffice/SHARED",
        {k: v for k, v in task("SHARED", "DK-1", name="Đổi tên").items() if k != "external_id"},
    )
    assert again.status_code == 200 and again.json()["assignee_code"] == "DK-1"
    ours.refresh_from_db()
    assert ours.name == "Việc SHARED"
    mine = client.get("/api/v1/tasks/ioffice/SHARED", **bearer(clients["tanphong"])).json()
    assert (mine["assignee_code"], mine["name"]) == ("TP-1", "Việc SHARED")
    single = put(
        client,
        clients["tanphong"],
        "/api/v1/tasks/ioffice/ONE",
        {"assignee_code": "TP-1", "name": "Việc", "assigned_date": "2026-10-01"},
    )
    assert single.status_code == 422 and single.json()["field"] == "coefficient"
