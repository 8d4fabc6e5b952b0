"""Assigned tasks and their quality reviews and delays.

The counters on Task are denormalised copies of the child rows, kept by the service functions,
so that recomputing a period is a single-table GROUP BY.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_tasks
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.choices import DelayKind, TaskStatus
from canbo.work.models.catalog import CatalogItem


class TaskQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TaskQuerySet":
        return visible_tasks(self, user)


class Task(models.Model):
    assignee = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name=_("assignee"),
    )
    # The assignee's organisation at assignment: access filters on its path.
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name=_("organisation"),
    )
    assigner = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    catalog_item = models.ForeignKey(
        CatalogItem,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
        verbose_name=_("catalogue item"),
    )
    name = NFCCharField(_("name"), max_length=300)
    # Frozen copy of the catalogue coefficient in force at assignment (DOMAIN.md §2.4).
    coefficient = models.DecimalField(_("coefficient"), max_digits=5, decimal_places=2)
    quantity = models.DecimalField(_("quantity"), max_digits=9, decimal_places=2, default=1)
    assigned_date = models.DateField(_("assigned on"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    completed_date = models.DateField(_("completed on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=TaskStatus.choices, default=TaskStatus.ASSIGNED
    )
    # First day of the month the task counts in: see canbo.work.periods.period_of.
    period = models.DateField(_("period"))
    # The organisation of the connected system that created the task: (owner, source,
    # external_id) is the task's identity, so one commune's system cannot claim another's ids.
    # Empty for tasks entered by people (web, spreadsheet, edXML): one shared namespace.
    owner = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("owning system's organisation"),
    )
    source = models.CharField(_("source"), max_length=32, blank=True, default="")
    external_id = models.CharField(_("external id"), max_length=100, blank=True, default="")
    evidence = NFCTextField(_("evidence (document references)"), blank=True)
    quality_failures = models.PositiveSmallIntegerField(default=0)
    objective_quality_failures = models.PositiveSmallIntegerField(default=0)
    delays = models.PositiveSmallIntegerField(default=0)
    objective_delays = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["-period", "due_date", "id"]
        indexes = [
            models.Index(fields=["period", "assignee"], name="task_period_assignee"),
            models.Index(fields=["organization", "period"], name="task_org_period"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"],
                condition=~models.Q(external_id="") & models.Q(owner__isnull=True),
                name="unique_task_external_id",
            ),
            models.UniqueConstraint(
                fields=["owner", "source", "external_id"],
                condition=~models.Q(external_id="") & models.Q(owner__isnull=False),
                name="unique_task_owner_external_id",
            ),
            models.CheckConstraint(
                condition=models.Q(coefficient__gt=0), name="task_coefficient_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="task_quantity_positive"
            ),
        ]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return self.name

    @property
    def weight(self):
        return self.quantity * self.coefficient


class Certifiable(models.Model):
    """A failure or delay that the competent authority may certify as objective."""

    objective = models.BooleanField(_("objective cause"), default=False)
    certified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("certified by"),
    )
    certified_at = models.DateTimeField(_("certified at"), null=True, blank=True)
    certification_reason = NFCTextField(_("certification reason"), blank=True)

    class Meta:
        abstract = True


class QualityReview(Certifiable):
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("task")
    )
    passed = models.BooleanField(_("passed"))
    note = NFCTextField(_("note"), blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("quality review")
        verbose_name_plural = _("quality reviews")

    def __str__(self) -> str:
        verdict = gettext("passed") if self.passed else gettext("not passed")
        return f"{self.task} — {verdict}"


class Delay(Certifiable):
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="delay_records", verbose_name=_("task")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=DelayKind.choices)
    due_before = models.DateField(_("due before"))
    due_after = models.DateField(_("due after"))
    reason = NFCTextField(_("reason"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("delay")
        verbose_name_plural = _("delays")

    def __str__(self) -> str:
        return f"{self.task} — {self.get_kind_display()}"
