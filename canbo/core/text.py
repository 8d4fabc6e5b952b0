"""Vietnamese text helpers: NFC storage and accent-insensitive search keys."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def nfc(value: str | None) -> str | None:
    """Return the value in Unicode NFC with surrounding whitespace removed."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str | None) -> str:
    """Return a lowercase, accent-free key: 'Nguyễn Văn Đức' -> 'nguyen van duc'."""
    if not value:
        return ""
    # đ/Đ are letters of their own, not a d with a combining mark.
    text = value.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()
