"""One rule for locked months: once a person's evaluation period is locked, nothing changes the
numbers of that month — not the web, the API, a spreadsheet import, edXML or a recompute.

A change is checked at every month it touches: a task moved from one month (or person) to
another is refused when either the old or the new month is locked.
"""

from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext as _

from canbo.work.errors import WorkError
from canbo.work.periods import month_start
from canbo.work.signals import locked_pairs_requested

Pair = tuple[int | None, date]  # (assignee id, month); no assignee: no person's month


class PeriodLocked(WorkError):
    """A change would touch a locked month; `months` are the locked (person id, month) pairs."""

    def __init__(self, message: str, months: set[tuple[int, date]]) -> None:
        super().__init__(message)
        self.months = months


def _ask(**question) -> set[tuple[int, date]]:
    """Evaluation (above work) answers which months are locked: see work.signals."""
    found: set[tuple[int, date]] = set()
    for _receiver, answer in locked_pairs_requested.send(sender=None, **question):
        found |= set(answer or ())
    return found


def locked_months(pairs: Iterable[Pair]) -> set[tuple[int, date]]:
    """Of the (person id, month) pairs, those whose evaluation period is locked (one query)."""
    pairs = {(person, month_start(month)) for person, month in pairs if person}
    if not pairs:
        return set()
    return _ask(pairs=pairs) & pairs


def locked_in(months: Iterable[date]) -> set[tuple[int, date]]:
    """Every locked (person id, month) among the months (for a bulk recompute)."""
    return _ask(months={month_start(m) for m in months})


def period_is_open(person_id: int, month: date) -> bool:
    """Whether a person's month may still change."""
    return not locked_months([(person_id, month)])


def refuse_locked(pairs: Iterable[Pair]) -> None:
    """Raise PeriodLocked when any of the (person, month) pairs is locked."""
    locked = locked_months(pairs)
    if locked:
        months = ", ".join(sorted({f"{m:%m/%Y}" for _, m in locked}, key=lambda t: (t[3:], t[:2])))
        raise PeriodLocked(
            _("The evaluation period of %(months)s is locked: the task cannot be changed.")
            % {"months": months},
            locked,
        )


def refuse_move(before: Pair, after: Pair) -> None:
    """A task changing person or month: both its old and its new month must be open."""
    refuse_locked({before, after})
