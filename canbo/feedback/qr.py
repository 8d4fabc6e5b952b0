"""QR codes of the public rating page, drawn as inline SVG by segno (pure Python)."""

import io

import segno
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from canbo.feedback import tokens


def public_url(token: str) -> str:
    return settings.PUBLIC_URL + tokens.rating_path(token)


def counter_url(person_id: int) -> str:
    """The address the printed counter QR carries (`canbo rating-link` prints it)."""
    return public_url(tokens.counter_token(person_id))


def dossier_url(dossier_id: int) -> str:
    return public_url(tokens.dossier_token(dossier_id))


def svg(url: str, scale: int = 6) -> SafeString:
    """An inline <svg> of the address (segno writes only paths and numbers, no text of ours)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=scale, xmldecl=False, svgns=True, border=2
    )
    return mark_safe(buffer.getvalue().decode("ascii"))  # segno's own markup
