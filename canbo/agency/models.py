"""Evaluating the commune itself as an agency (Decree 335, DOMAIN §6): a versioned criteria set,
the province's socio-economic indicator sets with targets and actuals, and one evaluation per
commune and year with its per-criterion points."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_agency_rows
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization


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
