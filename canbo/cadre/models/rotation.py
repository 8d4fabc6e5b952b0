"""Transfers and rotations (điều động, luân chuyển)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.models import Person


class RotationKind(models.TextChoices):
    TRANSFER = "transfer", _("Transfer")
    ROTATION = "rotation", _("Rotation")


class RotationStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    DECIDED = "decided", _("Decided")


class RotationRecord(models.Model):
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="rotations",
        verbose_name=_("civil servant"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RotationKind.choices)
    from_org = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("from organisation"),
    )
    to_org = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("to organisation"),
    )
    title = models.ForeignKey(
        Title, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("title")
    )
    job_position = models.ForeignKey(
        JobPosition,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("job position"),
    )
    decision_number = NFCCharField(_("decision number"), max_length=64, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    effective_date = models.DateField(_("effective date"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RotationStatus.choices,
        default=RotationStatus.PROPOSED,
    )
    # The warnings shown when it was proposed, kept so the decider sees what was known.
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    note = NFCTextField(_("note"), blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("rotation record")
        verbose_name_plural = _("rotation records")

    def __str__(self) -> str:
        return f"{self.person}: {self.from_org} → {self.to_org}"
