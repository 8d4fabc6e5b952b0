"""Rating levels, concern tags, dossier states and rating sources."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.IntegerChoices):
    """The five levels of the public-service portals, best first."""

    VERY_SATISFIED = 5, _("Very satisfied")
    SATISFIED = 4, _("Satisfied")
    NEUTRAL = 3, _("Neutral")
    DISSATISFIED = 2, _("Dissatisfied")
    VERY_DISSATISFIED = 1, _("Very dissatisfied")


# Decision 766/QĐ-TTg: "rated dissatisfied" covers both lowest levels.
DISSATISFIED_MAX = Level.DISSATISFIED
SATISFIED_MIN = Level.SATISFIED


class Concern(models.TextChoices):
    ATTITUDE = "attitude", _("Attitude of the officer")
    TIME = "time", _("Waiting or handling time")
    EXTRA_PAPERS = "extra_papers", _("Asked for extra papers")
    GUIDANCE = "guidance", _("Unclear guidance")
    FEES = "fees", _("Fees or informal payments")
    FACILITIES = "facilities", _("Facilities at the centre")


class DossierStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROCESSING = "processing", _("Being handled")
    RETURNED = "returned", _("Result returned")
    CANCELLED = "cancelled", _("Withdrawn or refused")


class Source(models.TextChoices):
    PORTAL = "portal", _("One-stop system")
    QR = "qr", _("Rating page (QR code)")
