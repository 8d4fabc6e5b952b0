"""Incoming documents (edXML), uploaded import batches and rejected payloads kept for retry.

Imported from canbo.integration.models so that Django registers them in the integration app.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCCharField, NFCTextField
from canbo.integration.models import ApiClient
from canbo.org.models import Organization
from canbo.people.models import Person


class IncomingDocument(models.Model):
    """A document received by edXML; its status packets turn it into a task."""

    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming_documents",
        verbose_name=_("receiving organisation"),
    )
    reference = models.CharField(_("reference"), max_length=255)
    document_id = models.CharField(_("document identity"), max_length=255, blank=True)
    organ_id = models.CharField(_("issuing organisation code"), max_length=64, blank=True)
    organ_name = NFCCharField(_("issuing organisation"), max_length=255, blank=True)
    code = NFCCharField(_("number and notation"), max_length=120, blank=True)
    promulgation_date = models.DateField(_("promulgation date"), null=True, blank=True)
    document_type = NFCCharField(_("document type"), max_length=120, blank=True)
    subject = NFCTextField(_("subject"), blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    steering_type = models.CharField(_("steering type"), max_length=32, blank=True)
    task_codes = models.JSONField(_("task codes"), default=list, blank=True)
    # Attachments are not stored: their names and sizes only ({name, content_type, size}).
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    last_status = models.CharField(_("last status"), max_length=4, blank=True)
    last_status_at = models.DateTimeField(_("last status time"), null=True, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    client = models.ForeignKey(
        ApiClient, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("API client")
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "reference"], name="unique_incoming_document"
            )
        ]
        indexes = [models.Index(fields=["document_id"]), models.Index(fields=["organ_id", "code"])]
        verbose_name = _("incoming document")
        verbose_name_plural = _("incoming documents")

    def __str__(self) -> str:
        return self.code or self.reference


class BatchKind(models.TextChoices):
    TASKS = "tasks", _("Tasks")
    PEOPLE = "people", _("Civil servants")
    DOSSIERS = "dossiers", _("One-stop dossiers")


class BatchStatus(models.TextChoices):
    VALIDATING = "validating", _("Checking")
    PREVIEW = "preview", _("Checked, waiting for confirmation")
    INVALID = "invalid", _("Has errors")
    COMMITTING = "committing", _("Writing")
    COMMITTED = "committed", _("Imported")
    FAILED = "failed", _("Failed, nothing written")
    DISCARDED = "discarded", _("Discarded")


def stale_before():
    """Work with no sign of life since this moment is taken as dead."""
    return timezone.now() - timedelta(minutes=settings.STALE_JOB_MINUTES)


def stale_batches() -> models.Q:
    running = [BatchStatus.VALIDATING, BatchStatus.COMMITTING]
    cutoff = stale_before()
    return models.Q(status__in=running) & (
        models.Q(heartbeat_at__lt=cutoff)
        | models.Q(heartbeat_at__isnull=True, created_at__lt=cutoff)
    )


class ImportBatch(models.Model):
    """One uploaded spreadsheet, kept server-side from preview to confirmation."""

    kind = models.CharField(_("kind"), max_length=8, choices=BatchKind.choices)
    file_name = NFCCharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("uploaded by"),
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("organisation"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=BatchStatus.choices, default=BatchStatus.VALIDATING
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    error_rows = models.PositiveIntegerField(_("rows with errors"), default=0)
    message = NFCTextField(_("message"), blank=True)
    report = models.JSONField(_("report"), default=list, blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # Touched at every step and progress report: running work that stops touching it for
    # settings.STALE_JOB_MINUTES is taken as interrupted (its worker died).
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return self.file_name

    @property
    def running(self) -> bool:
        return self.status in (BatchStatus.VALIDATING, BatchStatus.COMMITTING)

    @property
    def interrupted(self) -> bool:
        """Running, but no sign of life for longer than the timeout: the worker died."""
        last = self.heartbeat_at or self.created_at
        return self.running and last is not None and last < stale_before()

    @property
    def status_label(self) -> str:
        return str(_("Interrupted")) if self.interrupted else self.get_status_display()

    @property
    def percent(self) -> int:
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0


class PayloadStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    RETRIED = "retried", _("retried")
    DISCARDED = "discarded", _("discarded")


class RejectedPayload(models.Model):
    """The body of a rejected edXML packet, kept with the reason until retried or discarded."""

    client = models.ForeignKey(
        ApiClient,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rejected_payloads",
        verbose_name=_("API client"),
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("organisation"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    endpoint = models.CharField(_("endpoint"), max_length=120)
    name = NFCCharField(_("file name"), max_length=255, blank=True)
    body = models.BinaryField(_("body"))
    reference = models.CharField(_("document reference"), max_length=255, blank=True, db_index=True)
    reason = NFCTextField(_("reason"))
    # The handler (StaffInfo/Staff) as sent, when the packet waits for a person to be picked.
    handler = NFCCharField(_("handler as sent"), max_length=255, blank=True)
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=PayloadStatus.choices,
        default=PayloadStatus.PENDING,
        db_index=True,
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("rejected payload")
        verbose_name_plural = _("rejected payloads")

    def __str__(self) -> str:
        return f"{self.endpoint} {self.at:%Y-%m-%d %H:%M}"


class AliasKind(models.TextChoices):
    NAME = "name", _("name")
    EMAIL = "email", _("e-mail")
    MOBILE = "mobile", _("mobile")


class StaffAlias(models.Model):
    """The person a personnel officer picked for how a sender's packets name a handler
    (StaffInfo: a folded full name, an e-mail or a mobile number), remembered for later
    packets. `organization` is the sending organisation whose subtree was searched."""

    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("sending organisation"),
    )
    kind = models.CharField(_("kind"), max_length=8, choices=AliasKind.choices)
    key = models.CharField(_("key"), max_length=255)
    label = NFCCharField(_("as sent"), max_length=255)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("civil servant")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picked by"),
    )
    created_at = models.DateTimeField(_("picked at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "key"], name="unique_staff_alias"
            )
        ]
        verbose_name = _("handler name mapping")
        verbose_name_plural = _("handler name mappings")

    def __str__(self) -> str:
        return f"{self.label} → {self.person_id}"
