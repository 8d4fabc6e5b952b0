"""Exports built in the background: one row per request, with its progress and its file."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.org.models import Organization


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ExportJob(models.Model):
    """The province's annual .xlsx built by a django-tasks task; its file lives under
    MEDIA_ROOT/exports/ and is served only to the user who asked for it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=32, default="annual_report")
    year = models.PositiveSmallIntegerField(_("year"))
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, verbose_name=_("organisation")
    )
    status = models.CharField(
        _("status"), max_length=8, choices=ExportStatus.choices, default=ExportStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(max_length=120, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    stored_as = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)  # the last step of its task
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("export")
        verbose_name_plural = _("exports")

    def __str__(self) -> str:
        return f"{self.kind} {self.year} ({self.status})"

    @property
    def running(self) -> bool:
        return self.status in (ExportStatus.QUEUED, ExportStatus.RUNNING)

    @property
    def interrupted(self) -> bool:
        """Still unfinished after STALE_JOB_MINUTES without a step: its worker died."""
        last = self.heartbeat_at or self.created_at
        stale = timezone.now() - timedelta(minutes=settings.STALE_JOB_MINUTES)
        return self.running and last is not None and last < stale
