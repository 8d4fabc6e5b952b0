"""Succession planning (quy hoạch cán bộ): terms, candidates, yearly reviews."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.fields import NFCCharField, NFCTextField
from canbo.org.models import Organization, Title
from canbo.people.models import Person


class PlanningTerm(models.Model):
    name = NFCCharField(_("name"), max_length=40, unique=True)
    start_year = models.PositiveSmallIntegerField(_("start year"))
    end_year = models.PositiveSmallIntegerField(_("end year"))

    class Meta:
        ordering = ["start_year", "name"]
        verbose_name = _("planning term")
        verbose_name_plural = _("planning terms")

    def __str__(self) -> str:
        return self.name


class PlanningCandidate(models.Model):
    term = models.ForeignKey(
        PlanningTerm,
        on_delete=models.PROTECT,
        related_name="candidates",
        verbose_name=_("planning term"),
    )
    title = models.ForeignKey(Title, on_delete=models.PROTECT, verbose_name=_("title"))
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="planning",
        verbose_name=_("civil servant"),
    )
    added_reason = NFCTextField(_("reason for adding"))
    added_on = models.DateField(_("added on"))
    removed_reason = NFCTextField(_("reason for removal"), blank=True)
    removed_on = models.DateField(_("removed on"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["term", "organization__path", "title__rank", "person__search_key"]
        verbose_name = _("planning candidate")
        verbose_name_plural = _("planning candidates")

    def __str__(self) -> str:
        return f"{self.person} — {self.title} ({self.term})"


class PlanningReview(models.Model):
    """The yearly review of an organisation's list for a term."""

    term = models.ForeignKey(
        PlanningTerm,
        on_delete=models.PROTECT,
        related_name="reviews",
        verbose_name=_("planning term"),
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, verbose_name=_("organisation")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    conclusion = NFCTextField(_("conclusion"))

    class Meta:
        ordering = ["-year", "organization__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "organization", "year"], name="one_planning_review_per_year"
            )
        ]
        verbose_name = _("planning review")
        verbose_name_plural = _("planning reviews")
