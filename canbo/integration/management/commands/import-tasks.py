"""`canbo import-tasks FILE [--dry-run] [--org ORG]`: tasks from .xlsx/.csv, all rows or none."""

from canbo.integration.imports.command import SheetCommand


class Command(SheetCommand):
    help = (
        "Import tasks from a spreadsheet (template headers). Prints a row-by-row report; "
        "any bad row writes nothing and exits non-zero."
    )
    kind = "tasks"
