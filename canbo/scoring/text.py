"""The engine's one door to translation.

Texts are English msgids written inside `_()`, or inside `gettext_noop()` for tables built at
import time, so that Django's makemessages puts them into the catalogue. `_` calls the
translator the application installed at start-up (canbo.core.apps installs Django's gettext);
until one is installed, e.g. when the engine is used on its own, texts stay in English. The
engine imports only the standard library, so it cannot call Django itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

Translator = Callable[[str], str]


def _identity(message: str) -> str:
    return message


_translator: Translator = _identity


def install(translator: Translator | None) -> None:
    """Translate every text of the engine with `translator` (None: back to English)."""
    global _translator
    _translator = _identity if translator is None else translator


def _(message: str) -> str:
    return _translator(message)


def gettext_noop(message: str) -> str:
    """Mark a msgid for the catalogue where it is stored; it is translated when read."""
    return message


class Translated(Mapping[str, str]):
    """A table of code → msgid, read as code → text in the language active at the time."""

    def __init__(self, msgids: Mapping[str, str]) -> None:
        self._msgids = dict(msgids)

    def __getitem__(self, code: str) -> str:
        return _(self._msgids[code])

    def __contains__(self, code: object) -> bool:
        return code in self._msgids

    def __iter__(self) -> Iterator[str]:
        return iter(self._msgids)

    def __len__(self) -> int:
        return len(self._msgids)
