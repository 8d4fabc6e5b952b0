"""The plan's own actions and their follow-up by the owners: updates and evidence."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import can, owned_actions
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization


class Cadence(models.TextChoices):
    DEADLINE = "deadline", _("Before a deadline")
    YEAR = "year", _("Within the year")
    PERIOD = "period", _("Over a period of years")
    YEARLY = "yearly", _("Every year")
    CONTINUOUS = "continuous", _("Continuous")
    CONDITIONAL = "conditional", _("After a precondition")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not yet begun")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Accomplished")
    WAITING = "waiting", _("Waiting for a precondition")


class PlanActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if can(user, "oversight.plan.view") else self.none()

    def updatable_by(self, user):
        """Actions the user's agency owns (an administrator: all)."""
        if not can(user, "oversight.plan.update"):
            return self.none()
        return owned_actions(self, user)


class PlanAction(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    section = models.CharField(_("section"), max_length=20)
    text = NFCTextField(_("action"))
    owner = NFCCharField(_("owner agency"), max_length=200)
    owner_org = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    partners = NFCCharField(_("co-operating agencies"), max_length=300, blank=True)
    cadence = models.CharField(_("cadence"), max_length=16, choices=Cadence.choices)
    time_text = NFCCharField(_("time of implementation"), max_length=120)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    due_month = models.PositiveSmallIntegerField(_("yearly due month"), null=True, blank=True)
    due_day = models.PositiveSmallIntegerField(_("yearly due day"), null=True, blank=True)
    product = NFCCharField(_("expected product"), max_length=300)
    indicators = models.JSONField(_("live indicators"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PlanActionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"

    def due_on(self, as_of: date) -> date | None:
        """The day the action falls due, seen on `as_of` (a yearly one: in that year)."""
        if self.cadence == Cadence.YEARLY:
            return date(as_of.year, self.due_month or 12, self.due_day or 31)
        if self.cadence in (Cadence.DEADLINE, Cadence.YEAR, Cadence.PERIOD):
            return self.deadline
        return None


class ActionUpdate(models.Model):
    """The owner's report on an action at a date: status and progress note (append-only)."""

    action = models.ForeignKey(
        PlanAction, on_delete=models.CASCADE, related_name="updates", verbose_name=_("plan action")
    )
    on = models.DateField(_("as of"))
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices)
    note = NFCTextField(_("progress note"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("action update")
        verbose_name_plural = _("action updates")


class Evidence(models.Model):
    """A file proving an action's product (a decision, a report), checked like an import."""

    action = models.ForeignKey(
        PlanAction, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("plan action")
    )
    name = NFCCharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()
    description = NFCCharField(_("description"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.name
