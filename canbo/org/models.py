"""Organisation tree, job positions, titles and staffing quotas."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_orgs, within
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.core.paths import path_ids
from canbo.org.choices import (
    COMMUNE_KINDS,
    Education,
    Field,
    OrgKind,
    PoliticalTheory,
    StateManagement,
)

# QCVN 102:2016 electronic code: dotted groups of digits and capitals, at most 35 characters.
ELECTRONIC_CODE = re.compile(r"^[0-9A-Z]+(\.[0-9A-Z]+)+$")


def validate_electronic_code(value: str) -> None:
    if len(value) > 35 or not ELECTRONIC_CODE.match(value):
        raise ValidationError(
            _(
                "Invalid electronic code: dotted groups of digits and capital letters, "
                "at most 35 characters (e.g. 000.00.00.H49)."
            ),
            code="electronic_code",
        )


class OrganizationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "OrganizationQuerySet":
        return visible_orgs(self, user)

    def subtree(self, org: "Organization") -> "OrganizationQuerySet":
        """The organisation and everything under it."""
        return within(self, org.path, "path")


class Organization(models.Model):
    name = NFCCharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=OrgKind.choices)
    code = models.CharField(
        _("electronic code"),
        max_length=35,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_electronic_code],
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    # Materialised path of ids ("/1/7/42/") so a subtree is one indexed prefix query.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def is_commune(self) -> bool:
        return self.kind in COMMUNE_KINDS

    def clean(self) -> None:
        if self.pk and self.parent_id and self._would_cycle(self.parent):
            raise ValidationError({"parent": _("An organisation cannot be placed under itself.")})

    def _would_cycle(self, parent: "Organization") -> bool:
        return parent.pk == self.pk or parent.path.startswith(self.path or "\0")

    def save(self, *args, **kwargs) -> None:
        if self.pk and self.parent_id and self._would_cycle(self.parent):
            raise ValidationError(_("An organisation cannot be placed under itself."))
        super().save(*args, **kwargs)
        self._refresh_path()

    def _refresh_path(self) -> None:
        prefix = self.parent.path if self.parent_id else "/"
        new_path = f"{prefix}{self.pk}/"
        if new_path == self.path:
            return
        old_path, self.path = self.path, new_path
        self.depth = new_path.count("/") - 2
        Organization.objects.filter(pk=self.pk).update(path=new_path, depth=self.depth)
        if old_path:
            for child in Organization.objects.filter(parent=self):
                child._refresh_path()

    def ancestors(self) -> list["Organization"]:
        ids = path_ids(self.path)[:-1]
        by_id = Organization.objects.in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]

    def commune(self) -> "Organization | None":
        """Return the commune or ward this organisation belongs to (itself included)."""
        if self.is_commune:
            return self
        return next((org for org in self.ancestors() if org.is_commune), None)


class JobPosition(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = NFCCharField(_("name"), max_length=200)
    description = NFCTextField(_("description"), blank=True)
    field = models.CharField(_("field"), max_length=32, choices=Field.choices)
    min_education = models.IntegerField(
        _("minimum education"), choices=Education.choices, default=Education.UNIVERSITY
    )
    required_major = NFCCharField(_("required major"), max_length=200, blank=True)
    min_political_theory = models.IntegerField(
        _("minimum political theory"),
        choices=PoliticalTheory.choices,
        default=PoliticalTheory.NONE,
    )
    min_state_management = models.IntegerField(
        _("minimum state-management training"),
        choices=StateManagement.choices,
        default=StateManagement.NONE,
    )
    requires_it = models.BooleanField(_("requires IT certificate"), default=False)
    requires_foreign_language = models.BooleanField(
        _("requires foreign-language certificate"), default=False
    )
    competency_framework = NFCTextField(_("competency framework"), blank=True)
    qualification_standard = NFCTextField(_("qualification standard"), blank=True)
    period = models.CharField(_("period"), max_length=16, default="2026–2031")
    decision = NFCCharField(_("approving decision"), max_length=120, blank=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["field", "name"]
        verbose_name = _("job position")
        verbose_name_plural = _("job positions")

    def __str__(self) -> str:
        return self.name


class JobPositionVersion(models.Model):
    """A former version of a job position, kept when a new decision changes it."""

    job_position = models.ForeignKey(
        JobPosition,
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("job position"),
    )
    version = models.PositiveSmallIntegerField(_("version"))
    decision = NFCCharField(_("approving decision"), max_length=120, blank=True)
    content = models.JSONField(_("content"), default=dict)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["job_position", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["job_position", "version"], name="one_job_position_version"
            )
        ]
        verbose_name = _("job position version")
        verbose_name_plural = _("job position versions")


class Title(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    name = NFCCharField(_("name"), max_length=120)
    is_leader = models.BooleanField(_("leader"), default=False)
    # Titles the plan requires to be held by non-local people.
    must_be_non_local = models.BooleanField(_("must not be local"), default=False)
    # One holder per commune at a time (Bí thư, Chủ tịch UBND, Chủ nhiệm UBKT): a new holder
    # ends the incumbent's post, never two at once.
    single_holder = models.BooleanField(_("single holder"), default=False)
    rank = models.PositiveSmallIntegerField(_("rank"), default=100)
    min_political_theory = models.IntegerField(
        _("minimum political theory"),
        choices=PoliticalTheory.choices,
        default=PoliticalTheory.NONE,
    )

    class Meta:
        ordering = ["rank", "name"]
        verbose_name = _("title")
        verbose_name_plural = _("titles")

    def __str__(self) -> str:
        return self.name


class StaffingQuota(models.Model):
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="quotas",
        verbose_name=_("organisation"),
    )
    job_position = models.ForeignKey(
        JobPosition, on_delete=models.CASCADE, verbose_name=_("job position")
    )
    quota = models.PositiveSmallIntegerField(_("staffing quota"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "job_position"], name="unique_quota_per_position"
            )
        ]
        verbose_name = _("staffing quota")
        verbose_name_plural = _("staffing quotas")
