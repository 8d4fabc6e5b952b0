"""The kinds of spreadsheet the import reads: each one's rows module, headers and template."""

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType

from django.utils.translation import pgettext_lazy

from canbo.integration.imports import dossier_rows, people_rows, task_rows
from canbo.integration.imports.models import BatchKind
from canbo.integration.imports.reader import template


@dataclass(frozen=True)
class Sheet:
    """What one kind of spreadsheet reads, checks and writes (its rows module)."""

    rows: ModuleType
    title: object  # a lazy translation: the template's sheet name
    # The required and optional headers, and the template's instructions, at call time.
    headers: Callable[[], tuple[list[str], list[str]]]
    notes: Callable[[], list[str]]


def _fixed(module: ModuleType, title) -> Sheet:
    """A kind whose module keeps its headers and instructions as constant lists."""
    return Sheet(
        module,
        title,
        lambda: (module.HEADERS, getattr(module, "OPTIONAL", [])),
        lambda: module.NOTES,
    )


KINDS = {
    BatchKind.TASKS: _fixed(task_rows, pgettext_lazy("sheet title", "Tasks")),
    BatchKind.PEOPLE: _fixed(people_rows, pgettext_lazy("sheet title", "Civil servants")),
    BatchKind.DOSSIERS: Sheet(
        dossier_rows,
        pgettext_lazy("sheet title", "One-stop dossiers"),
        lambda: (dossier_rows.headers(), []),
        dossier_rows.notes,
    ),
}


def sheet_for(kind: str) -> Sheet:
    return KINDS[BatchKind(kind)]


def template_for(kind: str) -> bytes:
    """An empty .xlsx of the kind: its headers in bold and a sheet of instructions."""
    sheet = sheet_for(kind)
    required, optional = sheet.headers()
    return template(required + optional, str(sheet.title), sheet.notes())
