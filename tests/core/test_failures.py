"""Failures are reported honestly: /healthz reads and writes the database; an impossible year
is a 404, not a 500 (the API's errors: tests/integration/test_api_errors.py)."""

import pytest
from django.db import connection


def _read_only(on: bool) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SET default_transaction_read_only = {'on' if on else 'off'}")
        else:
            cursor.execute(f"PRAGMA query_only = {'ON' if on else 'OFF'}")


@pytest.mark.django_db(transaction=True)
def test_healthz_fails_when_the_database_cannot_be_written(client):
    assert client.get("/healthz").status_code == 200
    _read_only(True)
    try:
        response = client.get("/healthz")
    finally:
        _read_only(False)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error" and body["database"]["status"] == "error"
    assert body["database"]["check"] == "write"


def test_healthz_fails_when_the_tables_are_missing(client, db):
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE core_loginfailure RENAME TO core_loginfailure_gone")
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["database"]["check"] == "read"


@pytest.mark.parametrize("year", [0, 1, 99999, 2**40])
def test_annual_screen_out_of_range_year_is_404(client, world, year):
    client.force_login(world.users["personnel"])
    assert client.get(f"/evaluation/annual/{year}/").status_code == 404
    assert (
        client.post(f"/evaluation/annual/{year}/action/", {"action": "compute"}).status_code == 404
    )
