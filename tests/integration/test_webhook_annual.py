"""`annual.finalised`: the evaluation app's signal becomes a webhook delivery."""

from canbo.evaluation.signals import annual_finalised
from canbo.integration.models import ApiClient, WebhookDelivery, WebhookEvent, WebhookSubscription


def test_signal_queues_a_delivery_for_subscribers_in_scope(world, clients):
    for name in ("VNPT iOffice Tân Phong", "iOffice Đoàn Kết"):
        WebhookSubscription.objects.create(
            client=ApiClient.objects.get(name=name),
            event=WebhookEvent.ANNUAL_FINALISED,
            url="http://127.0.0.1:9/hook",
        )
    WebhookSubscription.objects.create(
        client=clients["client"], event=WebhookEvent.PERIOD_LOCKED, url="http://127.0.0.1:9/other"
    )
    annual_finalised.send(sender=None, organization=world.tanphong, year=2026, count=11)
    delivery = WebhookDelivery.objects.get()
    assert delivery.event == "annual.finalised"
    assert delivery.subscription.client == clients["client"]
    assert delivery.payload == {
        "organization_code": world.tanphong.code,
        "organization_name": "Phường Tân Phong",
        "year": 2026,
        "count": 11,
    }
    assert delivery.status == "pending" and delivery.next_attempt_at is not None


def test_no_subscriber_no_delivery(world, clients):
    annual_finalised.send(sender=None, organization=world.doanket, year=2026, count=1)
    assert not WebhookDelivery.objects.exists()
