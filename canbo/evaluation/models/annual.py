from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_annual_results
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.evaluation.choices import AnnualStatus
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.scoring import LABELS


class AnnualQuerySet(models.QuerySet):
    def visible_to(self, user) -> "AnnualQuerySet":
        return visible_annual_results(self, user)


class AnnualResult(models.Model):
    """A person's classification for a year (Art. 20–21), with the quota group it counts in."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="annual_results")
    year = models.PositiveSmallIntegerField(_("year"))
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    task_group = NFCCharField(_("task group"), max_length=64, blank=True)
    # Set when a personnel officer moved the person to another group: kept on recompute.
    task_group_manual = models.BooleanField(default=False)
    average = models.DecimalField(max_digits=7, decimal_places=4, null=True, blank=True)
    # The exact average as a fraction ("p/q"): display rounds, classification never does.
    average_exact = models.CharField(max_length=80, blank=True)
    periods_used = models.PositiveSmallIntegerField(default=0)
    periods_absent = models.PositiveSmallIntegerField(default=0)
    overrides = models.JSONField(default=list, blank=True)
    classification = models.CharField(max_length=12, blank=True)
    label = NFCCharField(max_length=64, blank=True)
    explanation = models.JSONField(default=list, blank=True)
    # The competent authority's decision: a level lower than the score level (quota).
    final_level = models.CharField(max_length=12, blank=True)
    final_reason = NFCTextField(_("reason"), blank=True)
    final_decision = NFCCharField(_("decision"), max_length=120, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=8, choices=AnnualStatus.choices, default=AnnualStatus.DRAFT
    )
    computed_at = models.DateTimeField(auto_now=True)
    finalised_at = models.DateTimeField(null=True, blank=True)

    objects = AnnualQuerySet.as_manager()

    class Meta:
        ordering = ["organization__path", "-average"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="one_annual_result_per_year")
        ]
        verbose_name = _("annual result")
        verbose_name_plural = _("annual results")

    @property
    def level(self) -> str:
        """The level the person is finally classified at (what the quota counts)."""
        return self.final_level or self.classification

    def get_final_level_label(self) -> str:
        return LABELS.get(self.final_level, "")


class QuotaException(models.Model):
    """The recorded decision that lets an organisation use the higher quota (rulebook)."""

    organization = models.ForeignKey(Organization, on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField()
    decision = NFCTextField(_("decision"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"], name="one_quota_exception_per_year"
            )
        ]
