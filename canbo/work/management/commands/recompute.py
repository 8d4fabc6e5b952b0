"""`canbo recompute --period 2026-10 [--org CODE]`: recompute stored task scores;
`canbo recompute --jobs`: the latest runs (a run whose process died shows as interrupted)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from canbo.org.models import Organization
from canbo.work.choices import JobStatus
from canbo.work.errors import WorkError
from canbo.work.models import RecomputeJob
from canbo.work.periods import parse_period
from canbo.work.recompute import interrupt_stale_jobs, recompute


class Command(BaseCommand):
    help = "Recompute the task scores of a month (2026-10), quarter (2026-Q3) or year (2026)."

    def add_arguments(self, parser):
        parser.add_argument("--period", default=None, help="2026-10, 2026-Q3 or 2026")
        parser.add_argument("--org", default="", help="electronic code of an organisation")
        parser.add_argument("--jobs", action="store_true", help="list the latest runs")

    def handle(self, *args, period: str | None, org: str, jobs: bool = False, **options):
        if jobs:
            return self._jobs()
        if period is None:
            raise CommandError(_("--period (e.g. 2026-10) or --jobs is needed."))
        try:
            parsed = parse_period(period)
        except WorkError as exc:
            raise CommandError(exc.message) from None
        organization = self._org(org.strip()) if org.strip() else None
        job = recompute(parsed, organization)
        if job.status != JobStatus.DONE:
            details = "; ".join(e["message"] for e in job.errors)
            raise CommandError(
                _("Recomputing period %(period)s failed (run #%(run)s): %(details)s")
                % {"period": job.period, "run": job.pk, "details": details}
            )
        done = {"period": job.period, "rows": job.rows, "run": job.pk}
        if organization:
            message = _(
                "Recomputed period %(period)s of %(org)s: %(rows)s result rows (run #%(run)s)."
            ) % {**done, "org": organization.name}
        else:
            message = _("Recomputed period %(period)s: %(rows)s result rows (run #%(run)s).") % done
        self.stdout.write(message)
        if job.locked:
            self.stdout.write(
                _(
                    "Skipped %(count)s locked months (per civil servant): the stored scores "
                    "of these months are kept."
                )
                % {"count": job.locked}
            )

    def _jobs(self) -> None:
        """The latest runs; a run left "running" by a dead process shows as interrupted."""
        interrupt_stale_jobs()
        translation.activate(settings.LANGUAGE_CODE)
        for job in RecomputeJob.objects.select_related("organization")[:20]:
            where = f" {job.organization.code}" if job.organization else ""
            note = "; ".join(e["message"] for e in job.errors)
            self.stdout.write(
                f"#{job.pk} {job.period}{where} "
                f"{timezone.localtime(job.started_at):%d/%m/%Y %H:%M} "
                f"{job.get_status_display()} "
                + _("%(rows)s rows") % {"rows": job.rows}
                + (f" — {note}" if note else "")
            )

    def _org(self, code: str) -> Organization:
        found = Organization.objects.filter(code=code).first()
        if found is None:
            raise CommandError(_("No unit has the identifier code “%(code)s”.") % {"code": code})
        return found
