import time
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from canbo.integration import signing
from canbo.integration.models import ApiClient, ApiRequestLog, SeenSignature
from canbo.integration.services import rotate_token
from tests.integration.conftest import bearer


def test_errors_are_json_in_vietnamese(client, clients):
    response = client.get("/api/v1/people/TP-1")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert "mã truy cập" in response.json()["message"]
    revoked = client.get("/api/v1/people/TP-1", **bearer(clients["revoked"]))
    assert revoked.json() == {
        "code": "token_revoked",
        "message": "Mã truy cập đã bị thu hồi.",
        "field": None,
    }


def test_lookup_person_and_organization(client, world, clients):
    body = client.get("/api/v1/people/TP-1", **bearer(clients["tanphong"])).json()
    assert body["full_name"] == "Nguyễn Văn An"
    assert body["organization_name"] == "Văn phòng HĐND và UBND"
    org = client.get(
        f"/api/v1/organizations/{world.tanphong.code}", **bearer(clients["tanphong"])
    ).json()
    assert org == {
        "code": "000.01.29.H29",
        "name": "Phường Tân Phong",
        "kind": "ward",
        "parent_code": "000.00.00.H29",
    }


def test_rotated_token_replaces_the_old_one(client, clients):
    new = rotate_token(None, clients["client"])
    assert client.get("/api/v1/people/TP-1", **bearer(clients["tanphong"])).status_code == 401
    assert client.get("/api/v1/people/TP-1", **bearer(new)).status_code == 200


def test_tokens_are_stored_hashed(clients):
    stored = ApiClient.objects.get(pk=clients["client"].pk)
    assert clients["tanphong"] not in (stored.token_hash, stored.token_prefix)
    assert len(stored.token_hash) == 64


def test_every_request_is_logged_without_the_token(client, clients):
    client.get("/api/v1/people/TP-1", **bearer(clients["tanphong"]))
    client.get("/api/v1/people/NOBODY", **bearer(clients["tanphong"]))
    logs = list(ApiRequestLog.objects.order_by("id").values("client", "status", "outcome"))
    assert logs == [
        {"client": clients["client"].pk, "status": 200, "outcome": "ok"},
        {"client": clients["client"].pk, "status": 404, "outcome": "not_found"},
    ]


def test_rate_limit(client, clients):
    ApiClient.objects.filter(pk=clients["client"].pk).update(rate_limit_per_minute=2)
    statuses = [
        client.get("/api/v1/people/TP-1", **bearer(clients["tanphong"])).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]


def _signed(client, api_client, token, path, timestamp=None, nonce="", sent=None):
    """A signed GET; `sent` replaces the nonce on the wire (default: the signed one)."""
    timestamp = str(timestamp or int(time.time()))
    signature = signing.sign(api_client.signing_secret, timestamp, "GET", path, b"", nonce)
    headers = {"HTTP_X_CANBO_TIMESTAMP": timestamp, "HTTP_X_CANBO_SIGNATURE": signature}
    wire = nonce if sent is None else sent
    if wire:
        headers["HTTP_X_CANBO_NONCE"] = wire
    return client.get(path, **bearer(token), **headers)


def test_signed_request_accepted_once_and_replay_refused(client, clients):
    api_client = clients["client"]
    ApiClient.objects.filter(pk=api_client.pk).update(require_signature=True)
    path = "/api/v1/people/TP-1"
    unsigned = client.get(path, **bearer(clients["tanphong"]))
    assert unsigned.status_code == 401 and unsigned.json()["code"] == "signature_missing"
    timestamp = int(time.time())
    assert _signed(client, api_client, clients["tanphong"], path, timestamp).status_code == 200
    replay = _signed(client, api_client, clients["tanphong"], path, timestamp)
    assert replay.status_code == 401 and replay.json()["code"] == "replay"
    old = _signed(client, api_client, clients["tanphong"], path, timestamp - 3600)
    assert old.json()["code"] == "signature_expired"


def test_a_nonce_keeps_identical_requests_apart(client, clients):
    api_client, token, path = clients["client"], clients["tanphong"], "/api/v1/people/TP-1"
    ApiClient.objects.filter(pk=api_client.pk).update(require_signature=True)
    timestamp = int(time.time())
    first = _signed(client, api_client, token, path, timestamp, nonce="a1b2c3d4e5")
    second = _signed(client, api_client, token, path, timestamp, nonce="f6a7b8c9d0")
    assert (first.status_code, second.status_code) == (200, 200)
    again = _signed(client, api_client, token, path, timestamp, nonce="f6a7b8c9d0")
    assert again.status_code == 401 and again.json()["code"] == "replay"
    # The nonce is signed: changing it in transit breaks the signature.
    forged = _signed(
        client, api_client, token, path, timestamp, nonce="a1b2c3d4e5", sent="zzzzzzzzzz"
    )
    assert forged.json()["code"] == "signature_invalid"
    bad = _signed(client, api_client, token, path, timestamp, nonce="x y")
    assert bad.status_code == 401 and "X-Canbo-Nonce" in bad.json()["message"]


def test_signatures_past_the_window_are_forgotten(client, clients):
    api_client, token, path = clients["client"], clients["tanphong"], "/api/v1/people/TP-1"
    SeenSignature.objects.create(signature="0" * 64)
    SeenSignature.objects.update(at=timezone.now() - timedelta(hours=1))
    assert _signed(client, api_client, token, path, nonce="n0nce-0001").status_code == 200
    assert list(SeenSignature.objects.values_list("signature", flat=True)) != ["0" * 64]
    assert SeenSignature.objects.count() == 1


def test_create_api_client_command_prints_token_last(world, capsys):
    call_command(
        "create-api-client",
        "--name",
        "iOffice",
        "--org",
        "Phường Tân Phong",
        "--scope",
        "tasks:write",
    )
    token = capsys.readouterr().out.strip().splitlines()[-1]
    assert token.startswith("cbk_")
    client = ApiClient.objects.get(name="iOffice")
    assert client.organization == world.tanphong and client.scopes == ["tasks:write"]
