"""`canbo import-people FILE [--dry-run] [--org ORG]`: civil servants and their primary post."""

from canbo.integration.imports.command import SheetCommand


class Command(SheetCommand):
    help = (
        "Import civil servants from a spreadsheet (template headers): create or update "
        "each person and their primary post. Any bad row writes nothing."
    )
    kind = "people"
