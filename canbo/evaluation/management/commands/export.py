"""`canbo export --period 2026-10 --org ORG --format xlsx|docx -o FILE`.

xlsx: the unit's summary table. docx: ONE document holding every person's monthly form,
each starting on a new page (a section per person), ready to print and sign in one go.
The command is an operator's tool: it reads every row of the unit, without a user's scope.
"""

import re
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.evaluation.models import EvaluationSheet
from canbo.integration.services import ClientError, find_organization
from canbo.reports.docx_sheet import sheets_document
from canbo.reports.selection import sheet_tasks, unit_sheets
from canbo.reports.xlsx_unit import unit_workbook
from canbo.work.models import Task

FORMATS = ("xlsx", "docx")


def parse_month(text: str) -> date:
    match = re.fullmatch(r"(\d{4})-(\d{1,2})", (text or "").strip())
    try:
        if match:
            return date(int(match[1]), int(match[2]), 1)
    except ValueError:
        pass
    raise CommandError(_("Invalid period “%(value)s”: write the month as YYYY-MM, "
                         "e.g. 2026-10.") % {"value": text})


class Command(BaseCommand):
    help = gettext_lazy("Export a unit's monthly evaluation: the summary table (xlsx) or every "
             "person's sheet in one document, a page each (docx).")

    def add_arguments(self, parser):
        # Not `required=True`: argparse would answer a missing value in English.
        parser.add_argument("--period", default="", help="YYYY-MM")
        parser.add_argument("--org", default="", help=gettext_lazy("electronic code or exact name"))
        parser.add_argument("--format", default="", help="xlsx | docx")
        parser.add_argument("-o", "--output", default="", help=gettext_lazy("file to write"))

    def handle(self, *args, **options):
        translation.activate("vi")
        if not (options["period"] and options["org"] and options["output"]):
            raise CommandError(_("Give --period YYYY-MM, --org ORG and -o FILE "
                                 "(and --format xlsx|docx)."))
        month = parse_month(options["period"])
        organization = self._organization(options["org"])
        output = Path(options["output"])
        kind = self._format(options["format"], output)
        if not output.parent.is_dir():
            raise CommandError(_("The folder %(folder)s does not exist.")
                               % {"folder": output.parent})
        sheets = list(unit_sheets(EvaluationSheet.objects.all(), organization, month))
        if not sheets:
            raise CommandError(_("No evaluation sheet of %(month)s in %(org)s: is the period "
                                 "open?") % {"month": f"{month:%m/%Y}",
                                             "org": organization.name})
        if kind == "xlsx":
            content = unit_workbook(organization, month, sheets)
        else:
            content = sheets_document((s, sheet_tasks(Task.objects.all(), s)) for s in sheets)
        try:
            output.write_bytes(content)
        except OSError as exc:
            raise CommandError(_("Cannot write %(file)s: %(error)s")
                               % {"file": output, "error": exc.strerror}) from None
        self.stdout.write(_("Wrote %(file)s: %(n)s people, %(org)s, month %(month)s.") % {
            "file": output, "n": len(sheets), "org": organization.name,
            "month": f"{month:%m/%Y}"})

    def _organization(self, ref: str):
        try:
            return find_organization(ref.strip())
        except ClientError as exc:
            raise CommandError(str(exc)) from None

    def _format(self, given: str, output: Path) -> str:
        kind = (given or output.suffix.lstrip(".")).lower()
        if kind not in FORMATS:
            raise CommandError(_("Invalid format “%(value)s”: choose xlsx or docx.")
                               % {"value": given or output.suffix})
        if output.suffix and output.suffix.lstrip(".").lower() != kind:
            raise CommandError(_("The file %(file)s does not end in .%(kind)s.")
                               % {"file": output.name, "kind": kind})
        return kind
