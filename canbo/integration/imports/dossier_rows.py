"""Rows of a one-stop dossier spreadsheet (.xlsx/.csv): every row is checked first, then all
are written or none (canbo.feedback.dossiers does both, like the API)."""

import re
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from canbo.core import sheet_read
from canbo.core.text import fold
from canbo.feedback.choices import Concern, DossierStatus, Level
from canbo.feedback.dossiers import DossierData, RatingData, check_dossiers, write_dossiers
from canbo.integration.imports.reader import Row, RowResult, parse_date, read_rows, text
from canbo.integration.imports.scope import Actor
from canbo.integration.tasks import fast_insert

# The columns of the one-stop system's export, in order (key -> header). The headers are a
# file format: they are read and written in the site's language (see headers()).
COLUMNS = {
    "code": pgettext_lazy("import column", "Dossier code"),
    "procedure": pgettext_lazy("import column", "Procedure"),
    "officer": pgettext_lazy("import column", "Officer code"),
    "received": pgettext_lazy("import column", "Date received"),
    "due": pgettext_lazy("import column", "Result due"),
    "returned": pgettext_lazy("import column", "Date returned"),
    "status": pgettext_lazy("import column", "Status"),
    "complained": pgettext_lazy("import column", "Complained about"),
    "level": pgettext_lazy("import column", "Rating level"),
    "comment": pgettext_lazy("import column", "Comment"),
    "concerns": pgettext_lazy("import column", "Complaint topics"),
}
MAX_ROWS = 200_000
MAX_BYTES = 64 * 1024 * 1024
LIMITS = sheet_read.Limits(rows=MAX_ROWS)
Progress = Callable[[int], None]
# The words a cell may hold, folded (lowercase, no accents) as the cells are compared.
STATUS_WORDS = {
    "tiep nhan": DossierStatus.RECEIVED,
    "dang xu ly": DossierStatus.PROCESSING,
    "da tra": DossierStatus.RETURNED,
    "tra ket qua": DossierStatus.RETURNED,
    "huy": DossierStatus.CANCELLED,
    "tu choi": DossierStatus.CANCELLED,
}
LEVEL_WORDS = {
    "rat hai long": Level.VERY_SATISFIED.value,
    "hai long": Level.SATISFIED.value,
    "binh thuong": Level.NEUTRAL.value,
    "khong hai long": Level.DISSATISFIED.value,
    "rat khong hai long": Level.VERY_DISSATISFIED.value,
}
YES = {"co", "x", "1", "yes", "true"}
LEVELS, CONCERNS, STATUSES = (
    frozenset(Level.values),
    frozenset(Concern.values),
    frozenset(DossierStatus.values),
)
CONCERN_WORDS = {
    "thai do": Concern.ATTITUDE,
    "thoi gian": Concern.TIME,
    "giay to": Concern.EXTRA_PAPERS,
    "huong dan": Concern.GUIDANCE,
    "phi": Concern.FEES,
    "co so vat chat": Concern.FACILITIES,
}


def columns() -> dict[str, str]:
    """Key -> header in the site's language: the province's files keep their headers whatever
    the language of the person who uploads them."""
    with translation.override(settings.LANGUAGE_CODE):
        return {key: str(header) for key, header in COLUMNS.items()}


def headers() -> list[str]:
    return list(columns().values())


def notes() -> list[str]:
    """The instructions sheet of the template."""
    return [
        _("Each row is one dossier received at the one-stop counter, with its rating if any."),
        _(
            "Dossier code, Officer code and Date received are required; the officer must be "
            "within your scope (the dossier belongs to the officer's commune or ward)."
        ),
        _("Dates: dd/mm/yyyy. Result due and Date returned may be empty."),
        _(
            "Status: received, being handled, returned or cancelled; empty means returned "
            "when there is a return date, otherwise received."
        ),
        _("Complained about: x (or yes) when the citizen complained about the dossier."),
        _("Rating level: 1–5 or Very satisfied … Very dissatisfied; empty when not rated."),
        _(
            "Complaint topics, separated by commas: attitude, time, papers, guidance, fees, "
            "facilities."
        ),
        _(
            "A dossier code already imported for the same commune is updated, not duplicated; "
            "a month whose evaluation is locked cannot receive dossiers."
        ),
        _("If any row has an error, no row is written."),
    ]


def read(content: bytes) -> list[Row]:
    """The rows of a file of the command line (larger than a web upload may be)."""
    return read_rows(content, headers(), limits=LIMITS, max_bytes=MAX_BYTES)


def check(actor: Actor, rows: list[Row], progress: Progress | None = None) -> list[RowResult]:
    """Parse each row, then resolve them all (officers, communes, existing codes, locks)."""
    labels = columns()
    parsed = [_parse(number, values, labels) for number, values in rows]
    if progress:
        progress(len(rows) // 2)  # parsed; the database checks below run in bulk
    good = [(result, data) for result, data in parsed if data is not None]
    checked = check_dossiers(actor.people(), [data for _result, data in good])
    for (result, _data), item in zip(good, checked, strict=True):
        result.errors += [e for e in item.errors if e not in result.errors]
        result.action = item.action if not result.errors else ""
        result.data = {"checked": item}
    if progress:
        progress(len(rows))
    return [result for result, _data in parsed]


def write(actor: Actor, results: list[RowResult]) -> int:
    checked = [r.data["checked"] for r in results]
    return write_dossiers(actor.user, checked, "spreadsheet", fast_insert.insert_rows).written


def _parse(number: int, values: dict, labels: dict) -> tuple[RowResult, DossierData | None]:
    def cell(key: str):
        return values[labels[key]]

    code, officer = text(cell("code")), text(cell("officer"))
    result = RowResult(number, f"{code or '?'} — {officer or '?'}")
    errors = result.errors
    if not code or len(code) > 64:
        errors.append(_("Dossier code is required, at most 64 characters."))
    if not officer:
        errors.append(_("Officer code is required."))
    received = _date(cell("received"), labels["received"], errors)
    if received is None and not text(cell("received")):
        errors.append(_("Date received is required."))
    due = _date(cell("due"), labels["due"], errors)
    returned = _date(cell("returned"), labels["returned"], errors)
    status = _status(cell("status"), returned, errors)
    rating = _rating(cell("level"), text(cell("comment")), text(cell("concerns")), errors)
    if not code or len(code) > 64 or not officer or received is None or not status:
        return result, None
    # Checked further with the database (and the row's own date order) by check().
    return result, DossierData(
        code=code,
        officer_code=officer,
        received_date=received,
        procedure=text(cell("procedure"))[:300],
        due_date=due,
        returned_date=returned,
        status=status,
        complained=fold(text(cell("complained"))) in YES,
        rating=rating,
    )


DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _date(value, label: str, errors: list[str]) -> date | None:
    """dd/mm/yyyy read directly (a large file has hundreds of thousands of them); any other
    form through the shared parser."""
    if isinstance(value, str) and (match := DMY.fullmatch(value.strip())):
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass  # the shared parser words the error
    return parse_date(value, label, errors)


def _status(value, returned, errors: list[str]) -> str:
    raw = fold(text(value))
    if not raw:
        return DossierStatus.RETURNED if returned else DossierStatus.RECEIVED
    if raw in STATUSES:
        return raw
    for word, status in STATUS_WORDS.items():
        if word in raw:
            return status
    errors.append(
        _("Status “%(status)s” is not recognised (received, being handled, returned, cancelled).")
        % {"status": text(value)}
    )
    return ""


def _rating(value, comment: str, topics: str, errors: list[str]) -> RatingData | None:
    raw = text(value)
    if not raw:
        if comment or topics:
            errors.append(_("There is a comment or a complaint topic but no rating level."))
        return None
    level = int(raw) if raw.isdigit() else LEVEL_WORDS.get(fold(raw), 0)
    if level not in LEVELS:
        errors.append(
            _("Rating level “%(level)s” is not valid (1–5 or Very satisfied … Very dissatisfied).")
            % {"level": raw}
        )
        return None
    concerns = []
    for part in filter(None, (p.strip() for p in topics.split(","))):
        key = fold(part)
        found = (
            key
            if key in CONCERNS
            else next((c for w, c in CONCERN_WORDS.items() if w in key), None)
        )
        if found is None:
            errors.append(_("Complaint topic “%(topic)s” is not recognised.") % {"topic": part})
        else:
            concerns.append(found)
    if len(comment) > 1000:
        errors.append(_("The comment is longer than 1,000 characters."))
    return RatingData(level, comment, tuple(sorted(set(concerns))))
