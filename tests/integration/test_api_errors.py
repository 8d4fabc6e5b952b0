"""API errors (404, 405, 500) answer the documented JSON {"code", "message", "field"},
never an HTML page."""

from tests.integration.conftest import bearer


def _json_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:200]
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code and body["message"] and "field" in body
    return body


def test_api_unknown_path_is_a_json_404(client, clients):
    _json_error(client.get("/api/v1/no-such-thing", **bearer(clients["tanphong"])), 404,
                "not_found")
    _json_error(client.get("/api/v2/tasks"), 404, "not_found")


def test_api_wrong_method_is_a_json_405(client, clients):
    response = client.delete("/api/v1/tasks/bulk", **bearer(clients["tanphong"]))
    _json_error(response, 405, "method_not_allowed")
    assert "POST" in response["Allow"]


def test_api_crash_is_a_json_500(client, clients, monkeypatch):
    from canbo.integration import api_lookup

    def crash(org):
        raise RuntimeError("boom")

    monkeypatch.setattr(api_lookup, "_org_out", crash)
    response = client.get("/api/v1/organizations/000.01.29.H29", **bearer(clients["tanphong"]))
    body = _json_error(response, 500, "server_error")
    assert "boom" not in body["message"]
