"""Shared body of `canbo import-tasks` and `canbo import-people`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from canbo.integration.imports.batches import check_rows, summary, write_rows, wrote
from canbo.integration.imports.reader import MAX_BYTES, RowResult, SheetError
from canbo.integration.imports.scope import Actor
from canbo.integration.services import ClientError, find_organization
from canbo.work.errors import WorkError


def refuse_bad_rows(results: list[RowResult]) -> None:
    """Stop the command (exit status 1) when any row has errors: nothing is written."""
    bad = sum(bool(r.errors) for r in results)
    if bad:
        raise CommandError(
            ngettext(
                "%(count)s row has errors: no row was written.",
                "%(count)s rows have errors: no row was written.",
                bad,
            )
            % {"count": bad},
            returncode=1,
        )


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
        refuse_bad_rows(results)
        if dry_run:
            self.stdout.write(_("Trial run (--dry-run): nothing written."))
            return
        try:
            written = write_rows(actor, self.kind, results)
        except WorkError as exc:
            raise CommandError(
                _("%(error)s No row was written.") % {"error": exc.message}
            ) from None
        self.stdout.write(wrote(written))

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
            raise CommandError(
                _("Cannot read the file %(path)s: %(reason)s.")
                % {"path": path, "reason": exc.strerror}
            ) from None
        try:
            return check_rows(actor, self.kind, content)
        except SheetError as exc:
            raise CommandError(
                _("%(file)s: %(error)s No row was written.")
                % {"file": path.name, "error": exc.message}
            ) from None
