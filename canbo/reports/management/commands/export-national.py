"""`canbo export-national --year 2026 [--org ORG] --format json|csv [-o FILE]`.

The finalised annual classifications for the national cadre database (Decree 27/2026/NĐ-CP),
in the documented format of docs/national-export.md. JSON and CSV go to stdout without -o.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core.access import within
from canbo.evaluation.models import AnnualResult
from canbo.reports import command_args as base
from canbo.reports.national import national_csv, national_json, national_rows

FORMATS = ("json", "csv")


class Command(BaseCommand):
    @property
    def help(self) -> str:  # a str: argparse cannot format a lazy translation
        return _(
            "Export the finalised annual classifications for the national cadre database "
            "(json or csv)."
        )

    def add_arguments(self, parser):
        parser.add_argument("--year", default="", help="YYYY")
        parser.add_argument("--org", default="", help=gettext_lazy("electronic code or exact name"))
        parser.add_argument("--format", default="", help="json | csv")
        parser.add_argument("-o", "--output", default="", help=gettext_lazy("file to write"))

    def handle(self, *args, **options):
        translation.activate("vi")
        year = base.parse_year(options["year"])
        suffix = Path(options["output"]).suffix.lstrip(".").lower() if options["output"] else ""
        kind = (options["format"] or suffix or "json").lower()
        if kind not in FORMATS:
            raise CommandError(
                _("Invalid format “%(value)s”: choose json or csv.")
                % {"value": options["format"] or suffix}
            )
        if suffix and suffix != kind:
            raise CommandError(
                _("The file %(file)s does not end in .%(kind)s.")
                % {"file": Path(options["output"]).name, "kind": kind}
            )
        root = base.resolve_root(options["org"])
        results = within(AnnualResult.objects.all(), root.path)
        count = national_rows(year, results).count()
        if not count:
            raise CommandError(
                _("No finalised annual result of %(year)s in %(org)s.")
                % {"year": year, "org": root.name}
            )
        content = (
            national_json(year, results, root) if kind == "json" else national_csv(year, results)
        )
        base.write_output(options["output"], content, self.stdout)
        if options["output"]:
            self.stdout.write(
                _("Wrote %(file)s: %(n)s people, %(org)s, year %(year)s.")
                % {"file": options["output"], "n": count, "org": root.name, "year": year}
            )
