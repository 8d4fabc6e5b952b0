"""`canbo finalise-year --year 2026 --org ORG`: compute and finalise the annual results.

Exit 0 when every commune of ORG is finalised; otherwise exit 1 with a Vietnamese message
naming each group over the cap (the communes within the cap are finalised all the same).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.services.annual import compute_annual, finalise_annual, over_cap_message
from canbo.integration.services import ClientError, find_organization


class Command(BaseCommand):
    # A plain string: argparse cannot format a lazy translation as the description.
    help = (
        "Compute the annual classification of an organisation and finalise every commune "
        "within the quota."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=0)
        parser.add_argument("--org", default="", help=gettext_lazy("electronic code or exact name"))
        parser.add_argument(
            "--no-compute",
            action="store_true",
            help=gettext_lazy("finalise the stored results without recomputing"),
        )

    def handle(self, *args, **options):
        translation.activate("vi")
        year, ref = options["year"], options["org"].strip()
        if not (2000 <= year <= 2100 and ref):
            raise CommandError(_("Give --year YYYY and --org ORG."))
        try:
            organization = find_organization(ref)
        except ClientError as exc:
            raise CommandError(str(exc)) from None
        try:
            if not options["no_compute"]:
                compute_annual(None, year, organization, operator=True)
            outcome = finalise_annual(None, year, organization, operator=True)
        except EvaluationError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(
            _("Finalised %(rows)s results of %(n)s communes for %(year)s.")
            % {"rows": outcome.rows, "n": len(outcome.finalised), "year": year}
        )
        if outcome.refused:
            raise CommandError(over_cap_message(outcome.refused))
