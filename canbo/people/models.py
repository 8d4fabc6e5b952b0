"""Civil servants: profile, qualifications, posts held; users' roles; access log."""

import re
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_people
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.core.roles import Role
from canbo.core.text import fold
from canbo.org.choices import Education, PoliticalTheory, StateManagement
from canbo.org.models import JobPosition, Organization, Title
from canbo.people import retirement
from canbo.people.choices import Ethnicity, Gender, LeaveKind
from canbo.scoring import LABELS

ID_NUMBER = re.compile(r"^[0-9]{12}$")


def validate_id_number(value: str) -> None:
    """A citizen identity card number (CCCD): exactly 12 digits."""
    if not ID_NUMBER.match(value or ""):
        raise ValidationError(
            _("The personal identification number (CCCD) must be exactly 12 digits."),
            code="id_number",
        )


class PersonQuerySet(models.QuerySet):
    def visible_to(self, user) -> "PersonQuerySet":
        return visible_people(self, user)

    def search(self, text: str) -> "PersonQuerySet":
        """Accent-insensitive search on name and code ('nguyen van' finds 'Nguyễn Văn')."""
        key = fold(text)
        if not key:
            return self
        return self.filter(search_key__contains=key)


class Person(models.Model):
    code = models.CharField(_("code"), max_length=32, unique=True)
    full_name = NFCCharField(_("full name"), max_length=120)
    # Folded name and code, kept by save(): the same LIKE works on SQLite and PostgreSQL.
    search_key = models.CharField(max_length=200, db_index=True, editable=False, default="")
    # Citizen identity card (CCCD): unique when present (NULL, never "", when unknown).
    id_number = models.CharField(
        _("personal identification number"),
        max_length=12,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_id_number],
    )
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    ethnicity = models.CharField(
        _("ethnicity"), max_length=16, choices=Ethnicity.choices, default=Ethnicity.KINH
    )
    hometown = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="natives",
        verbose_name=_("hometown commune"),
    )
    party_member = models.BooleanField(_("Party member"), default=False)
    education = models.IntegerField(
        _("education level"), choices=Education.choices, default=Education.UNIVERSITY
    )
    major = NFCCharField(_("major"), max_length=200, blank=True)
    political_theory = models.IntegerField(
        _("political theory"), choices=PoliticalTheory.choices, default=PoliticalTheory.NONE
    )
    state_management = models.IntegerField(
        _("state-management training"),
        choices=StateManagement.choices,
        default=StateManagement.NONE,
    )
    it_certificate = NFCCharField(_("IT certificate"), max_length=120, blank=True)
    foreign_language = NFCCharField(_("foreign-language certificate"), max_length=120, blank=True)
    service_start = models.DateField(_("start of service"), null=True, blank=True)
    # Current primary post, kept by assign_post(): lists and access filter on it directly.
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        verbose_name=_("organisation"),
    )
    job_position = models.ForeignKey(
        JobPosition,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("job position"),
    )
    title = models.ForeignKey(
        Title, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("title")
    )

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["search_key", "id"]
        indexes = [models.Index(fields=["organization", "search_key"])]
        verbose_name = _("civil servant")
        verbose_name_plural = _("civil servants")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.search_key = f"{fold(self.full_name)} {self.code.lower()}"
        self.id_number = (self.id_number or "").strip() or None
        if self.birth_date:
            self.birth_year = self.birth_date.year
        super().save(*args, **kwargs)

    @property
    def birth(self) -> date | None:
        return retirement.effective_birth(self.birth_date, self.birth_year)

    def age(self, today: date | None = None) -> int | None:
        birth = self.birth
        return retirement.age_on(birth, today or timezone.localdate()) if birth else None

    @property
    def retirement_date(self) -> date | None:
        birth = self.birth
        return retirement.retirement_date(birth, self.gender) if birth else None

    def years_left(self, today: date | None = None) -> float | None:
        retire = self.retirement_date
        return retirement.years_left(retire, today or timezone.localdate()) if retire else None

    def is_local_to(self, org: Organization) -> bool:
        commune = org.commune()
        return bool(commune and self.hometown_id == commune.pk)


class Post(models.Model):
    """A post held over time; concurrent posts are allowed, history is never deleted."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="posts")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    job_position = models.ForeignKey(
        JobPosition,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("job position"),
    )
    title = models.ForeignKey(
        Title, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("title")
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("to"), null=True, blank=True)
    concurrent = models.BooleanField(_("concurrent post"), default=False)
    decision = NFCCharField(_("decision"), max_length=120, blank=True)

    class Meta:
        ordering = ["-start", "-id"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self) -> str:
        return f"{self.person} — {self.title or self.job_position} ({self.organization})"


class Profile(models.Model):
    """A user's role and the organisation they act in."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("organisation"),
    )
    person = models.OneToOneField(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="profile",
        verbose_name=_("civil servant"),
    )

    class Meta:
        verbose_name = _("user profile")
        verbose_name_plural = _("user profiles")

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


class PersonalDataAccess(models.Model):
    """Who read whose personal data, what, when and from where (Decree 13/2023/NĐ-CP):
    a user on a page or a download, or a connected system through the API."""

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name=_("user")
    )
    # A connected system is named, not linked: people may not point up to integration.
    client = models.CharField(_("connected system"), max_length=160, blank=True)
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="accesses", verbose_name=_("civil servant")
    )
    what = models.CharField(_("what"), max_length=80)
    ip = models.GenericIPAddressField(_("client address"), null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")


class LeavePeriod(models.Model):
    """Legitimate leave (sick, maternity, long training...): months it covers may not count."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="leaves", verbose_name=_("civil servant")
    )
    kind = models.CharField(_("kind of leave"), max_length=16, choices=LeaveKind.choices)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    evidence = NFCCharField(_("decision or evidence"), max_length=255)
    note = NFCTextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [models.Index(fields=["person", "start"])]
        verbose_name = _("leave period")
        verbose_name_plural = _("leave periods")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"


class PastClassification(models.Model):
    """An annual classification from the personnel file (years before the app kept them, e.g.
    2021–2025): levels as in canbo.scoring ("excellent", "good", "complete", "fail")."""

    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="past_classifications",
        verbose_name=_("civil servant"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    level = models.CharField(_("classification"), max_length=12)
    source = NFCCharField(_("source"), max_length=120, blank=True)

    class Meta:
        ordering = ["person", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "year"], name="one_past_classification_per_year"
            )
        ]
        verbose_name = _("past classification")
        verbose_name_plural = _("past classifications")

    def __str__(self) -> str:
        return f"{self.person} {self.year}: {self.label}"

    @property
    def label(self) -> str:
        return LABELS.get(self.level, self.level)
