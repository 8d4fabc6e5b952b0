from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodKind(models.TextChoices):
    MONTH = "month", _("Month")
    QUARTER = "quarter", _("Quarter")
    YEAR = "year", _("Year")


class PeriodStatus(models.TextChoices):
    OPEN = "open", _("Open")
    LOCKED = "locked", _("Locked")


class SheetStatus(models.TextChoices):
    DRAFT = "draft", _("Not started")
    SELF_ASSESSED = "self_assessed", _("Self-assessed")
    REVIEWED = "reviewed", _("Reviewed")
    PUBLISHED = "published", _("Approved and published")
    CONTESTED = "contested", _("Contested")


class ComplaintStatus(models.TextChoices):
    OPEN = "open", _("Awaiting resolution")
    ACCEPTED = "accepted", _("Accepted: sheet reopened")
    REJECTED = "rejected", _("Rejected")


class Level(models.TextChoices):
    FULL = "full", _("Fully achieved")
    PARTIAL = "partial", _("Partly achieved")


class AnnualStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    FINAL = "final", _("Finalised")
