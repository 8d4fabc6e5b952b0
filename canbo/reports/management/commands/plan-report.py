"""`canbo plan-report --format json|xlsx|docx [--as-of YYYY-MM-DD] [-o FILE]`.

Where every action of the plan implementing Resolution 05-NQ/TU stands on a date (today by
default): status, overdue flag against that date, live indicators. JSON goes to stdout
without -o; the .docx is the periodic report ready to sign, the .xlsx the table beside it.
"""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.oversight.models import PlanAction
from canbo.oversight.report_table import plan_workbook
from canbo.oversight.tracking import plan_states, report_data
from canbo.reports.command_args import output_format, write_output
from canbo.reports.plan_report import plan_document, report_for


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(
            _("Invalid date “%(value)s”: write it as YYYY-MM-DD, e.g. 2026-11-30.")
            % {"value": text}
        ) from None


class Command(BaseCommand):
    @property
    def help(self) -> str:
        return _("Report where every action of the plan 05-NQ/TU stands (json, xlsx or docx).")

    def add_arguments(self, parser):
        parser.add_argument("--format", default="", help="json | xlsx | docx")
        parser.add_argument("--as-of", default="", help="YYYY-MM-DD")
        parser.add_argument("-o", "--output", default="", help=gettext_lazy("file to write"))

    def handle(self, *args, **options):
        translation.activate("vi")
        as_of = parse_day(options["as_of"]) if options["as_of"] else timezone.localdate()
        kind = output_format(options["format"], options["output"])
        if not PlanAction.objects.exists():
            raise CommandError(
                _("The plan's actions are not loaded: run canbo seed-demo or load the plan first.")
            )
        if kind == "json":
            data = report_data(as_of)
            content = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()
        else:
            states = plan_states(PlanAction.objects.all(), as_of)
            content = (
                plan_workbook(as_of, states)
                if kind == "xlsx"
                else plan_document(as_of, report_for(as_of), states)
            )
        write_output(options["output"], content, self.stdout)
        if options["output"]:
            self.stdout.write(
                _("Wrote %(file)s: plan 05-NQ/TU as of %(date)s.")
                % {"file": options["output"], "date": f"{as_of:%d/%m/%Y}"}
            )
