"""Dossiers of the one-stop system, citizens' ratings, their optional contact, rate limits."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_dossiers
from canbo.core.fields import NFCCharField, NFCTextField
from canbo.feedback.choices import Concern, DossierStatus, Level, Source
from canbo.org.models import Organization
from canbo.people.models import Person


class DossierQuerySet(models.QuerySet):
    def visible_to(self, user) -> "DossierQuerySet":
        """Officers their own, heads their unit, chairmen their commune, the province all."""
        return visible_dossiers(self, user)


class Dossier(models.Model):
    """An administrative-procedure dossier received at a commune's service centre."""

    # Indexes are few on purpose (a year of a province is ~500,000 rows): the unique
    # (organization, code) serves the commune, (officer, month) the officer, (month, officer)
    # the month.
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("commune"),
        db_index=False,
    )
    code = models.CharField(_("dossier code"), max_length=64)
    procedure = NFCCharField(_("procedure"), max_length=300, blank=True)
    received_date = models.DateField(_("received on"))
    due_date = models.DateField(_("due on"), null=True, blank=True)
    returned_date = models.DateField(_("returned on"), null=True, blank=True)
    officer = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossiers",
        verbose_name=_("handling officer"),
        db_index=False,
    )
    # The officer's unit when the dossier was received: the department row of the index.
    unit = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DossierStatus.choices, default=DossierStatus.RECEIVED
    )
    complained = models.BooleanField(_("complaint filed"), default=False)
    # The month the dossier counts in: the month it was received.
    month = models.DateField(_("month"))
    digest = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DossierQuerySet.as_manager()

    class Meta:
        ordering = ["-received_date", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "code"], name="unique_dossier_code_per_commune"
            )
        ]
        indexes = [
            models.Index(fields=["month", "officer"]),
            models.Index(fields=["officer", "month"]),
        ]
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")

    def __str__(self) -> str:
        return self.code

    @property
    def on_time(self) -> bool | None:
        if self.returned_date is None or self.due_date is None:
            return None
        return self.returned_date <= self.due_date


class RatingQuerySet(models.QuerySet):
    def visible_to(self, user) -> "RatingQuerySet":
        return visible_dossiers(self, user)


class Rating(models.Model):
    """One citizen's rating of a dossier (at most one per dossier) or of a counter."""

    dossier = models.OneToOneField(
        Dossier,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="rating",
        verbose_name=_("dossier"),
    )
    # Ratings are read through their dossier or by (officer, month): no other index.
    officer = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="ratings",
        verbose_name=_("officer"),
        db_index=False,
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
        db_index=False,
    )
    unit = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("unit"),
        db_index=False,
    )
    month = models.DateField(_("month"))
    level = models.PositiveSmallIntegerField(_("rating"), choices=Level.choices)
    comment = NFCTextField(_("comment"), blank=True)
    concerns = models.JSONField(_("concerns"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    created_at = models.DateTimeField(_("rated at"))
    # The head looked at a dissatisfied comment; the officer answered it.
    seen_at = models.DateTimeField(null=True, blank=True)
    seen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answer = NFCTextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = RatingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["officer", "month"])]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")

    def __str__(self) -> str:
        return f"{self.get_level_display()} · {self.dossier or self.officer}"

    @property
    def concern_labels(self) -> list[str]:
        labels = dict(Concern.choices)
        return [str(labels[c]) for c in self.concerns if c in labels]


class CitizenContact(models.Model):
    """A phone number left by a citizen who wants an answer; kept apart, deleted on request."""

    rating = models.OneToOneField(Rating, on_delete=models.CASCADE, related_name="contact")
    phone = models.CharField(_("phone number"), max_length=15)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("citizen contact")
        verbose_name_plural = _("citizen contacts")


class RateHit(models.Model):
    """One attempt on the public rating page, counted per address and per token (shared by
    every gunicorn worker through the database)."""

    key = models.CharField(max_length=100)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["key", "at"])]


__all__ = ["CitizenContact", "Dossier", "RateHit", "Rating"]
