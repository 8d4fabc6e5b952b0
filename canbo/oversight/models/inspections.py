"""Inspections and supervision findings, on a plan action, a commune or a person."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import can, visible_oversight
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization
from canbo.oversight.models.plan import PlanAction
from canbo.oversight.outcomes import OutcomeLinks
from canbo.people.models import Person


class FollowUp(models.TextChoices):
    OPEN = "open", _("Not remedied")
    DONE = "done", _("Remedied")


class InspectionKind(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    AD_HOC = "ad_hoc", _("Ad hoc")


class InspectionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Under way")
    CONCLUDED = "concluded", _("Conclusion issued")


def _general_or_tied(rows: models.QuerySet, user) -> models.QuerySet:
    """Rows with no commune to every reader of the plan; a commune's by the oversight rule."""
    general = (
        rows.filter(organization__isnull=True) if can(user, "oversight.plan.view") else rows.none()
    )
    tied = visible_oversight(rows.filter(organization__isnull=False), user, "oversight.plan.view")
    return general | tied


class InspectionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Topic inspections (no commune) to every reader of the plan; a commune's own to
        its leadership; all of them province-wide and to the two Party bodies."""
        return _general_or_tied(self, user)


class Inspection(models.Model):
    """An inspection or supervision plan (I.3, II.2.7): of a commune or on a topic."""

    kind = models.CharField(_("kind"), max_length=12, choices=InspectionKind.choices)
    title = NFCCharField(_("name of the inspection"), max_length=255)
    topic = NFCCharField(_("topic"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune inspected"),
    )
    body = NFCCharField(_("inspecting body"), max_length=200)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InspectionStatus.choices,
        default=InspectionStatus.PLANNED,
    )
    conclusion_number = NFCCharField(_("conclusion number"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InspectionQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")

    def __str__(self) -> str:
        return self.title


class FindingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Findings on the plan: every reader of the plan; those on a commune: the rule of
        oversight rows."""
        return _general_or_tied(self, user)


class Finding(OutcomeLinks):
    """What the supervising body found, on a plan action, a unit or a person, with the
    action it requires by a deadline and its follow-up."""

    action = models.ForeignKey(
        PlanAction,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="findings",
        verbose_name=_("plan action"),
    )
    inspection = models.ForeignKey(
        Inspection,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="findings",
        verbose_name=_("inspection"),
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit concerned"),
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("person concerned"),
    )
    on = models.DateField(_("date"))
    text = NFCTextField(_("finding"))
    required_action = NFCTextField(_("required action"), blank=True)
    due = models.DateField(_("due"), null=True, blank=True)
    follow_up = models.CharField(
        _("follow-up"), max_length=8, choices=FollowUp.choices, default=FollowUp.OPEN
    )
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return self.text[:80]

    def overdue_on(self, today: date) -> bool:
        return self.follow_up == FollowUp.OPEN and self.due is not None and today > self.due
