"""`canbo import-dossiers FILE [--dry-run] [--org ORG]`: one-stop dossiers and their ratings
from .xlsx/.csv; a row-by-row report; any bad row writes nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.integration.imports import dossier_rows
from canbo.integration.imports.batches import summary, wrote
from canbo.integration.imports.command import refuse_bad_rows
from canbo.integration.imports.reader import SheetError
from canbo.integration.imports.scope import Actor
from canbo.integration.services import ClientError, find_organization

MAX_REPORTED = 200  # a long file prints its first rows and every error


class Command(BaseCommand):
    help = (
        "Import one-stop dossiers (and citizens' ratings) from a spreadsheet. Prints a "
        "row-by-row report; any bad row writes nothing and exits non-zero."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=".xlsx or .csv (UTF-8, ; or , separated)")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and print the report, write nothing"
        )
        parser.add_argument(
            "--org", help="only officers of this organisation (electronic code or exact name)"
        )

    def handle(self, *args, file, dry_run, org, **options):
        try:
            actor = Actor(None, find_organization(org) if org else None)
        except ClientError as exc:
            raise CommandError(str(exc)) from None
        path = Path(file)
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Cannot read the file %(path)s: %(reason)s.")
                % {"path": path, "reason": exc.strerror}
            ) from None
        try:
            results = dossier_rows.check(actor, dossier_rows.read(content))
        except SheetError as exc:
            raise CommandError(
                _("%(file)s: %(error)s No row was written.")
                % {"file": path.name, "error": exc.message}
            ) from None
        for i, result in enumerate(results):
            if result.errors or i < MAX_REPORTED:
                self.stdout.write(result.line())
        self.stdout.write(summary(results))
        refuse_bad_rows(results)
        if dry_run:
            self.stdout.write(_("Trial run (--dry-run): nothing written."))
            return
        self.stdout.write(wrote(dossier_rows.write(actor, results)))
