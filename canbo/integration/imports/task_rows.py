"""Rows of a task spreadsheet: check every row first, then write all of them or none."""

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from canbo.integration.imports.reader import (
    Row,
    RowResult,
    keyed,
    parse_date,
    parse_decimal,
    text,
)
from canbo.integration.imports.scope import Actor
from canbo.people.models import Person
from canbo.work.errors import WorkError
from canbo.work.locks import locked_months
from canbo.work.models import CatalogItem, Task
from canbo.work.periods import period_of
from canbo.work.task_services import assign_task, complete_task

# The columns of the province's file (field name → header, in template order).
COLUMNS = {
    "code": pgettext_lazy("import column", "Civil servant code"),
    "name": pgettext_lazy("import column", "Task name"),
    "item": pgettext_lazy("import column", "Product code"),
    "coefficient": pgettext_lazy("import column", "Coefficient"),
    "quantity": pgettext_lazy("import column", "Quantity"),
    "assigned": pgettext_lazy("import column", "Assigned date"),
    "due": pgettext_lazy("import column", "Due date"),
    "done": pgettext_lazy("import column", "Completion date"),
    "source": pgettext_lazy("import column", "Source"),
    "external_id": pgettext_lazy("import column", "External task code"),
}
_NOTES = [
    gettext_lazy("Each row is one task assigned to one civil servant."),
    gettext_lazy(
        "Civil servant code: required, the civil servant's code in the system, within the "
        "scope of the person importing."
    ),
    gettext_lazy("Task name: required when there is no Product code."),
    gettext_lazy(
        "Product code: a code in the organisation's published product catalogue; when given, "
        "the coefficient comes from the catalogue (leave the Coefficient column empty or equal "
        "to the catalogue's coefficient)."
    ),
    gettext_lazy(
        "Coefficient: required when there is no Product code; greater than 0, at most 2 "
        "decimal places."
    ),
    gettext_lazy("Quantity: empty means 1; must be greater than 0."),
    gettext_lazy("Assigned date (required), Due date, Completion date: as dd/mm/yyyy."),
    gettext_lazy(
        "Source and External task code: the code of the task-assigning software; the same code "
        "sent twice creates only one task."
    ),
    gettext_lazy("A file with an error in any row writes no row at all."),
]
DEFAULT_SOURCE = "spreadsheet"
SAME_FIELDS = (
    "assignee_id",
    "name",
    "catalog_item_id",
    "assigned_date",
    "due_date",
    "quantity",
    "coefficient",
)
Progress = Callable[[int], None]


def __getattr__(name: str) -> list[str]:
    """HEADERS and NOTES as plain strings, translated when they are read (the callers write
    them into cells and join them); the file format is the Vietnamese one."""
    if name == "HEADERS":
        return [str(header) for header in COLUMNS.values()]
    if name == "NOTES":
        return [str(note) for note in _NOTES]
    raise AttributeError(name)


def check(actor: Actor, rows: list[Row], progress: Progress | None = None) -> list[RowResult]:
    rows = keyed(rows, COLUMNS)
    lookup = _Lookup(actor, rows)
    seen: dict[tuple, int] = {}
    results = []
    for index, (number, values) in enumerate(rows, start=1):
        result = _check_row(lookup, number, values)
        if not result.errors:
            _check_duplicate(result, seen)
        results.append(result)
        if progress and index % 200 == 0:
            progress(index)
    _refuse_locked(results)
    return results


def _refuse_locked(results: list[RowResult]) -> None:
    """Show in the preview the rows that fall in a locked month (one query for the file);
    writing would refuse them anyway (canbo.work.locks)."""
    month = {
        id(r): (r.data["assignee"].pk, period_of(r.data["assigned_date"], r.data["due_date"]))
        for r in results
        if r.action == "create"
    }
    locked = locked_months(month.values())
    for result in results:
        if month.get(id(result)) in locked:
            result.errors.append(
                _(
                    "The evaluation period %(month)s of this civil servant is locked: no more "
                    "tasks can be assigned."
                )
                % {"month": f"{month[id(result)][1]:%m/%Y}"}
            )
            result.action = ""


def write(actor: Actor, results: list[RowResult]) -> int:
    """Create every checked task in one transaction; a failure rolls all of them back."""
    written = 0
    with transaction.atomic():
        for result in results:
            if result.action != "create":
                continue
            data = dict(result.data)
            completed = data.pop("completed_date")
            try:
                task = assign_task(actor.user, **data)
                if completed:
                    complete_task(actor.user, task, completed)
            except WorkError as exc:
                raise WorkError(
                    _("Row %(number)s: %(error)s") % {"number": result.number, "error": exc.message}
                ) from None
            written += 1
    return written


class _Lookup:
    """Everything the rows refer to, loaded with a few queries for the whole file."""

    def __init__(self, actor: Actor, rows: list[Row]) -> None:
        codes = {text(v["code"]) for _n, v in rows}
        self.people = {
            p.code: p for p in Person.objects.filter(code__in=codes).select_related("organization")
        }
        self.in_scope = set(actor.people().filter(code__in=codes).values_list("code", flat=True))
        items = {text(v["item"]) for _n, v in rows} - {""}
        self.items: dict[str, list[CatalogItem]] = {}
        for item in CatalogItem.objects.filter(
            code__in=items, catalog__published=True
        ).select_related("catalog__organization"):
            self.items.setdefault(item.code, []).append(item)
        ids = {text(v["external_id"]) for _n, v in rows} - {""}
        self.existing = set(
            Task.objects.filter(owner=None, external_id__in=ids).values_list(
                "source", "external_id"
            )
        )
        # Rows without an external id: an identical task already there is the same task.
        self.same = set(
            Task.objects.filter(external_id="", assignee__code__in=codes).values_list(*SAME_FIELDS)
        )
        self.today = timezone.localdate()

    def item_for(self, code: str, person: Person, day: date) -> CatalogItem | None:
        path = person.organization.path if person.organization else "\0"
        candidates = [
            i
            for i in self.items.get(code, [])
            if path.startswith(i.catalog.organization.path) and i.catalog.effective_from <= day
        ]
        return max(
            candidates, key=lambda i: (i.catalog.effective_from, i.catalog.version), default=None
        )


def _check_row(lookup: _Lookup, number: int, values: dict) -> RowResult:
    code, name = text(values["code"]), text(values["name"])
    result = RowResult(number, f"{code or '?'} · {name or text(values['item'])}"[:120])
    errors = result.errors
    person = _person(lookup, code, errors)
    assigned, due, done = (
        parse_date(values[key], str(COLUMNS[key]), errors) for key in ("assigned", "due", "done")
    )
    raw_quantity = values["quantity"] if text(values["quantity"]) else 1
    quantity = parse_decimal(raw_quantity, str(COLUMNS["quantity"]), errors, "9999999.99")
    if assigned is None and not text(values["assigned"]):
        errors.append(_("Assigned date must not be empty."))
    _check_dates(assigned, due, done, lookup.today, errors)
    item, coefficient = _item(lookup, values, person, assigned, errors)
    if not name and not text(values["item"]):
        errors.append(_("Task name must not be empty (or give a Product code)."))
    if len(name) > 300:
        errors.append(_("Task name is longer than 300 characters."))
    source = text(values["source"]) or DEFAULT_SOURCE
    external_id = text(values["external_id"])
    if len(source) > 32 or len(external_id) > 100:
        errors.append(
            _("Source: at most 32 characters; External task code: at most 100 characters.")
        )
    if errors:
        return result
    result.data = {
        "name": name,
        "assignee": person,
        "catalog_item": item,
        "coefficient": coefficient,
        "quantity": quantity,
        "assigned_date": assigned,
        "due_date": due,
        "completed_date": done,
        "source": source,
        "external_id": external_id,
    }
    result.action = "skip" if _exists(lookup, result.data) else "create"
    return result


def _exists(lookup: _Lookup, data: dict) -> bool:
    if data["external_id"]:
        return (data["source"], data["external_id"]) in lookup.existing
    key = (
        data["assignee"].pk,
        data["name"] or data["catalog_item"].name,
        getattr(data["catalog_item"], "pk", None),
        data["assigned_date"],
        data["due_date"],
        data["quantity"],
        data["coefficient"],
    )
    return key in lookup.same


def _person(lookup: _Lookup, code: str, errors: list[str]) -> Person | None:
    if not code:
        errors.append(_("Civil servant code must not be empty."))
        return None
    person = lookup.people.get(code)
    if person is None:
        errors.append(_("There is no civil servant with code “%(code)s”.") % {"code": code})
    elif code not in lookup.in_scope:
        errors.append(
            _("Civil servant “%(code)s” is outside the scope you are allowed.") % {"code": code}
        )
    elif person.organization_id is None:
        errors.append(_("Civil servant “%(code)s” has no organisation yet.") % {"code": code})
    else:
        return person
    return None


def _check_dates(assigned, due, done, today: date, errors: list[str]) -> None:
    if assigned and due and due < assigned:
        errors.append(_("The due date must not be before the assigned date."))
    if assigned and done and done < assigned:
        errors.append(_("The completion date must not be before the assigned date."))
    if done and done > today:
        errors.append(_("The completion date must not be in the future."))


def _item(
    lookup: _Lookup, values: dict, person: Person | None, assigned: date | None, errors: list[str]
):
    code, given = text(values["item"]), text(values["coefficient"])
    label = str(COLUMNS["coefficient"])
    coefficient = parse_decimal(given, label, errors, "999.99") if given else None
    if not code:
        if not given:
            errors.append(_("Coefficient must not be empty when there is no Product code."))
        return None, coefficient
    if person is None or assigned is None:
        return None, coefficient
    item = lookup.item_for(code, person, assigned)
    if item is None:
        errors.append(
            _(
                "There is no product “%(code)s” in a published catalogue applying to the civil "
                "servant's organisation on the assigned date."
            )
            % {"code": code}
        )
    elif coefficient is not None and coefficient != item.coefficient:
        errors.append(
            _("Coefficient %(given)s differs from the catalogue's coefficient %(catalogue)s.")
            % {"given": given, "catalogue": item.coefficient}
        )
    return item, item.coefficient if item else None


def _check_duplicate(result: RowResult, seen: dict[tuple, int]) -> None:
    data = result.data
    if data["external_id"]:
        key: tuple = (data["source"], data["external_id"])
    else:
        key = (
            data["assignee"].pk,
            data["name"],
            getattr(data["catalog_item"], "pk", None),
            data["assigned_date"],
            data["due_date"],
            data["quantity"],
        )
    if key in seen:
        result.errors.append(_("Row duplicates row %(row)s.") % {"row": seen[key]})
        result.action = ""
    else:
        seen[key] = result.number
