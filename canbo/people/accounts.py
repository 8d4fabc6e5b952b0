"""The login account of a civil servant: lifting a lockout (personnel office, audited)."""

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core import audit, lockout
from canbo.core.access import can
from canbo.people.errors import AccountError
from canbo.people.models import Person


def account_username(person: Person) -> str | None:
    profile = getattr(person, "profile", None)
    return profile.user.get_username() if profile is not None else None


def can_unlock_account(actor, person: Person) -> bool:
    return can(actor, "people.account.unlock") and (
        Person.objects.visible_to(actor).filter(pk=person.pk).exists()
    )


def is_account_locked(person: Person) -> bool:
    username = account_username(person)
    return username is not None and lockout.is_locked_anywhere(username)


@transaction.atomic
def unlock_account(actor, person: Person) -> int:
    """Forget the failed logins of the person's account so the real user can log in."""
    if not can_unlock_account(actor, person):
        raise AccountError(_("You may not unlock the account of this civil servant."))
    username = account_username(person)
    if username is None:
        raise AccountError(_("This civil servant has no login account."))
    cleared = lockout.reset_account(username)
    audit.record(
        actor, "people.unlock_account", person, {"failed_logins": cleared}, {"failed_logins": 0}
    )
    return cleared
