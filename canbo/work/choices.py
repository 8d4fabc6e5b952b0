"""Choice lists of the work app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Complexity(models.TextChoices):
    SIMPLE = "simple", _("Simple")
    STANDARD = "standard", _("Standard")
    ADVANCED = "advanced", _("Advanced")
    COMPLEX = "complex", _("Complex")
    SPECIAL = "special", _("Special")


class TaskStatus(models.TextChoices):
    ASSIGNED = "assigned", _("Assigned")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class DelayKind(models.TextChoices):
    EXTENSION = "extension", _("Deadline extension")
    LATE_COMPLETION = "late_completion", _("Late completion")


class ScoreKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")


class JobStatus(models.TextChoices):
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    INTERRUPTED = "interrupted", _("Interrupted")
