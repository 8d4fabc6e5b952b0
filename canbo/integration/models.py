"""Connected systems (API clients), their request log and seen signatures."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCCharField
from canbo.org.models import Organization

SCOPES = {
    "tasks:write": _("Write tasks and task events"),
    "tasks:read": _("Read tasks"),
    "org:read": _("Look up organisations"),
    "people:read": _("Look up civil servants"),
    "results:read": _("Read published evaluation results"),
    "cadre:read": _("Read cadre-development lists"),
    "dossiers:write": _("Write one-stop dossiers and citizens' ratings"),
    "satisfaction:read": _("Read the citizen satisfaction index"),
    "agency:read": _("Read published agency evaluations of the communes"),
}


class ApiClient(models.Model):
    """A connected e-office or task-assignment system, limited to one organisation subtree."""

    is_api_client = True

    name = NFCCharField(_("name"), max_length=120)
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    scopes = models.JSONField(_("scopes"), default=list)
    # Only a prefix (for lookup) and a SHA-256 of the token are kept: tokens are random.
    token_prefix = models.CharField(max_length=16, unique=True)
    token_hash = models.CharField(max_length=64)
    signing_secret = models.CharField(max_length=64, blank=True)
    require_signature = models.BooleanField(_("require HMAC signature"), default=False)
    rate_limit_per_minute = models.PositiveIntegerField(_("requests per minute"), default=600)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last contact"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes


class ApiRequestLog(models.Model):
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    client = models.ForeignKey(ApiClient, null=True, on_delete=models.SET_NULL)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=255)
    status = models.PositiveSmallIntegerField()
    outcome = models.CharField(max_length=64, blank=True)
    received = models.PositiveIntegerField(default=0)
    written = models.PositiveIntegerField(default=0)
    duration_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["client", "at"])]


class SeenSignature(models.Model):
    """Signatures already accepted: a replayed signed request is refused."""

    signature = models.CharField(max_length=64, unique=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)


class WebhookEvent(models.TextChoices):
    EVALUATION_PUBLISHED = "evaluation.published", _("Evaluation published")
    PERIOD_LOCKED = "period.locked", _("Evaluation period locked")
    ANNUAL_FINALISED = "annual.finalised", _("Annual classification finalised")
    AGENCY_PUBLISHED = "agency.published", _("Agency evaluation of a commune published")


class WebhookSubscription(models.Model):
    client = models.ForeignKey(
        ApiClient,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("API client"),
    )
    event = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    url = models.URLField(_("URL"), max_length=500)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")

    def __str__(self) -> str:
        return f"{self.client} · {self.event}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("failed")


class WebhookDelivery(models.Model):
    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(max_length=40)
    payload = models.JSONField()
    status = models.CharField(
        max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, db_index=True)
    last_status_code = models.PositiveSmallIntegerField(null=True)
    last_error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["-created_at", "-id"]


# Import models live in their own module; importing them here registers them with the app.
from canbo.integration.imports.models import (  # noqa: E402
    ImportBatch,
    IncomingDocument,
    RejectedPayload,
    StaffAlias,
)

# Task payloads and events from connected systems, likewise.
from canbo.integration.tasks.models import TaskEvent, TaskEventKind, TaskRecord  # noqa: E402

__all__ = [
    "ApiClient",
    "ApiRequestLog",
    "ImportBatch",
    "IncomingDocument",
    "RejectedPayload",
    "SeenSignature",
    "StaffAlias",
    "TaskEvent",
    "TaskEventKind",
    "TaskRecord",
    "WebhookDelivery",
    "WebhookSubscription",
]
