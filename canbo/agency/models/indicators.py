"""The province's socio-economic indicator sets, with each commune's targets and actuals."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_agency_rows
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization


class SetStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    SUPERSEDED = "superseded", _("Superseded by a newer version")


class IndicatorSet(models.Model):
    """The province's socio-economic indicators of a year, one version."""

    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    name = NFCCharField(_("name"), max_length=200)
    description = NFCTextField(_("description"), blank=True)
    status = models.CharField(max_length=12, choices=SetStatus.choices, default=SetStatus.ACTIVE)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "version"], name="agency_one_indicator_set_version"
            )
        ]
        verbose_name = _("indicator set")
        verbose_name_plural = _("indicator sets")

    def __str__(self) -> str:
        return f"{self.name} {self.year} (v{self.version})"


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(models.Model):
    indicator_set = models.ForeignKey(
        IndicatorSet, on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(_("code"), max_length=16)
    name = NFCCharField(_("name"), max_length=200)
    unit = NFCCharField(_("unit"), max_length=40)
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    max_points = models.DecimalField(_("maximum points"), max_digits=5, decimal_places=2)
    # Completion ratio → points: full points from full_ratio, none at or below zero_ratio,
    # linear in between.
    full_ratio = models.DecimalField(
        _("ratio for full points"), max_digits=5, decimal_places=2, default=1
    )
    zero_ratio = models.DecimalField(
        _("ratio for no points"), max_digits=5, decimal_places=2, default=0.5
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["indicator_set", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator_set", "code"], name="agency_one_indicator_code"
            )
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"


class AgencyRowQuerySet(models.QuerySet):
    def visible_to(self, user):
        return visible_agency_rows(self, user, "organization__path")


class Target(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("commune")
    )
    value = models.DecimalField(_("target"), max_digits=16, decimal_places=2)

    objects = AgencyRowQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "organization"], name="agency_one_target")
        ]
        verbose_name = _("indicator target")
        verbose_name_plural = _("indicator targets")


class ActualStatus(models.TextChoices):
    ENTERED = "entered", _("Entered, awaiting the province")
    ACCEPTED = "accepted", _("Accepted by the province")
    REJECTED = "rejected", _("Rejected by the province")


class Actual(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="actuals")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("commune")
    )
    value = models.DecimalField(_("actual"), max_digits=16, decimal_places=2)
    source = NFCCharField(_("source of the figure"), max_length=200)
    evidence = NFCCharField(_("evidence (document number)"), max_length=255)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="agency/evidence/%Y/", blank=True, max_length=255
    )
    status = models.CharField(
        max_length=8, choices=ActualStatus.choices, default=ActualStatus.ENTERED
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_note = NFCTextField(_("review note"), blank=True)

    objects = AgencyRowQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["indicator", "organization"], name="agency_one_actual")
        ]
        verbose_name = _("indicator actual")
        verbose_name_plural = _("indicator actuals")
