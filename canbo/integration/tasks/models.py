"""What connected systems sent about tasks: the last payload of each task (its base state) and
the log of task events, from which the task's state is re-derived on every arrival."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCTextField


class TaskRecord(models.Model):
    """The base state of a source-managed task as last sent with PUT or bulk upsert.

    Events fold onto this base (see canbo.work.task_state); `digest` is a hash of the
    payload so that a re-sent batch is recognised as unchanged with one query.
    """

    task = models.OneToOneField(
        "work.Task",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="source_record",
        verbose_name=_("task"),
    )
    client = models.ForeignKey(
        "integration.ApiClient",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("API client"),
    )
    digest = models.CharField(max_length=64, blank=True)
    due_date = models.DateField(_("due date as sent"), null=True, blank=True)
    status = models.CharField(_("status as sent"), max_length=16)
    completed_date = models.DateField(_("completion date as sent"), null=True, blank=True)
    document = models.JSONField(_("document reference"), default=dict, blank=True)
    received_at = models.DateTimeField(_("received at"))

    class Meta:
        verbose_name = _("source record of a task")
        verbose_name_plural = _("source records of tasks")

    def __str__(self) -> str:
        return f"{self.task_id}"


class TaskEventKind(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    DEADLINE_EXTENDED = "deadline_extended", _("Deadline extended")
    COMPLETED = "completed", _("Completed")
    RETURNED_FOR_REWORK = "returned_for_rework", _("Returned for rework")
    CANCELLED = "cancelled", _("Cancelled")


class TaskEvent(models.Model):
    """One event of a task's life as the source system reported it (append-only)."""

    task = models.ForeignKey(
        "work.Task", on_delete=models.CASCADE, related_name="events", verbose_name=_("task")
    )
    event_id = models.CharField(_("event id"), max_length=100)
    kind = models.CharField(_("kind"), max_length=24, choices=TaskEventKind.choices)
    occurred_at = models.DateTimeField(_("occurred at"))
    actor_code = models.CharField(_("actor code"), max_length=32, blank=True)
    new_due = models.DateField(_("new due date"), null=True, blank=True)
    completed_date = models.DateField(_("completed on"), null=True, blank=True)
    note = NFCTextField(_("note"), blank=True)
    client = models.ForeignKey(
        "integration.ApiClient",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("API client"),
    )
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        ordering = ["task", "occurred_at", "event_id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "event_id"], name="unique_task_event_id")
        ]
        verbose_name = _("task event")
        verbose_name_plural = _("task events")

    def __str__(self) -> str:
        return f"{self.task_id} {self.kind} {self.occurred_at:%Y-%m-%d %H:%M}"
