"""`canbo export --period 2026-10|2026 --org ORG --format xlsx|docx -o FILE`.

A month: xlsx is the unit's summary table; docx is ONE document holding every person's
monthly form, each starting on a new page (a section per person), ready to print and sign.
A year: xlsx is the annual report of the unit's agency (summary, results, lists); docx holds
every person's annual form, a page each.
The command is an operator's tool: it reads every row of the unit, without a user's scope.
"""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core.access import within
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.org.lookup import OrganizationNotFound, find_organization
from canbo.reports.annual_report import agencies_under, annual_report, missing_months
from canbo.reports.docx_annual import annual_document
from canbo.reports.docx_common import agency_of
from canbo.reports.docx_sheet import sheets_document
from canbo.reports.selection import ANNUAL_RELATED, annual_months, sheet_tasks, unit_sheets
from canbo.reports.xlsx_annual import annual_workbook
from canbo.reports.xlsx_unit import unit_workbook
from canbo.work.choices import ScoreKind
from canbo.work.errors import WorkError
from canbo.work.models import Task
from canbo.work.periods import parse_period

FORMATS = ("xlsx", "docx")


def annual_export(year: int, organization, kind: str) -> tuple[bytes, int]:
    """The year's file for the people of the organisation's subtree, and how many."""
    results = within(
        AnnualResult.objects.filter(year=year), organization.path, "person__organization__path"
    )
    if not results.exists():
        raise CommandError(
            _("No annual result of %(year)s in %(org)s: compute the annual classification first.")
            % {"year": year, "org": organization.name}
        )
    if kind == "xlsx":
        report = annual_report(
            year, agencies_under(year, agency_of(organization), results), results
        )
        content = annual_workbook(
            report, missing_months(year, report), organization.name, with_people=True
        )
    else:
        rows = results.select_related(*ANNUAL_RELATED).order_by(
            "person__organization__path", "person__search_key"
        )
        sheets = EvaluationSheet.objects.all()
        content = annual_document((row, annual_months(sheets, row)) for row in rows)
    return content, results.count()


def parse_month(text: str) -> date | int:
    """A month (2026-10) as its first day, or a year (2026) as a number (work.periods reads
    both; a quarter has no table here)."""
    try:
        period = parse_period(text)
    except WorkError:
        period = None
    if period is not None and period.kind == ScoreKind.MONTH:
        return period.start
    if period is not None and period.kind == ScoreKind.YEAR:
        return period.start.year
    raise CommandError(
        _(
            "Invalid period “%(value)s”: write the month as YYYY-MM, "
            "e.g. 2026-10, or the year as YYYY."
        )
        % {"value": text}
    )


class Command(BaseCommand):
    @property
    def help(self) -> str:  # a str: argparse cannot format a lazy translation
        return _(
            "Export a unit's monthly (or annual) evaluation: the summary table "
            "(xlsx) or every person's form in one document, a page each (docx)."
        )

    def add_arguments(self, parser):
        # Not `required=True`: argparse would answer a missing value in English.
        parser.add_argument("--period", default="", help="YYYY-MM | YYYY")
        parser.add_argument("--org", default="", help=gettext_lazy("electronic code or exact name"))
        parser.add_argument("--format", default="", help="xlsx | docx")
        parser.add_argument("-o", "--output", default="", help=gettext_lazy("file to write"))

    def handle(self, *args, **options):
        translation.activate("vi")
        if not (options["period"] and options["org"] and options["output"]):
            raise CommandError(
                _(
                    "Give --period YYYY-MM (or YYYY), --org ORG and -o FILE "
                    "(and --format xlsx|docx)."
                )
            )
        month = parse_month(options["period"])
        organization = self._organization(options["org"])
        output = Path(options["output"])
        kind = self._format(options["format"], output)
        if not output.parent.is_dir():
            raise CommandError(
                _("The folder %(folder)s does not exist.") % {"folder": output.parent}
            )
        if isinstance(month, int):
            content, count = annual_export(month, organization, kind)
            self._write(
                output,
                content,
                _("Wrote %(file)s: %(n)s people, %(org)s, year %(year)s.")
                % {"file": output, "n": count, "org": organization.name, "year": month},
            )
            return
        sheets = list(unit_sheets(EvaluationSheet.objects.all(), organization, month))
        if not sheets:
            raise CommandError(
                _("No evaluation sheet of %(month)s in %(org)s: is the period open?")
                % {"month": f"{month:%m/%Y}", "org": organization.name}
            )
        if kind == "xlsx":
            content = unit_workbook(organization, month, sheets)
        else:
            content = sheets_document((s, sheet_tasks(Task.objects.all(), s)) for s in sheets)
        self._write(
            output,
            content,
            _("Wrote %(file)s: %(n)s people, %(org)s, month %(month)s.")
            % {
                "file": output,
                "n": len(sheets),
                "org": organization.name,
                "month": f"{month:%m/%Y}",
            },
        )

    def _write(self, output: Path, content: bytes, message: str) -> None:
        try:
            output.write_bytes(content)
        except OSError as exc:
            raise CommandError(
                _("Cannot write %(file)s: %(error)s") % {"file": output, "error": exc.strerror}
            ) from None
        self.stdout.write(message)

    def _organization(self, ref: str):
        try:
            return find_organization(ref.strip())
        except OrganizationNotFound as exc:
            raise CommandError(str(exc)) from None

    def _format(self, given: str, output: Path) -> str:
        kind = (given or output.suffix.lstrip(".")).lower()
        if kind not in FORMATS:
            raise CommandError(
                _("Invalid format “%(value)s”: choose xlsx or docx.")
                % {"value": given or output.suffix}
            )
        if output.suffix and output.suffix.lstrip(".").lower() != kind:
            raise CommandError(
                _("The file %(file)s does not end in .%(kind)s.")
                % {"file": output.name, "kind": kind}
            )
        return kind
