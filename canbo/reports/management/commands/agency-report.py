"""`canbo agency-report --year 2026 --format json|xlsx|docx [-o FILE]`.

The agency evaluation of every commune (issue 15's Contract): JSON to stdout without -o, one
row per commune, numbers as strings with 2 decimals, levels excellent|good|complete|fail.
The .docx holds every commune's form, one after the other. An operator's tool: it reads every
row, without a user's scope.
"""

import json
from io import BytesIO

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document

from canbo.agency.models import AgencyEvaluation
from canbo.agency.report import year_rows
from canbo.reports.agency_forms import agency_document, province_workbook
from canbo.reports.command_args import output_format, parse_year, write_output


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _("Export the agency evaluation of the communes (json, xlsx or docx).")

    def add_arguments(self, parser):
        parser.add_argument("--year", default="", help="YYYY")
        parser.add_argument("--format", default="", help="json | xlsx | docx")
        parser.add_argument("-o", "--output", default="", help=gettext_lazy("file to write"))

    def handle(self, *args, **options):
        translation.activate("vi")
        year = parse_year(options["year"])
        kind = output_format(options["format"], options["output"])
        rows = year_rows(year)
        if not rows:
            raise CommandError(
                _("No agency evaluation of %(year)s: recompute them first.") % {"year": year}
            )
        if kind == "json":
            content = (json.dumps(rows, ensure_ascii=False, indent=2) + "\n").encode()
        elif kind == "xlsx":
            content = province_workbook(year, rows)
        else:
            content = _all_forms(year, rows)
        write_output(options["output"], content, self.stdout)
        if options["output"]:
            self.stdout.write(
                _("Wrote %(file)s: %(n)s communes, year %(year)s.")
                % {"file": options["output"], "n": len(rows), "year": year}
            )


def _all_forms(year: int, rows: list[dict]) -> bytes:
    """Every commune's form in one document (each form's body appended)."""
    by_code = {
        e.organization.code or e.organization.name: e
        for e in AgencyEvaluation.objects.filter(year=year).select_related(
            "organization", "criteria_set"
        )
    }
    combined = None
    for row in rows:
        evaluation = by_code[row["code"] or row["name"]]
        part = Document(BytesIO(agency_document(evaluation, row)))
        if combined is None:
            combined = part
            continue
        combined.add_page_break()
        end = combined.element.body.sectPr
        for element in list(part.element.body):
            if not element.tag.endswith("sectPr"):
                end.addprevious(element)
    buffer = BytesIO()
    combined.save(buffer)
    return buffer.getvalue()
