"""Rows of a people spreadsheet: create or update civil servants and their primary post.

The import-kind registry (`kinds.py`) reads this module: HEADERS, OPTIONAL, NOTES, `check`
and `write`. The checks of a row live in `people_checks` (with `people_record` and
`people_history` for the optional columns), the writers in `people_writers`."""

from collections.abc import Callable

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.integration.imports import people_format as fmt
from canbo.integration.imports.people_checks import check_row
from canbo.integration.imports.people_format import ALL_COLUMNS
from canbo.integration.imports.people_lookup import Lookup
from canbo.integration.imports.people_writers import (
    create_people,
    known_past,
    save_history,
    update_people,
)
from canbo.integration.imports.reader import Row, RowResult, keyed, text
from canbo.integration.imports.scope import Actor

Progress = Callable[[int], None]


def __getattr__(name: str) -> list[str]:
    """HEADERS, OPTIONAL and NOTES as plain strings, translated when they are read (the
    callers write them into cells and join them); the file format is the Vietnamese one."""
    if name == "HEADERS":
        return [str(header) for header in fmt.COLUMNS.values()]
    if name == "OPTIONAL":
        return [str(header) for header in fmt.OPTIONAL_COLUMNS.values()]
    if name == "NOTES":
        return [str(note) for note in fmt.NOTES]
    raise AttributeError(name)


def check(actor: Actor, rows: list[Row], progress: Progress | None = None) -> list[RowResult]:
    rows = keyed(rows, ALL_COLUMNS)
    lookup = Lookup(actor, rows)
    seen: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    results = []
    for index, (number, values) in enumerate(rows, start=1):
        result = check_row(lookup, number, values)
        _refuse_repeats(result, number, values, seen, seen_ids)
        results.append(result)
        if progress and index % 200 == 0:
            progress(index)
    return results


def _refuse_repeats(
    result: RowResult, number: int, values: dict, seen: dict[str, int], seen_ids: dict[str, int]
) -> None:
    """A code or ID card number that an earlier row of the file already has."""
    code = text(values["code"])
    if code in seen:
        result.errors.append(_("Civil servant code duplicates row %(row)s.") % {"row": seen[code]})
        result.action = ""
    seen.setdefault(code, number)
    id_number = text(values["id_number"])
    if id_number and id_number in seen_ids:
        result.errors.append(
            _("ID card number %(number)s duplicates row %(row)s.")
            % {"number": id_number, "row": seen_ids[id_number]}
        )
        result.action = ""
    if id_number:
        seen_ids.setdefault(id_number, number)


def write(actor: Actor, results: list[RowResult]) -> int:
    written = 0
    with transaction.atomic():
        news = [r.data for r in results if r.action == "create"]
        create_people(actor, news)
        updates = [r.data for r in results if r.action == "update"]
        update_people(actor, updates, known_past(updates))
        written += len(news) + len(updates)
        save_history(results)
    return written
