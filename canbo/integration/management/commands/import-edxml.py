"""`canbo import-edxml FILE... [--org ORG]`: import edXML packets, one transaction per file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from canbo.integration.edxml_import import import_edxml
from canbo.integration.imports.scope import Actor
from canbo.integration.services import ClientError, find_organization


class Command(BaseCommand):
    help = ("Import edXML packets (documents, then their status packets). Prints one report "
            "per file; exits non-zero when a file is rejected.")

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="edXML files, applied in the given order")
        parser.add_argument("--org", help="limit to this organisation (electronic code or "
                                          "exact name)")

    def handle(self, *args, files, org, **options):
        try:
            actor = Actor(None, find_organization(org) if org else None)
        except ClientError as exc:
            raise CommandError(str(exc)) from None
        failed = 0
        for name in files:
            ok = self._import_one(actor, Path(name))
            failed += not ok
        self.stdout.write(f"Tổng: {len(files)} tệp, {len(files) - failed} thành công, "
                          f"{failed} bị từ chối.")
        if failed:
            raise CommandError(f"{failed} tệp bị từ chối (xem báo cáo ở trên).", returncode=1)

    def _import_one(self, actor: Actor, path: Path) -> bool:
        try:
            with path.open("rb") as handle:
                report = import_edxml(actor, handle, path.name, "command import-edxml")
        except OSError as exc:
            self.stdout.write(f"{path.name}: Không đọc được tệp ({exc.strerror}).")
            return False
        for line in report.lines():
            self.stdout.write(line)
        return report.ok
