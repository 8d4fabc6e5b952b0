"""Outgoing webhooks: signed, retried with back-off; the database is the queue.

`emit_event` records one delivery per matching subscription and, after the transaction
commits, enqueues the first attempt. Failed attempts are rescheduled with exponential back-off
and picked up again by `canbo deliver-webhooks` (or the task worker when it supports defer).
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from canbo.core.access import covering
from canbo.integration.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookSubscription,
)
from canbo.integration.webhooks import outbound
from canbo.integration.webhooks.outbound import UnsafeUrl, check_url
from canbo.org.models import Organization

MAX_ATTEMPTS = 8
BASE_DELAY_SECONDS = 30
MAX_DELAY_SECONDS = 6 * 3600
TIMEOUT_SECONDS = 10


def emit_event(event: str, payload: dict, organization: Organization) -> list[int]:
    """Queue the event for every active subscriber whose scope covers the organisation."""
    subscriptions = covering(
        WebhookSubscription.objects.filter(
            event=event, active=True, client__revoked_at__isnull=True
        ),
        organization.path,
        "client__organization__path",
    )
    now = timezone.now()
    ids = [
        WebhookDelivery.objects.create(
            subscription=s, event=event, payload=payload, next_attempt_at=now
        ).pk
        for s in subscriptions
    ]
    for delivery_id in ids:
        transaction.on_commit(lambda i=delivery_id: deliver_webhook.enqueue(i))
    return ids


def signature(secret: str, timestamp: str, body: bytes) -> str:
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


@task()
def deliver_webhook(delivery_id: int) -> str:
    return attempt_delivery(delivery_id)


def attempt_delivery(delivery_id: int) -> str:
    """Claim a due delivery (compare-and-set) and try it once."""
    now = timezone.now()
    claimed = WebhookDelivery.objects.filter(
        pk=delivery_id,
        status=DeliveryStatus.PENDING,
        next_attempt_at__lte=now,
    ).update(next_attempt_at=now + timedelta(seconds=TIMEOUT_SECONDS * 3))
    if not claimed:
        return "skipped"
    delivery = WebhookDelivery.objects.select_related("subscription__client").get(pk=delivery_id)
    status_code, error = _post(delivery)
    _record(delivery, status_code, error)
    return delivery.status


def _post(delivery: WebhookDelivery) -> tuple[int | None, str]:
    body = json.dumps(
        {"event": delivery.event, "delivery": delivery.pk, "data": delivery.payload},
        ensure_ascii=False,
    ).encode()
    timestamp = str(int(time.time()))
    secret = delivery.subscription.client.signing_secret
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "X-Canbo-Event": delivery.event,
            "X-Canbo-Delivery": str(delivery.pk),
            "X-Canbo-Timestamp": timestamp,
            "X-Canbo-Signature": signature(secret, timestamp, body),
        },
    )
    try:
        check_url(delivery.subscription.url)  # again now: the name may resolve elsewhere
        with outbound.opener().open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status, ""
    except UnsafeUrl as exc:
        return None, exc.message[:255]
    except urllib.error.HTTPError as exc:
        return exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return None, str(getattr(exc, "reason", exc))[:255]


def _record(delivery: WebhookDelivery, status_code: int | None, error: str) -> None:
    delivery.attempts += 1
    delivery.last_status_code, delivery.last_error = status_code, error
    if status_code is not None and 200 <= status_code < 300:
        delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
    else:
        delivery.next_attempt_at = timezone.now() + backoff(delivery.attempts)
    delivery.save(
        update_fields=[
            "attempts",
            "last_status_code",
            "last_error",
            "status",
            "delivered_at",
            "next_attempt_at",
        ]
    )
    if delivery.status == DeliveryStatus.PENDING:
        schedule_retry(delivery.pk, delivery.next_attempt_at)


def schedule_retry(delivery_id: int, when) -> bool:
    """Queue the next attempt as a deferred task (`run_after`) where the task backend can
    hold one (the database backend with `canbo worker`s in production). The immediate
    backend cannot: there `canbo deliver-webhooks --loop` picks the due deliveries up."""
    if not deliver_webhook.get_backend().supports_defer:
        return False
    deferred = deliver_webhook.using(run_after=when)
    transaction.on_commit(lambda: deferred.enqueue(delivery_id))
    return True


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(BASE_DELAY_SECONDS * 2 ** (attempts - 1), MAX_DELAY_SECONDS))


def deliver_due(limit: int = 100) -> dict[str, int]:
    """Try every pending delivery whose time has come; return counts by outcome."""
    due = WebhookDelivery.objects.filter(
        Q(next_attempt_at__lte=timezone.now()),
        status=DeliveryStatus.PENDING,
    ).values_list("pk", flat=True)[:limit]
    outcomes: dict[str, int] = {}
    for delivery_id in list(due):
        outcome = attempt_delivery(delivery_id)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
