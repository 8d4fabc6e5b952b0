"""Stored period results of the scoring engine, and the recompute jobs that wrote them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.choices import JobStatus, ScoreKind

RATIO = {"max_digits": 12, "decimal_places": 6, "null": True, "blank": True}
WEIGHT = {"max_digits": 16, "decimal_places": 4, "default": 0}


class RecomputeJob(models.Model):
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    period = models.CharField(_("period"), max_length=16)
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("organisation"),
    )
    rows = models.PositiveIntegerField(_("rows"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.RUNNING
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("recompute job")
        verbose_name_plural = _("recompute jobs")

    def __str__(self) -> str:
        return f"{self.period} ({self.get_status_display()})"


class PeriodScore(models.Model):
    """Task results of one person for one month, quarter or year.

    General criteria come from the evaluation sheets (not built yet): until then general and
    total stay empty and there is no classification.
    """

    # No index of its own: unique_period_score starts with person and serves its look-ups; a
    # bulk recompute writes 170,000 rows, and every index costs on each of them.
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="period_scores",
        verbose_name=_("civil servant"),
        db_index=False,
    )
    period_start = models.DateField(_("period start"))
    kind = models.CharField(_("kind"), max_length=8, choices=ScoreKind.choices)
    rulebook = models.CharField(_("rulebook"), max_length=32)
    role = models.CharField(_("role"), max_length=8, default="staff")
    a = models.DecimalField("a", **RATIO)
    b = models.DecimalField("b", **RATIO)
    c = models.DecimalField("c", **RATIO)
    task_score = models.DecimalField(_("task score"), **RATIO)
    general_score = models.DecimalField(_("general criteria score"), **RATIO)
    total = models.DecimalField(_("total"), **RATIO)
    classification = models.CharField(_("classification"), max_length=16, blank=True)
    no_items = models.BooleanField(_("no assigned items"), default=False)
    assigned_weight = models.DecimalField(_("assigned weight"), **WEIGHT)
    completed_weight = models.DecimalField(_("completed weight"), **WEIGHT)
    quality_weight = models.DecimalField(_("quality weight"), **WEIGHT)
    progress_weight = models.DecimalField(_("progress weight"), **WEIGHT)
    explanation = models.JSONField(_("explanation"), default=list, blank=True)
    computed_at = models.DateTimeField(_("computed at"))
    # Which job last changed the row, for the record only: not indexed (nothing looks scores up
    # by job) and not a database constraint, whose check on each of a recompute's 170,000 rows
    # would cost as much as writing them (jobs are kept, and deleting one through Django still
    # sets this to null).
    job = models.ForeignKey(
        RecomputeJob,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="scores",
        db_index=False,
        db_constraint=False,
    )

    class Meta:
        ordering = ["person", "kind", "period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "period_start"], name="unique_period_score"
            )
        ]
        verbose_name = _("period score")
        verbose_name_plural = _("period scores")

    def __str__(self) -> str:
        return f"{self.person_id} {self.kind} {self.period_start:%Y-%m}"
