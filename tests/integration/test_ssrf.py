"""Webhook URLs to loopback, link-local (cloud metadata) or private addresses are refused,
when subscribing and again when delivering, unless settings.WEBHOOK_ALLOW_PRIVATE is set."""

import http.server
import threading

import pytest

from canbo.integration.forms import SubscriptionForm
from canbo.integration.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookEvent,
    WebhookSubscription,
)
from canbo.integration.webhooks.delivery import attempt_delivery, emit_event

INTERNAL = [
    "http://127.0.0.1:8000/hook",
    "http://localhost/hook",
    "http://[::1]/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.1.2.3/hook",
    "http://192.168.1.10/hook",
    "http://172.16.0.5/hook",
    "http://0.0.0.0/hook",
    "http://[fe80::1]/hook",
    "http://2130706433/hook",
]


def _form(url: str) -> SubscriptionForm:
    return SubscriptionForm({"event": WebhookEvent.EVALUATION_PUBLISHED, "url": url})


@pytest.mark.parametrize("url", INTERNAL)
def test_internal_addresses_are_refused_when_subscribing(db, url):
    form = _form(url)
    assert not form.is_valid()
    assert "url" in form.errors


def test_public_and_not_yet_resolvable_addresses_are_accepted(db):
    assert _form("https://93.184.216.34/hook").is_valid()
    assert _form("https://ioffice.example/hook").is_valid()  # checked again on delivery


def test_the_setting_allows_a_private_network(db, settings):
    settings.WEBHOOK_ALLOW_PRIVATE = True
    assert _form("http://10.1.2.3/hook").is_valid()


class _Hit(http.server.BaseHTTPRequestHandler):
    hits: list = []

    def do_POST(self):  # noqa: N802
        _Hit.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_delivery_to_loopback_never_connects(world, clients):
    _Hit.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hit)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        # Saved behind the form's back (an old row, a name that now resolves to loopback).
        WebhookSubscription.objects.create(
            client=clients["client"],
            event=WebhookEvent.EVALUATION_PUBLISHED,
            url=f"http://127.0.0.1:{server.server_port}/hook",
        )
        (delivery_id,) = emit_event(WebhookEvent.EVALUATION_PUBLISHED, {"x": 1}, world.tp_office)
        assert attempt_delivery(delivery_id) == DeliveryStatus.PENDING
    finally:
        server.shutdown()
    assert _Hit.hits == []
    assert "nội bộ" in WebhookDelivery.objects.get(pk=delivery_id).last_error
