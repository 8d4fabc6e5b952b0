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
    _json_error(
        client.get("/api/v1/no-such-thing", **bearer(clients["tanphong"])), 404, "not_found"
    )
    _json_error(client.get("/api/v2/tasks"), 404, "not_found")


def test_api_wrong_method_is_a_json_405(client, clients):
    response = client.delete("/api/v1/tasks/bulk", **bearer(clients["tanphong"]))
    _json_error(response, 405, "method_not_allowed")
    assert "POST" in response["Allow"]


def test_api_crash_is_a_json_500(client, clients, monkeypatch):
    from canbo.integration.api import lookup as api_lookup

    def crash(org):
        raise RuntimeError("boom")

    monkeypatch.setattr(api_lookup, "_org_out", crash)
    response = client.get("/api/v1/organizations/000.01.29.H29", **bearer(clients["tanphong"]))
    body = _json_error(response, 500, "server_error")
    assert "boom" not in body["message"]


def test_every_error_kind_carries_code_message_and_field(client, clients):
    """401, 400, 404 and 422 alike: `field` is present (null when the error is
    not about one field), as the README documents."""
    token = bearer(clients["tanphong"])
    _json_error(client.get("/api/v1/tasks"), 401, "unauthorized")
    body = _json_error(
        client.post(
            "/api/v1/tasks/bulk", data="{not json", content_type="application/json", **token
        ),
        400,
        "malformed_body",
    )
    assert body["field"] == "(gốc)"  # the whole body, as for a validation error at the root
    body = _json_error(
        client.post(
            "/api/v1/tasks/bulk", data={"tasks": [{}]}, content_type="application/json", **token
        ),
        422,
        "validation_error",
    )
    assert body["field"] and body["errors"]
    _json_error(client.get("/api/v1/organizations/NO.SUCH.ORG", **token), 404, "not_found")
