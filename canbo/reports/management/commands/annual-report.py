"""`canbo annual-report --year 2026 [--org ORG] --format json|xlsx|docx [-o FILE]`.

The annual classification of a commune (or of every commune under ORG, the province by
default): counts per level per group against the quota, and each person's result. JSON goes
to stdout without -o. An operator's tool: it reads every row, without a user's scope.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.reports.annual_report import agencies_under, annual_report, missing_months
from canbo.reports.command_args import output_format, parse_year, resolve_root, write_output
from canbo.reports.docx_annual_report import annual_report_document
from canbo.reports.xlsx_annual import annual_workbook


class Command(BaseCommand):
    @property
    def help(self) -> str:  # a str: argparse cannot format a lazy translation
        return _(
            "Export the annual classification report of a commune or of the "
            "province (json, xlsx or docx)."
        )

    def add_arguments(self, parser):
        parser.add_argument("--year", default="", help="YYYY")
        parser.add_argument("--org", default="", help=gettext_lazy("electronic code or exact name"))
        parser.add_argument("--format", default="", help="json | xlsx | docx")
        parser.add_argument("-o", "--output", default="", help=gettext_lazy("file to write"))

    def handle(self, *args, **options):
        translation.activate("vi")
        year = parse_year(options["year"])
        kind = output_format(options["format"], options["output"])
        root = resolve_root(options["org"])
        report = annual_report(year, agencies_under(year, root))
        if not report["organizations"]:
            raise CommandError(
                _(
                    "No annual result of %(year)s in %(org)s: compute the annual "
                    "classification first."
                )
                % {"year": year, "org": root.name}
            )
        if kind == "json":
            content = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode()
        elif kind == "xlsx":
            content = annual_workbook(report, missing_months(year, report), root.name)
        else:
            content = annual_report_document(report, missing_months(year, report), root)
        write_output(options["output"], content, self.stdout)
        if options["output"]:
            people = sum(len(org["people"]) for org in report["organizations"])
            self.stdout.write(
                _("Wrote %(file)s: %(n)s people, %(org)s, year %(year)s.")
                % {"file": options["output"], "n": people, "org": root.name, "year": year}
            )
