"""A NUL character is refused and nothing is done (PostgreSQL cannot store one: it would be a
500 mid-query; the API fuzz test found one in a query): in a path or query with a clear 400,
in a JSON body by the schema with a 422 naming the field."""

import json

from canbo.work.models import Task
from tests.integration.conftest import bearer


def test_api_query_with_nul_is_a_json_400(client, clients):
    response = client.get(
        "/api/v1/cadre/training-candidates", {"org": "ab\x00c"}, **bearer(clients["tanphong"])
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_character" and "NUL" in body["message"]
    assert "field" in body


def test_api_json_body_with_nul_writes_nothing(client, clients):
    task = {
        "external_id": "N-1",
        "assignee_code": "TP-1",
        "name": "Báo\u0000cáo",
        "coefficient": "1.00",
        "assigned_date": "2026-10-01",
    }
    response = client.post(
        "/api/v1/tasks/bulk",
        json.dumps({"source": "ioffice", "tasks": [task]}),
        content_type="application/json",
        **bearer(clients["tanphong"]),
    )
    assert response.status_code == 422  # the schema names the field
    assert response.json()["field"] == "tasks[0].name"
    assert not Task.objects.exists()


def test_a_page_query_with_nul_is_a_400(client, world):
    client.force_login(world.users["personnel"])
    response = client.get("/people/", {"q": "Nguy\x00"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()
    assert client.get("/people/", {"q": "Nguyễn"}).status_code == 200


def test_an_upload_may_hold_any_byte(client, world):
    """Binary files (xlsx) are judged by the import, not refused for their bytes here."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.users["personnel"])
    upload = SimpleUploadedFile("nv.xlsx", b"PK\x03\x04\x00\x00 not really a workbook")
    response = client.post("/integration/import/upload/", {"kind": "tasks", "file": upload})
    assert response.status_code in (200, 302, 400)
    text = response.content.decode()
    assert "(NUL)" not in text  # not this middleware's refusal: the import judged the file
    if response.status_code == 400:
        assert "xlsx" in text or "tệp" in text.lower()
