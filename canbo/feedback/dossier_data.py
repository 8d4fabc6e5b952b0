"""A dossier row from the one-stop system as sent (with its rating), the same row resolved
against the database, and the checks of a row on its own."""

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _

from canbo.feedback.choices import Concern, DossierStatus, Level
from canbo.work.periods import month_start

STATUSES = frozenset(DossierStatus.values)
LEVELS = frozenset(Level.values)
CONCERNS = frozenset(Concern.values)


@dataclass(frozen=True)
class RatingData:
    level: int
    comment: str = ""
    concerns: tuple[str, ...] = ()
    rated_at: datetime | None = None


@dataclass(frozen=True)
class DossierData:
    code: str
    officer_code: str
    received_date: date
    procedure: str = ""
    due_date: date | None = None
    returned_date: date | None = None
    status: str = DossierStatus.RECEIVED
    complained: bool = False
    rating: RatingData | None = None

    def digest(self) -> str:
        """A hash of every field (the same row sent twice is recognised as unchanged)."""
        r = self.rating
        parts = [
            self.code,
            self.officer_code,
            self.received_date,
            self.procedure,
            self.due_date,
            self.returned_date,
            self.status,
            self.complained,
        ]
        if r is not None:
            parts += [r.level, r.comment, ",".join(r.concerns), r.rated_at]
        return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()


@dataclass
class Checked:
    """A row resolved against the database, or its errors."""

    data: DossierData
    errors: list[str] = field(default_factory=list)
    # What kind of refusal the first error is, for the API's status: invalid,
    # unknown_officer or period_locked.
    error_kind: str = "invalid"
    officer_id: int | None = None
    unit_id: int | None = None
    commune_id: int | None = None
    existing: dict | None = None  # id, digest, officer_id, month of the stored dossier

    @property
    def action(self) -> str:
        if self.errors:
            return ""
        if self.existing is None:
            return "create"
        return "unchanged" if self.existing["digest"] == self.data.digest() else "update"

    @property
    def month(self) -> date:
        return month_start(self.data.received_date)


def row_errors(data: DossierData) -> list[str]:
    """Checks of one row on its own (dates, level, concerns, status)."""
    errors = []
    if data.due_date and data.due_date < data.received_date:
        errors.append(_("The due date is before the date received."))
    if data.returned_date and data.returned_date < data.received_date:
        errors.append(_("The return date is before the date received."))
    if data.status not in STATUSES:
        allowed = ", ".join(DossierStatus.values)
        errors.append(
            _("Status “%(status)s” is not valid (%(allowed)s).")
            % {"status": data.status, "allowed": allowed}
        )
    if data.rating is not None:
        if data.rating.level not in LEVELS:
            errors.append(_("The rating must be from 1 (very dissatisfied) to 5 (very satisfied)."))
        unknown = set(data.rating.concerns) - CONCERNS
        if unknown:
            errors.append(
                _("Unknown complaint topics: %(topics)s.") % {"topics": ", ".join(sorted(unknown))}
            )
    return errors
