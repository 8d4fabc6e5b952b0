"""`canbo annual-report --year 2026 [--org ORG] --format json|xlsx|docx [-o FILE]`.

The annual classification of a commune (or of every commune under ORG, the province by
default): counts per level per group against the quota, and each person's result. JSON goes
to stdout without -o. An operator's tool: it reads every row, without a user's scope.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.org.lookup import OrganizationNotFound, find_organization
from canbo.org.models import Organization
from canbo.reports.annual_report import agencies_under, annual_report, missing_months
from canbo.reports.docx_annual_report import annual_report_document
from canbo.reports.docx_common import agency_of
from canbo.reports.xlsx_annual import annual_workbook

FORMATS = ("json", "xlsx", "docx")


def parse_year(text: str) -> int:
    text = (text or "").strip()
    if not (text.isdigit() and len(text) == 4 and 2000 <= int(text) <= 2100):
        raise CommandError(
            _("Invalid year “%(value)s”: write it as YYYY, e.g. 2026.") % {"value": text}
        )
    return int(text)


def resolve_root(ref: str) -> Organization:
    """ORG (electronic code or exact name), or the province when not given."""
    if not ref.strip():
        root = Organization.objects.order_by("depth", "path").first()
        if root is None:
            raise CommandError(_("No organisation in the database."))
        return root
    try:
        return agency_of(find_organization(ref.strip()))
    except OrganizationNotFound as exc:
        raise CommandError(str(exc)) from None


def write_output(output: str, content: bytes, stdout) -> None:
    if not output:
        stdout.write(content.decode(), ending="")
        return
    path = Path(output)
    if not path.parent.is_dir():
        raise CommandError(_("The folder %(folder)s does not exist.") % {"folder": path.parent})
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise CommandError(
            _("Cannot write %(file)s: %(error)s") % {"file": path, "error": exc.strerror}
        ) from None


class Command(BaseCommand):
    help = gettext_lazy(
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
        kind = self._format(options["format"], options["output"])
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

    def _format(self, given: str, output: str) -> str:
        suffix = Path(output).suffix.lstrip(".").lower() if output else ""
        kind = (given or suffix or "json").lower()
        if kind not in FORMATS:
            raise CommandError(
                _("Invalid format “%(value)s”: choose json, xlsx or docx.")
                % {"value": given or suffix}
            )
        if kind != "json" and not output:
            raise CommandError(_("The %(kind)s format needs -o FILE.") % {"kind": kind})
        if suffix and suffix != kind:
            raise CommandError(
                _("The file %(file)s does not end in .%(kind)s.")
                % {"file": Path(output).name, "kind": kind}
            )
        return kind
