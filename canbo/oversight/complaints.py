"""Complaints and denunciations about cadres (from citizens or cadres): a register with
legal deadlines, restricted identity and overdue flags. Separate from a civil servant's
complaint about their own evaluation (canbo.evaluation)."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import handles_case, visible_cases
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization
from canbo.oversight.outcomes import OutcomeLinks
from canbo.people.models import Person

# Legal deadlines in days [parameters; override with settings.OVERSIGHT_CASE_DEADLINES]:
# Law on Complaints 2011 (accept within 10 days; resolve within 30, 45 in remote areas such
# as Lai Châu's communes) and Law on Denunciations 2018 (accept within 7 working days, taken
# here as 10 calendar days; resolve within 30 days of acceptance).
DEFAULT_DEADLINES = {"complaint": (10, 45), "denunciation": (10, 30), "petition": (10, 15)}


def deadlines(kind: str) -> tuple[int, int]:
    table = getattr(settings, "OVERSIGHT_CASE_DEADLINES", None) or DEFAULT_DEADLINES
    return table[kind]


class CaseKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    DENUNCIATION = "denunciation", _("Denunciation")
    PETITION = "petition", _("Petition or report")


class CaseSource(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    CADRE = "cadre", _("Cadre or Party member")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted for handling")
    CONCLUDED = "concluded", _("Concluded")
    REJECTED = "rejected", _("Not accepted")


OPEN_STATUSES = (CaseStatus.RECEIVED, CaseStatus.ACCEPTED)


class CaseQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The commune's own cases for its leadership, every case for the province and the
        two Party bodies, and those a body handles for that body."""
        return visible_cases(self, user)


class Case(OutcomeLinks):
    kind = models.CharField(_("kind"), max_length=16, choices=CaseKind.choices)
    number = NFCCharField(_("register number"), max_length=40)
    received_on = models.DateField(_("received on"))
    source = models.CharField(_("sent by"), max_length=8, choices=CaseSource.choices)
    # The sender's identity: for a denunciation, only the handling body sees it.
    sender_name = NFCCharField(_("sender's name"), max_length=120)
    sender_contact = NFCCharField(_("sender's address or phone"), max_length=255, blank=True)
    summary = NFCTextField(_("content"))
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit concerned")
    )
    person = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("person concerned"),
    )
    handling_body = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("handling body")
    )
    accept_due = models.DateField(_("to accept by"))
    resolve_due = models.DateField(_("to resolve by"))
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    accepted_on = models.DateField(_("accepted on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    result = NFCTextField(_("result"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("complaint or denunciation")
        verbose_name_plural = _("complaints and denunciations")

    def __str__(self) -> str:
        return f"{self.number} ({self.get_kind_display()})"

    def due_on(self) -> date | None:
        if self.status == CaseStatus.RECEIVED:
            return self.accept_due
        if self.status == CaseStatus.ACCEPTED:
            return self.resolve_due
        return None

    def overdue_on(self, today: date) -> bool:
        due = self.due_on()
        return due is not None and today > due

    def is_handler(self, user) -> bool:
        return handles_case(user, self.handling_body.path)

    def identity_visible_to(self, user) -> bool:
        return self.kind != CaseKind.DENUNCIATION or self.is_handler(user)


def due_dates(kind: str, received_on: date) -> tuple[date, date]:
    accept, resolve = deadlines(kind)
    accept_due = received_on + timedelta(days=accept)
    return accept_due, accept_due + timedelta(days=resolve)


class CaseDocument(models.Model):
    case = models.ForeignKey(
        Case,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("complaint or denunciation"),
    )
    name = NFCCharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("case document")
        verbose_name_plural = _("case documents")


def open_count(as_of: date) -> int:
    return (
        Case.objects.filter(received_on__lte=as_of)
        .filter(models.Q(status__in=OPEN_STATUSES) | models.Q(closed_on__gt=as_of))
        .count()
    )
