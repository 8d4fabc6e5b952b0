"""The reporting body's periodic reports and the job-position approvals the plan's first
deadline asks for."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import can, visible_oversight
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization


class ReportKind(models.TextChoices):
    HALF_YEAR = "half_year", _("Six-monthly")
    YEAR = "year", _("Yearly")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SIGNED = "signed", _("Signed")


class PlanReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if can(user, "oversight.plan.view") else self.none()


class PlanReport(models.Model):
    """The reporting body's periodic report: its own text around the compiled tracker."""

    kind = models.CharField(_("kind"), max_length=16, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = NFCCharField(_("document number"), max_length=64, blank=True)
    assessment = NFCTextField(_("general assessment"), blank=True)
    next_steps = NFCTextField(_("tasks for the next period"), blank=True)
    signer = NFCCharField(_("signer"), max_length=120, blank=True)
    signer_title = NFCCharField(_("signer's title"), max_length=120, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PlanReportQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year"], name="one_plan_report_per_period")
        ]
        verbose_name = _("periodic report")
        verbose_name_plural = _("periodic reports")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    @property
    def as_of(self) -> date:
        return (
            date(self.year, 6, 30) if self.kind == ReportKind.HALF_YEAR else date(self.year, 12, 31)
        )


class JobPositionApprovalQuerySet(models.QuerySet):
    def visible_to(self, user):
        return visible_oversight(self, user, "oversight.plan.view")


class JobPositionApproval(models.Model):
    """The decision approving a commune's list of job positions (plan II.2.1, III.2)."""

    organization = models.OneToOneField(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    decision_number = NFCCharField(_("decision number"), max_length=64)
    decision_date = models.DateField(_("decision date"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = JobPositionApprovalQuerySet.as_manager()

    class Meta:
        ordering = ["organization__path"]
        verbose_name = _("job-position approval")
        verbose_name_plural = _("job-position approvals")
