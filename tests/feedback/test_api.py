"""The satisfaction API: the contract fields, the subtree, bulk idempotency, refusals."""

import json
from datetime import date

from canbo.core.models import AuditEntry
from canbo.feedback.models import Dossier, Rating
from tests.feedback.conftest import lock_month
from tests.integration.conftest import bearer

FIELDS = {
    "person_code",
    "org_code",
    "dossiers",
    "rated",
    "satisfied",
    "dissatisfied",
    "index",
    "on_time",
}


def _post(client, token, body):
    return client.post(
        "/api/v1/dossiers/bulk", json.dumps(body), content_type="application/json", **bearer(token)
    )


def _row(code, officer="TP-1", **extra):
    return {
        "code": code,
        "officer_code": officer,
        "procedure": "Chứng thực bản sao",
        "received_date": "2026-10-02",
        "due_date": "2026-10-05",
        "returned_date": "2026-10-04",
        "status": "returned",
    } | extra


def test_contract_fields_and_subtree(client, clients, october):
    response = client.get(
        "/api/v1/satisfaction", {"period": "2026-10"}, **bearer(clients["tanphong"])
    )
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3 and body["page"] == 1
    rows = {r["person_code"]: r for r in body["items"]}
    assert set(rows) == {"TP-1", "TP-2", "TP-3"}  # never DK-1 of Đoàn Kết
    assert all(set(r) == FIELDS for r in body["items"])
    assert rows["TP-1"] == {
        "person_code": "TP-1",
        "org_code": "000.01.29.H29",
        "dossiers": 10,
        "rated": 8,
        "satisfied": 5,
        "dissatisfied": 2,
        "index": "70.00",
        "on_time": "71.43",
    }
    other = client.get(
        "/api/v1/satisfaction", {"period": "2026-10"}, **bearer(clients["doanket"])
    ).json()
    assert [r["person_code"] for r in other["items"]] == ["DK-1"]
    paged = client.get(
        "/api/v1/satisfaction",
        {"period": "2026-10", "page_size": 2, "page": 2},
        **bearer(clients["tanphong"]),
    ).json()
    assert paged["count"] == 3 and len(paged["items"]) == 1
    bad = client.get("/api/v1/satisfaction", {"period": "2026-13"}, **bearer(clients["tanphong"]))
    assert bad.status_code == 422


def test_bulk_is_idempotent(client, clients, world):
    token = clients["tanphong"]
    rows = [
        _row("HS-1", rating={"level": 2, "comment": "Chờ lâu", "concerns": ["time"]}),
        _row("HS-2", officer="TP-2"),
    ]
    first = _post(client, token, {"source": "dvc", "dossiers": rows})
    assert first.status_code == 200, first.json()
    assert first.json() == {"received": 2, "created": 2, "updated": 0, "unchanged": 0, "written": 2}
    audits = AuditEntry.objects.filter(action="feedback.upsert_dossiers").count()
    again = _post(client, token, {"source": "dvc", "dossiers": rows})
    assert again.json() == {"received": 2, "created": 0, "updated": 0, "unchanged": 2, "written": 0}
    assert AuditEntry.objects.filter(action="feedback.upsert_dossiers").count() == audits
    rows[0]["rating"]["level"] = 4
    changed = _post(client, token, {"source": "dvc", "dossiers": rows})
    assert changed.json()["updated"] == 1
    assert Dossier.objects.count() == 2 and Rating.objects.count() == 1
    rating = Rating.objects.get()
    assert (rating.level, rating.comment, rating.source) == (4, "Chờ lâu", "portal")


def test_bulk_refusals_write_nothing(client, clients, world):
    token = clients["tanphong"]
    outside = _post(client, token, {"dossiers": [_row("HS-1"), _row("HS-2", officer="DK-1")]})
    assert outside.status_code == 403 and outside.json()["code"] == "outside_scope"
    unknown = _post(client, token, {"dossiers": [_row("HS-3", officer="XX-9")]})
    assert unknown.status_code == 422
    twice = _post(client, token, {"dossiers": [_row("HS-4"), _row("HS-4")]})
    assert twice.status_code == 422 and "trùng" in twice.json()["message"]
    dates = _post(client, token, {"dossiers": [_row("HS-5", due_date="2026-09-01")]})
    assert dates.status_code == 422
    level = _post(client, token, {"dossiers": [_row("HS-6", rating={"level": 6})]})
    assert level.status_code == 422
    extra = _post(client, token, {"dossiers": [_row("HS-7", secret=1)]})
    assert extra.status_code == 422
    flood = _post(client, token, {"dossiers": [_row(f"HS-F{n}") for n in range(1001)]})
    body = flood.json()
    assert (flood.status_code, body["code"], body["field"]) == (413, "batch_too_large", "dossiers")
    assert "1.000" in body["message"] and "1.001" in body["message"]
    lock_month(world, date(2026, 10, 1))
    locked = _post(client, token, {"dossiers": [_row("HS-8")]})
    assert locked.status_code == 409 and locked.json()["code"] == "period_locked"
    assert not Dossier.objects.exists() and not Rating.objects.exists()
    noscope = _post(client, clients["noscope"], {"dossiers": [_row("HS-9")]})
    assert noscope.status_code == 403


def test_same_code_in_two_communes_is_two_dossiers(client, clients, world):
    assert _post(client, clients["tanphong"], {"dossiers": [_row("HS-1")]}).status_code == 200
    assert (
        _post(client, clients["doanket"], {"dossiers": [_row("HS-1", officer="DK-1")]}).status_code
        == 200
    )
    assert Dossier.objects.filter(code="HS-1").count() == 2
