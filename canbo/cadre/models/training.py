"""Training programmes, classes, enrolments and yearly training plans."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCCharField
from canbo.org.choices import Education, Field, PoliticalTheory, StateManagement
from canbo.org.models import Organization
from canbo.people.models import Person


class ProgrammeKind(models.TextChoices):
    UNIVERSITY = "university", _("University degree")
    POLITICAL_THEORY = "political_theory", _("Political theory")
    STATE_MANAGEMENT = "state_management", _("State management")
    SHORT_COURSE = "short_course", _("Short course")
    IT = "it", _("Information technology")


class Programme(models.Model):
    """A kind of training and the qualification a completed enrolment grants."""

    name = NFCCharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=ProgrammeKind.choices)
    field = models.CharField(_("field"), max_length=32, choices=Field.choices, blank=True)
    grants_education = models.IntegerField(
        _("grants education level"), choices=Education.choices, null=True, blank=True
    )
    grants_major = NFCCharField(_("grants major"), max_length=200, blank=True)
    grants_political_theory = models.IntegerField(
        _("grants political theory"), choices=PoliticalTheory.choices, null=True, blank=True
    )
    grants_state_management = models.IntegerField(
        _("grants state-management level"),
        choices=StateManagement.choices,
        null=True,
        blank=True,
    )
    grants_it_certificate = NFCCharField(_("grants IT certificate"), max_length=120, blank=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def __str__(self) -> str:
        return self.name


class TrainingClass(models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="classes", verbose_name=_("programme")
    )
    name = NFCCharField(_("name"), max_length=200)
    organiser = NFCCharField(_("organiser"), max_length=200, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    capacity = models.PositiveIntegerField(_("capacity"))

    class Meta:
        ordering = ["-start", "name"]
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")

    def __str__(self) -> str:
        return self.name


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    ATTENDING = "attending", _("Attending")
    COMPLETED = "completed", _("Completed")
    DROPPED = "dropped", _("Dropped")


class Enrolment(models.Model):
    """One person in one class; kept as the record of the training once completed."""

    training_class = models.ForeignKey(
        TrainingClass,
        on_delete=models.PROTECT,
        related_name="enrolments",
        verbose_name=_("training class"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="enrolments",
        verbose_name=_("civil servant"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    certificate_number = NFCCharField(_("certificate number"), max_length=64, blank=True)

    class Meta:
        ordering = ["training_class", "person__search_key"]
        constraints = [
            models.UniqueConstraint(
                fields=["training_class", "person"], name="one_enrolment_per_class"
            )
        ]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")

    def __str__(self) -> str:
        return f"{self.person} — {self.training_class}"


class TrainingPlan(models.Model):
    """How many people of an organisation should complete training in a field in a year."""

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    field = models.CharField(_("field"), max_length=32, choices=Field.choices)
    target = models.PositiveIntegerField(_("target"))
    note = NFCCharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["-year", "organization__path", "field"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "field"], name="one_training_plan_per_field"
            )
        ]
        verbose_name = _("training plan")
        verbose_name_plural = _("training plans")

    def __str__(self) -> str:
        return f"{self.organization} {self.year} {self.get_field_display()}"
