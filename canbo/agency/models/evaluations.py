"""One evaluation per commune and year, its per-criterion points and the commune's
complaint against the published result."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.agency.models.criteria import CriteriaSet, Criterion
from canbo.agency.models.indicators import AgencyRowQuerySet, IndicatorSet
from canbo.core.fields import NFCTextField
from canbo.org.models import Organization


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SELF_ASSESSED = "self_assessed", _("Self-assessed by the commune")
    REVIEWED = "reviewed", _("Reviewed by the Department of Home Affairs")
    PUBLISHED = "published", _("Approved and published")
    CONTESTED = "contested", _("Published, complaint pending")


class AgencyEvaluation(models.Model):
    """The commune's evaluation as an agency for one year."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("commune")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    criteria_set = models.ForeignKey(CriteriaSet, on_delete=models.PROTECT)
    indicator_set = models.ForeignKey(IndicatorSet, null=True, blank=True, on_delete=models.PROTECT)
    status = models.CharField(
        max_length=16, choices=EvaluationStatus.choices, default=EvaluationStatus.DRAFT
    )
    general = models.DecimalField(max_digits=7, decimal_places=4, default=0)
    task = models.DecimalField(max_digits=7, decimal_places=4, default=0)
    total = models.DecimalField(max_digits=7, decimal_places=4, default=0)
    total_exact = models.CharField(max_length=80, blank=True)
    level = models.CharField(max_length=12, blank=True)
    explanation = models.JSONField(default=list, blank=True)
    computed_at = models.DateTimeField(null=True, blank=True)
    self_assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    self_assessed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_reason = NFCTextField(_("review reasons"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    objects = AgencyRowQuerySet.as_manager()

    class Meta:
        ordering = ["year", "organization__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year"], name="agency_one_evaluation_per_year"
            )
        ]
        verbose_name = _("agency evaluation")
        verbose_name_plural = _("agency evaluations")

    def __str__(self) -> str:
        return f"{self.organization} {self.year}"


class Score(models.Model):
    """One criterion of an evaluation: computed points, or points entered with evidence."""

    evaluation = models.ForeignKey(
        AgencyEvaluation, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT)
    computed = models.DecimalField(max_digits=7, decimal_places=4, null=True, blank=True)
    self_points = models.DecimalField(
        _("self-assessed points"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    review_points = models.DecimalField(
        _("points after review"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    evidence = NFCTextField(_("evidence"), blank=True)
    explanation = NFCTextField(blank=True)

    class Meta:
        ordering = ["criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"], name="agency_one_score_per_criterion"
            )
        ]

    @property
    def points(self):
        """What counts: the reviewer's points, else the computed, else the self-assessed."""
        for value in (self.review_points, self.computed, self.self_points):
            if value is not None:
                return value
        return None


class ComplaintStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted: the evaluation is reviewed again")
    REJECTED = "rejected", _("Rejected: the result stands")


class AgencyComplaint(models.Model):
    """The commune's complaint against its published agency result."""

    evaluation = models.ForeignKey(
        AgencyEvaluation, on_delete=models.CASCADE, related_name="complaints"
    )
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filed_at = models.DateTimeField(auto_now_add=True)
    reason = NFCTextField(_("reason"))
    status = models.CharField(
        max_length=8, choices=ComplaintStatus.choices, default=ComplaintStatus.OPEN
    )
    resolution = NFCTextField(_("resolution"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("agency complaint")
        verbose_name_plural = _("agency complaints")
