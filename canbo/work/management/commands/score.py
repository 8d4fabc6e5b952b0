"""`canbo score [FILE]`: score a JSON case (or list, or year) with the pure rules."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from canbo.scoring import ScoringInputError, run_json


class Command(BaseCommand):
    help = "Score a JSON case read from FILE or standard input and print the result as JSON."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default="-", help="JSON file, or - for stdin")

    def handle(self, *args, file: str, **options):
        data = self._read(file)
        try:
            result = run_json(data)
        except ScoringInputError as exc:
            raise CommandError(
                _("Invalid data in field %(field)s: %(message)s")
                % {"field": exc.field, "message": exc.message}
            ) from None
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _read(self, file: str):
        try:
            text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()
        except OSError as exc:
            raise CommandError(
                _("Cannot read file %(file)s: %(error)s") % {"file": file, "error": exc.strerror}
            ) from None
        except UnicodeDecodeError:
            raise CommandError(_("File %(file)s is not UTF-8 text.") % {"file": file}) from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(
                _("Invalid JSON (line %(line)s, column %(column)s): %(error)s")
                % {"line": exc.lineno, "column": exc.colno, "error": exc.msg}
            ) from None
