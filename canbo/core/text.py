"""Vietnamese text helpers: NFC storage and accent-insensitive search keys."""

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ and Đ (U+0111, U+0110) are letters of their own, not a d with a combining mark: NFD
# leaves them whole, so they are mapped to d and D first.
_D_WITH_STROKE = str.maketrans({0x111: "d", 0x110: "D"})


def nfc(value: str | None) -> str | None:
    """Return the value in Unicode NFC with surrounding whitespace removed."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip()


def fold(value: str | None) -> str:
    """Return a lowercase, accent-free key: 'Nguyễn Văn Đức' -> 'nguyen van duc'."""
    if not value:
        return ""
    text = value.translate(_D_WITH_STROKE)
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()


# A code (of a person, an agency, an external system) as the API accepts it: ASCII letters and
# digits, then also . _ - ; no spaces, quotes, slashes or line breaks, so it is safe in a file
# name, a URL path, a spreadsheet cell and a log line.
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def is_code(value: str, max_length: int) -> bool:
    return len(value) <= max_length and _CODE.fullmatch(value) is not None


def has_control(value: str) -> bool:
    """Whether the text holds a line break, tab or other control character."""
    return any(unicodedata.category(ch) == "Cc" for ch in value)
