"""`canbo import-edxml FILE... [--org ORG]`: import edXML packets, one transaction per file.

`canbo import-edxml --watch DIR [--once] [--interval SECONDS]`: a drop folder for systems that
can only write files. Each pass imports the `*.xml` / `*.edxml` files of DIR in name order and
moves each one to DIR/done/ (imported, or kept waiting for its document or its handler) or to
DIR/failed/ (refused; the report is written beside it as NAME.log). Other names are left
alone: a sender writes NAME.part and renames it when the file is complete.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections
from django.utils.translation import gettext as _

from canbo.integration.edxml.importer import import_edxml
from canbo.integration.edxml.report import PacketReport
from canbo.integration.imports.scope import Actor
from canbo.integration.services import ClientError, find_organization

PATTERNS = ("*.xml", "*.edxml")
WAITING = ("pending", "needs_person")  # kept: applied when the document or the person is known
REFUSED = ("rejected", "invalid")


class Command(BaseCommand):
    help = (
        "Import edXML packets (documents, then their status packets). Prints one report "
        "per file; exits non-zero when a file is rejected. With --watch, imports the files "
        "dropped into a folder."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="edXML files, applied in the given order")
        parser.add_argument(
            "--org", help="limit to this organisation (electronic code or exact name)"
        )
        parser.add_argument(
            "--watch",
            metavar="DIR",
            help="import the files dropped into DIR, moving them to DIR/done or DIR/failed",
        )
        parser.add_argument("--once", action="store_true", help="with --watch: one pass, then exit")
        parser.add_argument(
            "--interval",
            type=float,
            default=10.0,
            help="with --watch: seconds between passes (default 10)",
        )

    def handle(self, *args, files, org, watch, once, interval, **options):
        try:
            actor = Actor(None, find_organization(org) if org else None)
        except ClientError as exc:
            raise CommandError(str(exc)) from None
        if watch:
            return self._watch(actor, Path(watch), once, max(interval, 0.1))
        if not files:
            raise CommandError(_("At least one edXML file is needed, or --watch FOLDER."))
        outcomes = [self._import_one(actor, Path(name)).outcome for name in files]
        waiting = sum(outcome in WAITING for outcome in outcomes)
        failed = sum(outcome in REFUSED for outcome in outcomes)
        self.stdout.write(
            _("Total: %(files)s files, %(ok)s succeeded, %(waiting)s waiting, %(failed)s rejected.")
            % {
                "files": len(files),
                "ok": len(files) - failed - waiting,
                "waiting": waiting,
                "failed": failed,
            }
        )
        if failed:
            raise CommandError(
                _("%(count)s files rejected (see the report above).") % {"count": failed},
                returncode=1,
            )

    def _import_one(self, actor: Actor, path: Path) -> PacketReport:
        try:
            with path.open("rb") as handle:
                report = import_edxml(actor, handle, path.name, "command import-edxml")
        except OSError as exc:
            message = _("The file cannot be read (%(error)s).") % {"error": exc.strerror}
            report = PacketReport(path.name, "invalid", message)
        for line in report.lines():
            self.stdout.write(line)
        return report

    def _watch(self, actor: Actor, folder: Path, once: bool, interval: float) -> None:
        if not folder.is_dir():
            raise CommandError(_("There is no folder %(folder)s.") % {"folder": folder})
        for sub in ("done", "failed"):
            (folder / sub).mkdir(exist_ok=True)
        while True:
            self._pass(actor, folder)
            if once:
                return
            time.sleep(interval)
            close_old_connections()  # a long-running watcher must not keep a dead connection

    def _pass(self, actor: Actor, folder: Path) -> None:
        paths = sorted({p for pattern in PATTERNS for p in folder.glob(pattern) if p.is_file()})
        for path in paths:
            report = self._import_one(actor, path)
            kept = report.outcome not in REFUSED
            target = folder / ("done" if kept else "failed") / path.name
            path.replace(target)
            if not kept:
                target.with_name(f"{target.name}.log").write_text(
                    "\n".join(report.lines()) + "\n", encoding="utf-8"
                )
