"""The home page's work inbox: what a user has to do next.

Higher apps know the work; they register a provider here in their `AppConfig.ready()`, and
the home page asks every provider. Each provider runs a fixed number of queries per user.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class InboxItem:
    text: str
    url: str
    count: int | None = None
    due: date | None = None
    urgent: bool = False  # past its deadline, or a complaint or returned sheet


Provider = Callable[[object, date], list[InboxItem]]
_PROVIDERS: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def items_for(user, today: date) -> list[InboxItem]:
    items = [item for provider in _PROVIDERS for item in provider(user, today)]
    return sorted(items, key=lambda i: (not i.urgent, i.due or date.max))
