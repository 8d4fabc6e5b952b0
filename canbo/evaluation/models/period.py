from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_org_rows
from canbo.evaluation.choices import PeriodKind, PeriodStatus
from canbo.org.models import Organization


class PeriodQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PeriodQuerySet":
        """Periods of the organisations whose structure the user may read."""
        return visible_org_rows(self, user)


class EvaluationPeriod(models.Model):
    """A month (or quarter, or year) opened for evaluation in an organisation subtree."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    kind = models.CharField(
        _("kind"), max_length=8, choices=PeriodKind.choices, default=PeriodKind.MONTH
    )
    start = models.DateField(_("start"))
    status = models.CharField(
        _("status"), max_length=8, choices=PeriodStatus.choices, default=PeriodStatus.OPEN
    )
    self_assessment_due = models.DateField(_("self-assessment due"))
    review_due = models.DateField(_("review due"))
    approval_due = models.DateField(_("approval due"))
    complaint_days = models.PositiveSmallIntegerField(_("complaint window (days)"), default=10)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    locked_at = models.DateTimeField(null=True, blank=True)

    objects = PeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "organization__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "start"], name="unique_period_per_org"
            )
        ]
        verbose_name = _("evaluation period")
        verbose_name_plural = _("evaluation periods")

    def __str__(self) -> str:
        label = f"{self.start:%m/%Y}" if self.kind == PeriodKind.MONTH else str(self.start.year)
        return f"{self.get_kind_display()} {label} · {self.organization}"

    @property
    def is_locked(self) -> bool:
        return self.status == PeriodStatus.LOCKED
