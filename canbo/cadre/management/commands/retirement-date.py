"""Print the retirement date for a date (or year) of birth and a gender."""

import re
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.core.text import fold
from canbo.people.retirement import FEMALE, MALE, effective_birth, retirement_date

# Keys are folded (lowercase, no accents): "Nữ" is read as "nu".
GENDERS = {"male": MALE, "nam": MALE, "female": FEMALE, "nu": FEMALE}


def parse_birth(text: str) -> date:
    """YYYY-MM-DD, or YYYY alone (counted from 1 January)."""
    text = (text or "").strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return effective_birth(None, int(text))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise CommandError(
        _("Invalid date of birth “%(value)s”: write YYYY-MM-DD or YYYY.") % {"value": text}
    )


def parse_gender(text: str) -> str:
    gender = GENDERS.get(fold(text))
    if gender is None:
        raise CommandError(_("Invalid gender “%(value)s”: write male or female.") % {"value": text})
    return gender


class Command(BaseCommand):
    help = "Print the retirement date (Labour Code 2019 Art. 169, Decree 135/2020/ND-CP)."

    def add_arguments(self, parser):
        # Not `required=True`: argparse would answer a missing value in English.
        parser.add_argument("--born", default="", help="YYYY-MM-DD or YYYY")
        parser.add_argument("--gender", default="", help="male | female")

    def handle(self, *args, **options):
        if not options["born"] or not options["gender"]:
            raise CommandError(_("Give both --born YYYY-MM-DD|YYYY and --gender male|female."))
        born, gender = parse_birth(options["born"]), parse_gender(options["gender"])
        if born.year < 1900 or born > date.today():
            raise CommandError(
                _("The date of birth %(value)s is out of range.")
                % {"value": born.strftime("%d/%m/%Y")}
            )
        retire = retirement_date(born, gender)
        self.stdout.write(
            _("Retirement date: %(date)s (%(iso)s)")
            % {"date": retire.strftime("%d/%m/%Y"), "iso": retire.isoformat()}
        )
