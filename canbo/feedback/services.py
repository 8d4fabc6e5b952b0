"""Follow-up of citizens' ratings: the head looks, the officer answers, a phone is deleted.
Each step checks the actor and writes an audit entry."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.access import is_own
from canbo.core.text import nfc
from canbo.feedback.models import CitizenContact, Rating

MAX_ANSWER = 2000


class FeedbackError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def mark_seen(actor, rating: Rating) -> Rating:
    """The head has looked at a dissatisfied comment (the rating is already in their scope)."""
    if rating.seen_at is None:
        rating.seen_at, rating.seen_by = timezone.now(), actor
        rating.save(update_fields=["seen_at", "seen_by"])
        audit.record(actor, "feedback.mark_seen", rating, after={"seen": True})
    return rating


@transaction.atomic
def answer_rating(actor, rating: Rating, text: str) -> Rating:
    """The officer rated answers the comment (shown to their head; sent to a phone if left)."""
    if not is_own(actor, rating.officer_id):
        raise FeedbackError(_("Only the officer who was rated can answer this comment."))
    answer = nfc(strip_tags(text or "")) or ""
    if not answer:
        raise FeedbackError(_("Write an answer first."))
    if len(answer) > MAX_ANSWER:
        raise FeedbackError(_("The answer is too long (at most 2,000 characters)."))
    before = audit.snapshot(rating, ["answer"])
    rating.answer, rating.answered_at = answer, timezone.now()
    rating.save(update_fields=["answer", "answered_at"])
    audit.record(
        actor, "feedback.answer_rating", rating, before, audit.snapshot(rating, ["answer"])
    )
    return rating


@transaction.atomic
def delete_contact(actor, rating: Rating) -> bool:
    """Delete the citizen's phone number (personal data kept no longer than needed)."""
    deleted = CitizenContact.objects.filter(rating=rating).delete()[0]
    if deleted:
        audit.record(
            actor, "feedback.delete_contact", rating, before={"phone": "***"}, after={"phone": None}
        )
    return bool(deleted)


def purge_contacts(now: datetime | None = None, limit: int = 200) -> int:
    """Delete up to `limit` phone numbers kept longer than CITIZEN_CONTACT_DAYS (a small batch:
    the rating page calls this now and then; `canbo purge-contacts` loops); return how many."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.CITIZEN_CONTACT_DAYS)
    ids = list(
        CitizenContact.objects.filter(created_at__lt=cutoff).values_list("rating_id", flat=True)[
            :limit
        ]
    )
    if not ids:
        return 0
    reason = _("Kept longer than %(days)s days.") % {"days": settings.CITIZEN_CONTACT_DAYS}
    with transaction.atomic():
        deleted = CitizenContact.objects.filter(rating_id__in=ids).delete()[0]
        for rating in Rating.objects.filter(pk__in=ids).select_related("dossier", "officer"):
            audit.record(
                None,
                "feedback.purge_contact",
                rating,
                before={"phone": "***"},
                after={"phone": None},
                reason=reason,
            )
    return deleted
