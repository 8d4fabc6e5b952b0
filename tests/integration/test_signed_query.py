"""The HMAC signature covers the query string: a signed request cannot have its query changed."""

import hmac
import importlib.util
import time
from pathlib import Path

from canbo.integration import signing
from canbo.integration.models import ApiClient
from tests.integration.conftest import bearer

ROOT = Path(__file__).resolve().parents[2]


def _get(client, token, wire_path, signature, timestamp, nonce):
    return client.get(
        wire_path,
        **bearer(token),
        HTTP_X_CANBO_TIMESTAMP=timestamp,
        HTTP_X_CANBO_SIGNATURE=signature,
        HTTP_X_CANBO_NONCE=nonce,
    )


def test_the_query_string_is_signed(client, clients):
    api_client, token = clients["client"], clients["tanphong"]
    ApiClient.objects.filter(pk=api_client.pk).update(require_signature=True)
    secret, timestamp = api_client.signing_secret, str(int(time.time()))
    signed = "/api/v1/tasks?period=2026-10&page=1"
    good = signing.sign(secret, timestamp, "GET", signed, b"", "nonce-aaaa1")
    assert _get(client, token, signed, good, timestamp, "nonce-aaaa1").status_code == 200
    # The same signature with another query: refused.
    tampered = signing.sign(secret, timestamp, "GET", signed, b"", "nonce-bbbb2")
    response = _get(
        client, token, "/api/v1/tasks?period=2026-11&page=1", tampered, timestamp, "nonce-bbbb2"
    )
    assert response.status_code == 401 and response.json()["code"] == "signature_invalid"
    # A signature over the path alone does not cover a query.
    path_only = signing.sign(secret, timestamp, "GET", "/api/v1/tasks", b"", "nonce-cccc3")
    assert _get(client, token, signed, path_only, timestamp, "nonce-cccc3").status_code == 401


def test_the_reference_client_signs_the_query_the_same_way():
    spec = importlib.util.spec_from_file_location(
        "reference_client", ROOT / "scripts" / "reference_client.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    headers = module.Api("http://x", "t", "secret")._signature(
        "GET", "/api/v1/tasks?period=2026-10", b""
    )
    expected = signing.sign(
        "secret",
        headers["X-Canbo-Timestamp"],
        "GET",
        "/api/v1/tasks?period=2026-10",
        b"",
        headers["X-Canbo-Nonce"],
    )
    assert hmac.compare_digest(headers["X-Canbo-Signature"], expected)
