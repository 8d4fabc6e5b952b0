"""Shared body of `canbo import-tasks` and `canbo import-people`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canbo.integration.imports.batches import check_rows, summary, write_rows
from canbo.integration.imports.reader import MAX_BYTES, SheetError
from canbo.integration.imports.scope import Actor
from canbo.integration.services import ClientError, find_organization
from canbo.work.errors import WorkError


class SheetCommand(BaseCommand):
    kind = ""

    def add_arguments(self, parser):
        parser.add_argument("file", help=".xlsx or .csv (UTF-8, ; or , separated)")
        parser.add_argument(
            "--dry-run", action="store_true", help="check and print the report, write nothing"
        )
        parser.add_argument(
            "--org", help="only people of this organisation (electronic code or exact name)"
        )

    def handle(self, *args, file, dry_run, org, **options):
        actor = self._actor(org)
        results = self._check(actor, Path(file))
        for result in results:
            self.stdout.write(result.line())
        self.stdout.write(summary(results))
        bad = sum(bool(r.errors) for r in results)
        if bad:
            raise CommandError(f"{bad} dòng có lỗi: không dòng nào được ghi.", returncode=1)
        if dry_run:
            self.stdout.write("Chạy thử (--dry-run): không ghi gì.")
            return
        try:
            written = write_rows(actor, self.kind, results)
        except WorkError as exc:
            raise CommandError(f"{exc.message} Không dòng nào được ghi.") from None
        self.stdout.write(f"Đã ghi {written} dòng.")

    def _actor(self, org: str | None) -> Actor:
        try:
            return Actor(None, find_organization(org) if org else None)
        except ClientError as exc:
            raise CommandError(str(exc)) from None

    def _check(self, actor: Actor, path: Path):
        try:
            with path.open("rb") as handle:
                content = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"Không đọc được tệp {path}: {exc.strerror}.") from None
        try:
            return check_rows(actor, self.kind, content)
        except SheetError as exc:
            raise CommandError(f"{path.name}: {exc.message} Không dòng nào được ghi.") from None
