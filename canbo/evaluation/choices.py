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


# The one definition of the sheet workflow: the states each step may start from. The
# services refuse a step from any other state, and the sheet page offers a step's form only
# in these states.
STEP_FROM: dict[str, frozenset[str]] = {
    "self": frozenset({SheetStatus.DRAFT, SheetStatus.SELF_ASSESSED}),
    "review": frozenset({SheetStatus.SELF_ASSESSED, SheetStatus.REVIEWED}),
    "approve": frozenset({SheetStatus.REVIEWED}),
    "complain": frozenset({SheetStatus.PUBLISHED}),
    "resolve": frozenset({SheetStatus.CONTESTED}),
}


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
