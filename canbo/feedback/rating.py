"""A citizen's rating from the public page: every refusal says why and writes no rating."""

import random
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.text import has_control, nfc
from canbo.feedback import tokens
from canbo.feedback.choices import Concern, Level, Source
from canbo.feedback.models import CitizenContact, Dossier, RateHit, Rating
from canbo.feedback.services import purge_contacts
from canbo.people.models import Person
from canbo.work.locks import locked_months
from canbo.work.periods import month_start

REPLACE_WINDOW = timedelta(days=1)
ADDRESS_WINDOW = timedelta(minutes=10)
TOKEN_WINDOW = timedelta(hours=1)
MAX_COMMENT = 1000
PRUNE_CHANCE = 0.01  # one attempt in a hundred clears the old hits
PHONE = re.compile(r"^(\+84|0)\d{9,10}$")


class RatingRefused(Exception):
    """A refusal with its message for the citizen and the HTTP status of the page."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message, self.status = message, status


@dataclass(frozen=True)
class Target:
    """What a token points at, checked: the officer, their commune and unit, the dossier."""

    officer: Person
    commune_id: int
    unit_id: int
    dossier: Dossier | None
    month: date


@dataclass(frozen=True)
class RatingInput:
    level: str | int | None
    comment: str = ""
    concerns: tuple[str, ...] = ()
    dossier_code: str = ""
    wants_answer: bool = False
    phone: str = ""


def target_of(token: str) -> Target:
    """The officer (and dossier) of a token; refuse a tampered token or an unknown target."""
    try:
        kind, pk = tokens.read_token(token)
    except tokens.BadToken:
        raise RatingRefused(
            _(
                "This rating link is not valid (it was changed or is "
                "incomplete). Please scan the QR code again."
            ),
            404,
        ) from None
    if kind == tokens.DOSSIER:
        dossier = Dossier.objects.select_related("officer__organization").filter(pk=pk).first()
        if dossier is None:
            raise RatingRefused(_("The dossier of this link was not found."), 404)
        return _dossier_target(dossier)
    officer = Person.objects.select_related("organization__parent").filter(pk=pk).first()
    commune = _commune_id(officer)
    if officer is None or commune is None:
        raise RatingRefused(_("The officer of this link was not found."), 404)
    return Target(
        officer, commune, officer.organization_id, None, month_start(timezone.localdate())
    )


def _dossier_target(dossier: Dossier) -> Target:
    if dossier.officer is None:
        raise RatingRefused(_("The officer of this link was not found."), 404)
    return Target(dossier.officer, dossier.organization_id, dossier.unit_id, dossier, dossier.month)


def _commune_id(person: Person | None) -> int | None:
    if person is None or person.organization is None:
        return None
    org = person.organization
    if org.is_commune:
        return org.pk
    if org.parent is not None and org.parent.is_commune:  # a department: no further query
        return org.parent.pk
    commune = org.commune()
    return commune.pk if commune else None


def with_dossier(target: Target, code: str) -> Target:
    """A counter rating naming a dossier code: the dossier of this commune and officer."""
    code = nfc(code) or ""
    if not code or target.dossier is not None:
        return target
    dossier = (
        Dossier.objects.select_related("officer__organization")
        .filter(organization_id=target.commune_id, code=code)
        .first()
    )
    if dossier is None:
        if Dossier.objects.filter(code=code).exists():
            raise RatingRefused(
                _(
                    "Dossier %(code)s was received by another commune: rate it "
                    "with the QR code of that commune."
                )
                % {"code": code},
                403,
            )
        raise RatingRefused(
            _("Dossier %(code)s was not found. Check the code printed on your receipt.")
            % {"code": code},
            404,
        )
    if dossier.officer_id != target.officer.pk:
        raise RatingRefused(
            _(
                "Dossier %(code)s was handled by another officer: rate it with "
                "the QR code on your receipt."
            )
            % {"code": code},
            403,
        )
    return _dossier_target(dossier)


def clean_input(data: RatingInput) -> dict:
    """Level, plain-text comment, known concerns, a phone only when an answer is wanted."""
    try:
        level = int(data.level or 0)
    except (TypeError, ValueError):
        level = 0
    if level not in Level.values:
        raise RatingRefused(_("Please choose one of the five levels."))
    comment = nfc(strip_tags(data.comment or "")) or ""
    if len(comment) > MAX_COMMENT:
        raise RatingRefused(_("The comment is too long (at most 1,000 characters)."))
    if has_control(comment.replace("\n", "").replace("\r", "")):
        raise RatingRefused(_("The comment holds characters that cannot be stored."))
    concerns = sorted(set(data.concerns))
    if set(concerns) - set(Concern.values):
        raise RatingRefused(_("Unknown concern."))
    phone = ""
    if data.wants_answer:
        phone = re.sub(r"[\s.-]", "", data.phone or "")
        if not PHONE.match(phone):
            raise RatingRefused(
                _(
                    "To receive an answer, enter a valid phone number "
                    "(10 or 11 digits, starting with 0)."
                )
            )
    return {"level": level, "comment": comment, "concerns": concerns, "phone": phone}


def check_limits(address: str | None, token: str, now: datetime) -> None:
    """Count this attempt; refuse a flood from one address or on one token (shared by every
    worker through the database)."""
    by_address, by_token = f"a:{address or '-'}", f"t:{token[:90]}"
    with transaction.atomic():
        if connection.vendor == "postgresql":  # a hit lost in a crash is harmless: no fsync
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
        RateHit.objects.bulk_create(
            [RateHit(key=by_address, at=now), RateHit(key=by_token, at=now)]
        )
    since = now - max(ADDRESS_WINDOW, TOKEN_WINDOW)
    hits = RateHit.objects.filter(key__in=[by_address, by_token], at__gte=since).aggregate(
        address=Count("id", filter=Q(key=by_address, at__gte=now - ADDRESS_WINDOW)),
        token=Count("id", filter=Q(key=by_token, at__gte=now - TOKEN_WINDOW)),
    )
    if random.random() < PRUNE_CHANCE:
        prune_hits(now)
        purge_contacts(now)
    if (
        hits["address"] > settings.RATING_LIMIT_PER_ADDRESS
        or hits["token"] > settings.RATING_LIMIT_PER_TOKEN
    ):
        raise RatingRefused(
            _("Too many ratings were sent from here in a short time. Please try again later."), 429
        )


def prune_hits(now: datetime) -> int:
    """Forget attempts older than the longest window (a hit table that does not grow)."""
    return RateHit.objects.filter(at__lt=now - max(ADDRESS_WINDOW, TOKEN_WINDOW)).delete()[0]


def submit_rating(
    token: str, data: RatingInput, address: str | None = None, now: datetime | None = None
) -> Rating:
    """Record a citizen's rating (or replace their rating of the same dossier within a day)."""
    now = now or timezone.now()
    check_limits(address, token, now)
    target = with_dossier(target_of(token), data.dossier_code)
    values = clean_input(data)
    if locked_months([(target.officer.pk, target.month)]):
        raise RatingRefused(
            _("The evaluation of %(month)s is locked: ratings for that month are closed.")
            % {"month": f"{target.month:%m/%Y}"},
            409,
        )
    try:
        with transaction.atomic():
            return _save(target, values, now)
    except IntegrityError:  # the same dossier rated at the same moment elsewhere
        raise RatingRefused(_("This dossier has already been rated."), 409) from None


def _save(target: Target, values: dict, now: datetime) -> Rating:
    phone = values.pop("phone")
    rating = None
    if target.dossier is not None:
        rating = Rating.objects.select_for_update().filter(dossier=target.dossier).first()
        if rating is not None and rating.created_at < now - REPLACE_WINDOW:
            raise RatingRefused(
                _(
                    "This dossier has already been rated. A rating can be "
                    "changed only within one day."
                ),
                409,
            )
    replaced = rating is not None
    rating = rating or Rating(dossier=target.dossier)
    rating.officer, rating.organization_id, rating.unit_id = (
        target.officer,
        target.commune_id,
        target.unit_id,
    )
    rating.month, rating.source, rating.created_at = target.month, Source.QR, now
    for name, value in values.items():
        setattr(rating, name, value)
    rating.save()
    if replaced:
        CitizenContact.objects.filter(rating=rating).delete()
    if phone:
        CitizenContact.objects.create(rating=rating, phone=phone)
    audit.record(
        None,
        "feedback.replace_rating" if replaced else "feedback.rate",
        rating,
        after={"level": rating.level, "source": rating.source},
    )
    return rating
