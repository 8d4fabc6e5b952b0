"""Optional HMAC-SHA256 request signing with a timestamp; replays are refused.

A client may add a nonce (X-Canbo-Nonce, signed too): without one, the same request sent twice
within one second has the same signature and the second is refused as a replay.
"""

import hashlib
import hmac
import re
import time
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.integration.models import SeenSignature

MAX_SKEW_SECONDS = 300
TIMESTAMP_HEADER = "HTTP_X_CANBO_TIMESTAMP"
SIGNATURE_HEADER = "HTTP_X_CANBO_SIGNATURE"
NONCE_HEADER = "HTTP_X_CANBO_NONCE"
NONCE = re.compile(r"[A-Za-z0-9_-]{8,64}")


class SignatureError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def sign(secret: str, timestamp: str, method: str, path: str, body: bytes, nonce: str = "") -> str:
    """The signature a client sends: HMAC over timestamp, method, path — with "?" and the query
    string exactly as sent, when there is one — body hash and, when the client sends one, the
    nonce (a last line)."""
    digest = hashlib.sha256(body).hexdigest()
    message = f"{timestamp}\n{method.upper()}\n{path}\n{digest}" + (f"\n{nonce}" if nonce else "")
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def verify(request, secret: str, now: float | None = None) -> None:
    timestamp = request.META.get(TIMESTAMP_HEADER, "")
    signature = request.META.get(SIGNATURE_HEADER, "")
    if not timestamp or not signature:
        raise SignatureError(
            "signature_missing", _("The HMAC signature or the timestamp is missing.")
        )
    try:
        skew = abs((now or time.time()) - int(timestamp))
    except ValueError:
        raise SignatureError("signature_invalid", _("Invalid timestamp.")) from None
    if skew > MAX_SKEW_SECONDS:
        raise SignatureError("signature_expired", _("The timestamp is off by more than 5 minutes."))
    nonce = request.META.get(NONCE_HEADER, "")
    if nonce and not NONCE.fullmatch(nonce):
        raise SignatureError(
            "signature_invalid",
            _("The anti-replay code (X-Canbo-Nonce) must be 8–64 letters, digits, - or _."),
        )
    expected = sign(secret, timestamp, request.method, signed_target(request), request.body, nonce)
    if not hmac.compare_digest(expected, signature):
        raise SignatureError("signature_invalid", _("Wrong HMAC signature."))
    _remember(signature)


def signed_target(request) -> str:
    """The path and the query string: a signature covers both, so a query (a period, a page,
    a filter) cannot be changed on the way."""
    query = request.META.get("QUERY_STRING", "")
    return f"{request.path}?{query}" if query else request.path


def _remember(signature: str) -> None:
    # Past the skew window a replay fails on its timestamp: older signatures need no keeping.
    window = timedelta(seconds=2 * MAX_SKEW_SECONDS)
    SeenSignature.objects.filter(at__lt=timezone.now() - window).delete()
    try:
        with transaction.atomic():
            SeenSignature.objects.create(signature=signature)
    except IntegrityError:
        raise SignatureError("replay", _("This request was sent before (replay).")) from None
