"""`canbo score [FILE]`: score a JSON case (or list, or year) with the pure rules."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

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
                f"Dữ liệu không hợp lệ ở trường {exc.field}: {exc.message}"
            ) from None
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def _read(self, file: str):
        try:
            text = sys.stdin.read() if file == "-" else open(file, encoding="utf-8").read()
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {file}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise CommandError(f"Tệp {file} không phải văn bản UTF-8.") from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"JSON không hợp lệ (dòng {exc.lineno}, cột {exc.colno}): {exc.msg}"
            ) from None
