"""Webhooks delivered to a real HTTP server on 127.0.0.1, signed and retried."""

import http.server
import json
import threading
from datetime import timedelta

import pytest
from django.utils import timezone

from canbo.integration.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from canbo.integration.webhooks.delivery import attempt_delivery, backoff, deliver_due, emit_event
from canbo.integration.webhooks.delivery import signature as sign


class Receiver(http.server.BaseHTTPRequestHandler):
    received: list = []
    fail_first: int = 0

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append((dict(self.headers), body))
        status = 500 if len(Receiver.received) <= Receiver.fail_first else 200
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def _private_allowed(settings):
    """The receiver runs on 127.0.0.1: allowed here only (tests/integration/test_ssrf.py)."""
    settings.WEBHOOK_ALLOW_PRIVATE = True


@pytest.fixture
def receiver():
    Receiver.received, Receiver.fail_first = [], 0
    server = http.server.HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook"
    server.shutdown()


def subscribe(client, url):
    return WebhookSubscription.objects.create(
        client=client, event=WebhookEvent.EVALUATION_PUBLISHED, url=url
    )


def test_delivery_is_signed_and_recorded(world, clients, receiver):
    subscribe(clients["client"], receiver)
    ids = emit_event(WebhookEvent.EVALUATION_PUBLISHED, {"person": "TP-1"}, world.tp_office)
    assert attempt_delivery(ids[0]) == DeliveryStatus.DELIVERED
    headers, body = Receiver.received[0]
    secret = clients["client"].signing_secret
    assert headers["X-Canbo-Signature"] == sign(secret, headers["X-Canbo-Timestamp"], body)
    assert json.loads(body)["data"] == {"person": "TP-1"}


def test_events_reach_only_clients_whose_scope_covers_the_unit(world, clients, receiver):
    from canbo.integration.models import ApiClient

    subscribe(clients["client"], receiver)
    subscribe(ApiClient.objects.get(name="iOffice Đoàn Kết"), receiver)
    ids = emit_event(WebhookEvent.EVALUATION_PUBLISHED, {}, world.tp_office)
    assert len(ids) == 1
    assert WebhookDelivery.objects.get(pk=ids[0]).subscription.client == clients["client"]


def test_failures_are_retried_with_backoff(world, clients, receiver):
    Receiver.fail_first = 2
    subscribe(clients["client"], receiver)
    delivery_id = emit_event(WebhookEvent.EVALUATION_PUBLISHED, {}, world.tp_office)[0]
    assert attempt_delivery(delivery_id) == DeliveryStatus.PENDING
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.attempts == 1 and delivery.last_status_code == 500
    assert delivery.next_attempt_at > timezone.now() + backoff(1) - timedelta(seconds=5)
    assert deliver_due() == {}  # not due yet
    for expected in ("pending", "delivered"):
        WebhookDelivery.objects.filter(pk=delivery_id).update(next_attempt_at=timezone.now())
        assert deliver_due() == {expected: 1}
    assert WebhookDelivery.objects.get(pk=delivery_id).attempts == 3
    assert backoff(2) == 2 * backoff(1)


def test_unreachable_endpoint_is_recorded(world, clients):
    subscribe(clients["client"], "http://127.0.0.1:9/nothing")
    delivery_id = emit_event(WebhookEvent.EVALUATION_PUBLISHED, {}, world.tp_office)[0]
    attempt_delivery(delivery_id)
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.status == DeliveryStatus.PENDING and delivery.last_error


def test_a_retry_is_a_deferred_task_on_a_backend_that_can_hold_one(
    world, clients, settings, django_capture_on_commit_callbacks
):
    """On the database task backend the next attempt waits as a task run after the back-off,
    with no loop process needed; the immediate backend leaves it to deliver-webhooks."""
    from django_tasks_db.models import DBTaskResult

    from canbo.integration.webhooks.delivery import schedule_retry

    assert schedule_retry(1, timezone.now()) is False  # the immediate backend of the tests
    # django-tasks re-reads TASKS when the setting changes (and again when the test ends).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    subscribe(clients["client"], "http://127.0.0.1:9/nothing")
    delivery_id = emit_event(WebhookEvent.EVALUATION_PUBLISHED, {}, world.tp_office)[0]
    with django_capture_on_commit_callbacks(execute=True):
        attempt_delivery(delivery_id)
    delivery = WebhookDelivery.objects.get(pk=delivery_id)
    assert delivery.status == DeliveryStatus.PENDING
    deferred = DBTaskResult.objects.get(run_after__isnull=False)
    assert deferred.args_kwargs["args"] == [delivery_id]
    assert deferred.run_after == delivery.next_attempt_at
