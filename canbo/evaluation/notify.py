"""In-app notifications, also sent by e-mail when the server is configured for it.

Every notification of the evaluation cycle is created here. When `NOTIFY_BY_EMAIL` is on
(EMAIL_HOST set, see settings), each one is mailed to its user's address once the transaction
commits; users without an address are skipped, and a mail failure is logged (without any
setting's value) but never undoes the workflow step.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils.translation import gettext as _

from canbo.evaluation.models import Notification

logger = logging.getLogger(__name__)


def notify(user_ids: Iterable[int], text: str, url: str = "") -> list[Notification]:
    rows = Notification.objects.bulk_create(
        [Notification(user_id=user_id, text=text, url=url) for user_id in dict.fromkeys(user_ids)]
    )
    if settings.NOTIFY_BY_EMAIL and rows:
        ids = [row.user_id for row in rows]
        transaction.on_commit(lambda: _mail(ids, text, url))
    return rows


def _mail(user_ids: list[int], text: str, url: str) -> None:
    addresses = list(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not addresses:
        return
    link = f"{settings.SITE_URL.rstrip('/')}{url}" if url and settings.SITE_URL else url
    body = f"{text}\n\n{link}\n" if link else f"{text}\n"
    subject = _("Civil servant evaluation: %(text)s") % {"text": text[:80]}
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses]
    try:
        send_mass_mail(messages, fail_silently=False)
    except Exception as exc:  # the step is done; a mail server problem must not undo it
        logger.warning("notification e-mail not sent: %s", exc.__class__.__name__)
