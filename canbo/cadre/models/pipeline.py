"""The people pipeline: the student talent pool and recruitment rounds (plan II.2.1, II.2.5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import writable_orgs
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.choices import Education, Field
from canbo.org.models import JobPosition, Organization
from canbo.people.choices import Ethnicity, Gender
from canbo.people.models import Person


def _in_scope(queryset, user, field: str):
    """Rows whose organisation (`field`) lies in the user's or client's subtree."""
    return queryset.filter(**{f"{field}__in": writable_orgs(Organization.objects.all(), user)})


class TalentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "TalentQuerySet":
        return _in_scope(self, user, "origin")


class TalentStatus(models.TextChoices):
    STUDYING = "studying", _("Studying")
    GRADUATED = "graduated", _("Graduated")
    RECRUITING = "recruiting", _("Moved to recruitment")
    LEFT = "left", _("Left the pool")


class TalentRecord(models.Model):
    """A gifted pupil or student from the province, recorded each year."""

    year = models.PositiveSmallIntegerField(_("year"))
    full_name = NFCCharField(_("full name"), max_length=120)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    ethnicity = models.CharField(
        _("ethnicity"), max_length=16, choices=Ethnicity.choices, default=Ethnicity.KINH
    )
    origin = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune of origin"),
    )
    school = NFCCharField(_("school"), max_length=200)
    major = NFCCharField(_("major"), max_length=200)
    field = models.CharField(_("field"), max_length=32, choices=Field.choices)
    graduation_year = models.PositiveSmallIntegerField(_("expected graduation"))
    support = NFCCharField(_("support received"), max_length=200, blank=True)
    commits_to_return = models.BooleanField(_("commits to return"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=TalentStatus.choices, default=TalentStatus.STUDYING
    )

    objects = TalentQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "graduation_year", "full_name", "id"]
        indexes = [models.Index(fields=["year", "origin"])]
        verbose_name = _("talent record")
        verbose_name_plural = _("talent pool")

    def __str__(self) -> str:
        return f"{self.full_name} ({self.major}, {self.graduation_year})"


class RoundStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Receiving applications")
    RESULTS = "results", _("Results recorded")
    DECIDED = "decided", _("Decided")


class RoundQuerySet(models.QuerySet):
    def visible_to(self, user) -> "RoundQuerySet":
        return _in_scope(self, user, "organization")


class RecruitmentRound(models.Model):
    """A recruitment (tuyển dụng) organised by the province or a commune."""

    name = NFCCharField(_("name"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organiser")
    )
    method = models.CharField(
        _("method"),
        max_length=16,
        choices=[
            ("exam", _("Exam")),
            ("selection", _("Selection")),
            ("special", _("Special intake (Conclusion 205-KL/TW)")),
        ],
        default="selection",
    )
    plan = NFCTextField(_("plan"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=RoundStatus.choices, default=RoundStatus.PLANNED
    )
    decision_number = NFCCharField(_("decision number"), max_length=64, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = _("recruitment round")
        verbose_name_plural = _("recruitment rounds")

    def __str__(self) -> str:
        return self.name


class RecruitmentPosition(models.Model):
    """Places offered in a round: a job position in a commune."""

    round = models.ForeignKey(
        RecruitmentRound,
        on_delete=models.CASCADE,
        related_name="positions",
        verbose_name=_("recruitment round"),
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    job_position = models.ForeignKey(
        JobPosition, on_delete=models.PROTECT, verbose_name=_("job position")
    )
    places = models.PositiveSmallIntegerField(_("places"), default=1)

    class Meta:
        ordering = ["round", "organization__path", "job_position__code"]
        verbose_name = _("recruitment position")
        verbose_name_plural = _("recruitment positions")

    def __str__(self) -> str:
        return f"{self.job_position} — {self.organization}"


class RecruitmentCandidate(models.Model):
    """An applicant, with the priority flags of the plan and the result."""

    position = models.ForeignKey(
        RecruitmentPosition,
        on_delete=models.CASCADE,
        related_name="candidates",
        verbose_name=_("position"),
    )
    full_name = NFCCharField(_("full name"), max_length=120)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    ethnicity = models.CharField(
        _("ethnicity"), max_length=16, choices=Ethnicity.choices, default=Ethnicity.KINH
    )
    hometown = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("hometown commune"),
    )
    id_number = models.CharField(_("personal identification number"), max_length=12, blank=True)
    education = models.IntegerField(
        _("education level"), choices=Education.choices, default=Education.UNIVERSITY
    )
    major = NFCCharField(_("major"), max_length=200, blank=True)
    excellent_graduate = models.BooleanField(_("excellent graduate (205-KL/TW)"), default=False)
    talent = models.ForeignKey(
        TalentRecord,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidacies",
        verbose_name=_("talent record"),
    )
    score = models.DecimalField(_("score"), max_digits=6, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    person = models.OneToOneField(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recruitment",
        verbose_name=_("civil servant"),
    )

    class Meta:
        ordering = ["position", "-score", "full_name", "id"]
        verbose_name = _("recruitment candidate")
        verbose_name_plural = _("recruitment candidates")

    def __str__(self) -> str:
        return self.full_name

    @property
    def local(self) -> bool:
        commune = self.position.organization.commune()
        return bool(commune and self.hometown_id == commune.pk)

    @property
    def ethnic_minority(self) -> bool:
        return self.ethnicity != Ethnicity.KINH


class ResultBasis(models.TextChoices):
    FAIL = "fail", _("Not completing tasks this year")
    FAIL_TWICE = "fail_twice", _("Not completing tasks two years running")
    EXCELLENT = "excellent", _("Completing tasks excellently")


class ResultAction(models.TextChoices):
    LOWER_POSITION = "lower_position", _("Placement in a lower job position")
    DISMISSAL = "dismissal", _("Dismissal or removal from post")
    TRAINING = "training", _("Training and closer supervision")
    NO_ACTION = "no_action", _("No action (reason recorded)")
    HIGHER_POSITION = "higher_position", _("Placement in a higher position or planning")
    COMMENDATION = "commendation", _("Commendation")


ACTIONS_BY_BASIS = {
    ResultBasis.FAIL: (ResultAction.LOWER_POSITION, ResultAction.TRAINING, ResultAction.NO_ACTION),
    ResultBasis.FAIL_TWICE: (
        ResultAction.DISMISSAL,
        ResultAction.LOWER_POSITION,
        ResultAction.NO_ACTION,
    ),
    ResultBasis.EXCELLENT: (
        ResultAction.HIGHER_POSITION,
        ResultAction.COMMENDATION,
        ResultAction.NO_ACTION,
    ),
}


class ResultUse(models.Model):
    """The recorded decision on using a person's annual result (Decree 335 Art. 23)."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="result_uses",
        verbose_name=_("civil servant"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    basis = models.CharField(_("basis"), max_length=16, choices=ResultBasis.choices)
    action = models.CharField(_("action"), max_length=16, choices=ResultAction.choices)
    decision_number = NFCCharField(_("decision number"), max_length=64)
    decision_date = models.DateField(_("decision date"))
    note = NFCTextField(_("note"), blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-year", "person"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year", "basis"], name="one_result_use_per_basis"
            )
        ]
        verbose_name = _("use of the annual result")
        verbose_name_plural = _("uses of the annual results")

    def __str__(self) -> str:
        return f"{self.person} {self.year}: {self.get_action_display()}"
