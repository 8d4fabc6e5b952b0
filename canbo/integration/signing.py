"""Optional HMAC-SHA256 request signing with a timestamp; replays are refused."""

import hashlib
import hmac
import time

from django.db import IntegrityError, transaction

from canbo.integration.models import SeenSignature

MAX_SKEW_SECONDS = 300
TIMESTAMP_HEADER = "HTTP_X_CANBO_TIMESTAMP"
SIGNATURE_HEADER = "HTTP_X_CANBO_SIGNATURE"


class SignatureError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code, self.message = code, message


def sign(secret: str, timestamp: str, method: str, path: str, body: bytes) -> str:
    """The signature a client sends: HMAC over timestamp, method, path and body hash."""
    digest = hashlib.sha256(body).hexdigest()
    message = f"{timestamp}\n{method.upper()}\n{path}\n{digest}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify(request, secret: str, now: float | None = None) -> None:
    timestamp = request.META.get(TIMESTAMP_HEADER, "")
    signature = request.META.get(SIGNATURE_HEADER, "")
    if not timestamp or not signature:
        raise SignatureError("signature_missing", "Thiếu chữ ký HMAC hoặc dấu thời gian.")
    try:
        skew = abs((now or time.time()) - int(timestamp))
    except ValueError:
        raise SignatureError("signature_invalid", "Dấu thời gian không hợp lệ.") from None
    if skew > MAX_SKEW_SECONDS:
        raise SignatureError("signature_expired", "Dấu thời gian lệch quá 5 phút.")
    expected = sign(secret, timestamp, request.method, request.path, request.body)
    if not hmac.compare_digest(expected, signature):
        raise SignatureError("signature_invalid", "Chữ ký HMAC không đúng.")
    _remember(signature)


def _remember(signature: str) -> None:
    try:
        with transaction.atomic():
            SeenSignature.objects.create(signature=signature)
    except IntegrityError:
        raise SignatureError("replay", "Yêu cầu này đã được gửi trước đó (phát lại).") from None
