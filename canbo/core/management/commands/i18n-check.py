"""Fail when a Vietnamese translation is missing or the compiled catalogue is stale."""

import os
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

import canbo
from canbo.core.i18n_scan import load_baseline, over_baseline, scan


def _catalogue(mo_path: Path) -> dict[str, str]:
    if not mo_path.exists():
        return {}
    return {entry.msgid: entry.msgstr for entry in polib.mofile(str(mo_path))}


class Command(BaseCommand):
    help = "Update the Vietnamese catalogue, fail on missing translations, compile it."

    def handle(self, *args, **options):
        self._check_literals(Path(settings.LOCALE_PATHS[0]) / "hardcoded-baseline.json")
        locale_dir = Path(settings.LOCALE_PATHS[0]) / "vi" / "LC_MESSAGES"
        before = _catalogue(locale_dir / "django.mo")
        cwd = os.getcwd()
        os.chdir(settings.BASE_DIR)
        try:
            call_command("makemessages", locale=["vi"], no_location=True, verbosity=0)
        finally:
            os.chdir(cwd)
        po = polib.pofile(str(locale_dir / "django.po"))
        missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]
        if missing:
            listing = "\n".join(f"  - {msgid!r}" for msgid in missing)
            raise CommandError(
                f"{len(missing)} message(s) lack a Vietnamese translation:\n{listing}"
            )
        call_command("compilemessages", locale=["vi"], verbosity=0, ignore_patterns=[".venv/*"])
        if _catalogue(locale_dir / "django.mo") != before:
            raise CommandError(
                "The committed django.mo was stale: it is now recompiled; commit canbo/locale."
            )
        self.stdout.write(
            f"Vietnamese catalogue complete: {len(po.translated_entries())} messages."
        )

    def _check_literals(self, baseline_path: Path) -> None:
        """Fail on Vietnamese written into code beyond the shrinking baseline."""
        found = scan(Path(canbo.__file__).parent)
        over = over_baseline(found, load_baseline(baseline_path))
        if over:
            listing = "\n".join(f"  - {line}" for line in over)
            raise CommandError(
                "Vietnamese text written into code instead of an English msgid "
                f"with a translation in the catalogue:\n{listing}"
            )
