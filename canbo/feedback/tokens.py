"""Signed tokens carried by the QR codes: a counter (an officer) or a dossier receipt.

The token is `c<person id>` or `d<dossier id>`, signed with Django's signing and this app's own
salt: a changed character, another officer's id or a token of another salt is refused.
"""

from django.core import signing
from django.urls import reverse

SALT = "canbo.feedback.rating-qr"
COUNTER, DOSSIER = "c", "d"


class BadToken(Exception):
    pass


def _signer() -> signing.Signer:
    return signing.Signer(salt=SALT, sep=".")


def make_token(kind: str, pk: int) -> str:
    return _signer().sign(f"{kind}{int(pk)}")


def counter_token(person_id: int) -> str:
    return make_token(COUNTER, person_id)


def dossier_token(dossier_id: int) -> str:
    return make_token(DOSSIER, dossier_id)


def read_token(token: str) -> tuple[str, int]:
    """(kind, id) of a genuine token; raise BadToken for anything else."""
    if not token or len(token) > 100:
        raise BadToken
    try:
        value = _signer().unsign(token)
    except signing.BadSignature:
        raise BadToken from None
    kind, number = value[:1], value[1:]
    if kind not in (COUNTER, DOSSIER) or not number.isdigit():
        raise BadToken
    return kind, int(number)


def rating_path(token: str) -> str:
    return reverse("rate", args=[token])
