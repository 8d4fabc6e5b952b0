"""The agency criteria set, one version at a time, and its criteria."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCCharField, NFCTextField


class Part(models.TextChoices):
    GENERAL = "general", _("General criteria")
    TASK = "task", _("Task results")


class Measure(models.TextChoices):
    COMPUTED = "computed", _("Computed from the system's data")
    ENTERED = "entered", _("Entered with evidence")


class Source(models.TextChoices):
    """What a computed criterion is computed from (the service knows each one)."""

    NONE = "", _("Entered")
    WORK = "work", _("Progress and quality of the commune's tasks (a, b, c)")
    CADRE = "cadre", _("Quality of the commune's civil servants")
    PROCEDURES = "procedures", _("Administrative procedures (on time, satisfaction)")
    INDICATORS = "indicators", _("The socio-economic indicators")
    PROGRAMME = "programme", _("The year's work programme")


class CriteriaSet(models.Model):
    """One version of the agency criteria (general ≤ 30, task results ≤ 70)."""

    code = models.CharField(_("code"), max_length=32)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    name = NFCCharField(_("name"), max_length=200)
    description = NFCTextField(_("description"), blank=True)
    year_from = models.PositiveSmallIntegerField(_("in force from year"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="agency_one_criteria_version")
        ]
        verbose_name = _("agency criteria set")
        verbose_name_plural = _("agency criteria sets")

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class Criterion(models.Model):
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=16)
    part = models.CharField(_("part"), max_length=8, choices=Part.choices)
    group = models.PositiveSmallIntegerField(_("group"))
    group_name = NFCCharField(_("group name"), max_length=200)
    name = NFCCharField(_("name"), max_length=300)
    max_points = models.DecimalField(_("maximum points"), max_digits=5, decimal_places=2)
    measure = models.CharField(_("how measured"), max_length=8, choices=Measure.choices)
    source = models.CharField(_("computed from"), max_length=16, choices=Source.choices, blank=True)
    legal_basis = NFCCharField(_("legal basis"), max_length=300)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["criteria_set", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_set", "code"], name="agency_one_criterion_code"
            )
        ]
        verbose_name = _("agency criterion")
        verbose_name_plural = _("agency criteria")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
