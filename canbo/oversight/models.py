"""The plan's own actions and their follow-up: updates, evidence, findings, periodic reports,
and the job-position approvals the plan's first deadline asks for."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import can, owned_actions, visible_oversight
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization
from canbo.oversight.outcomes import OutcomeLinks
from canbo.people.models import Person


class Cadence(models.TextChoices):
    DEADLINE = "deadline", _("Before a deadline")
    YEAR = "year", _("Within the year")
    PERIOD = "period", _("Over a period of years")
    YEARLY = "yearly", _("Every year")
    CONTINUOUS = "continuous", _("Continuous")
    CONDITIONAL = "conditional", _("After a precondition")


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not yet begun")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Accomplished")
    WAITING = "waiting", _("Waiting for a precondition")


class PlanActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self if can(user, "oversight.plan.view") else self.none()

    def updatable_by(self, user):
        """Actions the user's agency owns (an administrator: all)."""
        if not can(user, "oversight.plan.update"):
            return self.none()
        return owned_actions(self, user)


class PlanAction(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    section = models.CharField(_("section"), max_length=20)
    text = NFCTextField(_("action"))
    owner = NFCCharField(_("owner agency"), max_length=200)
    owner_org = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner organisation"),
    )
    partners = NFCCharField(_("co-operating agencies"), max_length=300, blank=True)
    cadence = models.CharField(_("cadence"), max_length=16, choices=Cadence.choices)
    time_text = NFCCharField(_("time of implementation"), max_length=120)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    due_month = models.PositiveSmallIntegerField(_("yearly due month"), null=True, blank=True)
    due_day = models.PositiveSmallIntegerField(_("yearly due day"), null=True, blank=True)
    product = NFCCharField(_("expected product"), max_length=300)
    indicators = models.JSONField(_("live indicators"), default=list, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = PlanActionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("plan action")
        verbose_name_plural = _("plan actions")

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"

    def due_on(self, as_of: date) -> date | None:
        """The day the action falls due, seen on `as_of` (a yearly one: in that year)."""
        if self.cadence == Cadence.YEARLY:
            return date(as_of.year, self.due_month or 12, self.due_day or 31)
        if self.cadence in (Cadence.DEADLINE, Cadence.YEAR, Cadence.PERIOD):
            return self.deadline
        return None


class ActionUpdate(models.Model):
    """The owner's report on an action at a date: status and progress note (append-only)."""

    action = models.ForeignKey(
        PlanAction, on_delete=models.CASCADE, related_name="updates", verbose_name=_("plan action")
    )
    on = models.DateField(_("as of"))
    status = models.CharField(_("status"), max_length=16, choices=ActionStatus.choices)
    note = NFCTextField(_("progress note"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]
        verbose_name = _("action update")
        verbose_name_plural = _("action updates")


class Evidence(models.Model):
    """A file proving an action's product (a decision, a report), checked like an import."""

    action = models.ForeignKey(
        PlanAction, on_delete=models.CASCADE, related_name="evidence", verbose_name=_("plan action")
    )
    name = NFCCharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()
    description = NFCCharField(_("description"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.name


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


class InspectionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Topic inspections (no commune) to every reader of the plan; a commune's own to
        its leadership; all of them province-wide and to the two Party bodies."""
        general = (
            self.filter(organization__isnull=True)
            if can(user, "oversight.plan.view")
            else self.none()
        )
        tied = visible_oversight(
            self.filter(organization__isnull=False), user, "oversight.plan.view"
        )
        return general | tied


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
        general = (
            self.filter(organization__isnull=True)
            if can(user, "oversight.plan.view")
            else self.none()
        )
        tied = visible_oversight(
            self.filter(organization__isnull=False), user, "oversight.plan.view"
        )
        return general | tied


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


from canbo.oversight.complaints import Case, CaseDocument  # noqa: E402  (one models module)
from canbo.oversight.equipment import EquipmentNorm, InventoryItem  # noqa: E402

__all__ = ["Case", "CaseDocument", "EquipmentNorm", "InventoryItem"]
