"""`canbo import-agency-actuals FILE --year 2026`: the communes' indicator actuals from a
spreadsheet (commune code, indicator code, actual, source, evidence); all rows or none."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from canbo.agency.imports import import_actuals


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _("Import the communes' indicator actuals from .xlsx or .csv (all rows or none).")

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--year", type=int, required=True)

    def handle(self, *args, **options):
        translation.activate("vi")
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("The file %(file)s does not exist.") % {"file": path})
        report = import_actuals(None, options["year"], path.read_bytes())
        for line, message in report.errors:
            self.stdout.write(_("Line %(n)s: %(msg)s") % {"n": line, "msg": message})
        if not report.ok:
            raise CommandError(
                _("Nothing was written: %(n)s rows have errors.") % {"n": len(report.errors)}
            )
        self.stdout.write(_("%(n)s actuals written.") % {"n": report.written})
