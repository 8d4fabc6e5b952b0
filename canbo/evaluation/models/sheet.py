from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import published_in_unit, visible_sheets
from canbo.core.fields import NFCTextField
from canbo.evaluation.choices import ComplaintStatus, Level, SheetStatus
from canbo.evaluation.models.period import EvaluationPeriod
from canbo.people.models import Person
from canbo.scoring import get_rulebook

USER = settings.AUTH_USER_MODEL


def default_criteria_set() -> str:
    """New sheets are scored with the default rulebook's criteria set (Mẫu số 01)."""
    return get_rulebook().default_criteria_set


class SheetQuerySet(models.QuerySet):
    def visible_to(self, user) -> "SheetQuerySet":
        return visible_sheets(self, user)

    def published_to(self, user) -> "SheetQuerySet":
        return published_in_unit(self, user).filter(status=SheetStatus.PUBLISHED)


class EvaluationSheet(models.Model):
    """One person's evaluation for one period: self-assessment, review, approval."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="sheets", verbose_name=_("civil servant")
    )
    period = models.ForeignKey(
        EvaluationPeriod, on_delete=models.PROTECT, related_name="sheets", verbose_name=_("period")
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SheetStatus.choices,
        default=SheetStatus.DRAFT,
        db_index=True,
    )
    is_leader = models.BooleanField(_("leader"), default=False)
    worked = models.BooleanField(_("worked this period"), default=True)
    general_self = models.JSONField(_("self-assessed general criteria"), null=True, blank=True)
    general_review = models.JSONField(_("reviewed general criteria"), null=True, blank=True)
    # Reasons for the reviewer's changes, keyed by the index of the line in the criteria set.
    adjust_reasons = models.JSONField(default=dict, blank=True)
    # The code of the general criteria set the sheet is scored with (canbo.scoring.criteria).
    criteria_set = models.CharField(_("criteria set"), max_length=32, default=default_criteria_set)
    self_comment = NFCTextField(_("self-assessment comment"), blank=True)
    evidence = NFCTextField(_("evidence"), blank=True)
    review_comment = NFCTextField(_("reviewer's comment"), blank=True)
    collective_comment = NFCTextField(_("collective comments"), blank=True)
    approval_comment = NFCTextField(_("approver's comment"), blank=True)
    leader_organising = models.CharField(max_length=8, choices=Level.choices, blank=True)
    leader_third = models.CharField(max_length=8, choices=Level.choices, blank=True)
    # Snapshot of the scoring result, frozen at approval (canbo.scoring output as JSON).
    result = models.JSONField(null=True, blank=True)
    total = models.DecimalField(max_digits=7, decimal_places=4, null=True, blank=True)
    classification = models.CharField(max_length=12, blank=True)
    version = models.PositiveIntegerField(default=0)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = SheetQuerySet.as_manager()

    class Meta:
        ordering = ["-period__start", "person__search_key"]
        constraints = [
            models.UniqueConstraint(fields=["person", "period"], name="one_sheet_per_person_period")
        ]
        indexes = [models.Index(fields=["period", "status"])]
        verbose_name = _("evaluation sheet")
        verbose_name_plural = _("evaluation sheets")

    def __str__(self) -> str:
        return f"{self.person} · {self.period}"

    @property
    def general(self) -> list | None:
        return self.general_review if self.general_review is not None else self.general_self


class Complaint(models.Model):
    sheet = models.ForeignKey(EvaluationSheet, on_delete=models.CASCADE, related_name="complaints")
    filed_by = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    filed_at = models.DateTimeField(auto_now_add=True)
    reason = NFCTextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=10, choices=ComplaintStatus.choices, default=ComplaintStatus.OPEN
    )
    resolution = NFCTextField(_("resolution"), blank=True)
    resolved_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")


class Notification(models.Model):
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notifications")
    text = NFCTextField()
    url = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
