"""Fuzz every API operation from the OpenAPI document (schemathesis, in-process WSGI).

Bounded: a few examples per operation, with a valid token of Tân Phong. Whatever the input,
the API must answer without a server error (5xx).
"""

import pytest
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from canbo.integration.models import ApiClient
from canbo.integration.tasks.schemas import BulkTaskIn
from canbo.integration.tasks.upsert import upsert_tasks

schemathesis = pytest.importorskip("schemathesis")
from schemathesis.checks import not_a_server_error  # noqa: E402

EXAMPLES = 15


@pytest.fixture
def schema(db):
    # As Django's test client does: a request must not close the test's connection (on
    # PostgreSQL close_old_connections would, since the test runs inside a transaction).
    signals = (request_started, request_finished)
    for signal in signals:
        signal.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    finally:
        for signal in signals:
            signal.connect(close_old_connections)


def test_no_operation_answers_with_a_server_error(schema, clients):
    ApiClient.objects.update(rate_limit_per_minute=100_000)
    upsert_tasks(
        clients["client"],
        "ioffice",
        [
            BulkTaskIn(
                external_id="F-1",
                assignee_code="TP-1",
                name="Báo cáo",
                coefficient="1",
                assigned_date="2026-10-01",
                due_date="2026-10-20",
            )
        ],
    )
    headers = {"Authorization": f"Bearer {clients['tanphong']}"}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    for operation in operations:
        _fuzz(operation, headers)


def _fuzz(operation, headers: dict) -> None:
    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def run(case):
        case.call_and_validate(headers=headers, checks=[not_a_server_error])

    run()
