"""Every API operation × every API persona, generated from the OpenAPI document."""

import pytest

from canbo.integration.api import api
from tests.integration.conftest import bearer

PERSONAS = ["none", "tanphong", "doanket", "noscope", "revoked"]


def _statuses(tanphong, doanket):
    return {"none": 401, "tanphong": tanphong, "doanket": doanket, "noscope": 403,
            "revoked": 401}


# (method, path template) -> list of (path params builder, expected statuses)
MATRIX = {
    ("get", "/api/v1/organizations/{code}"): [
        (lambda w: {"code": w.tanphong.code}, _statuses(200, 404)),
        (lambda w: {"code": w.doanket.code}, _statuses(404, 200)),
    ],
    ("get", "/api/v1/people/{code}"): [
        (lambda w: {"code": w.people["staff"].code}, _statuses(200, 404)),
        (lambda w: {"code": w.people["outsider"].code}, _statuses(404, 200)),
    ],
}


def _operations() -> set[tuple[str, str]]:
    paths = api.get_openapi_schema()["paths"]
    return {(method, path) for path, ops in paths.items() for method in ops}


def test_every_operation_has_a_row():
    assert _operations() == set(MATRIX)


@pytest.mark.parametrize("operation", sorted(MATRIX))
def test_api_matrix(client, world, clients, operation):
    method, template = operation
    for params, expected in MATRIX[operation]:
        url = template.format(**params(world))
        got = {}
        for persona in PERSONAS:
            headers = bearer(clients[persona]) if persona != "none" else {}
            got[persona] = getattr(client, method)(url, **headers).status_code
        assert got == expected, url


def test_docs_and_schema_are_public(client, db):
    assert client.get("/api/v1/openapi.json").status_code == 200
    assert client.get("/api/v1/docs").status_code == 200
