"""A recompute whose process was killed stays "running" no more (issue 11 #9)."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from canbo.work.choices import JobStatus
from canbo.work.models import RecomputeJob


def _left_running(minutes: int) -> RecomputeJob:
    """A job row as a killed process leaves it: running, started `minutes` ago."""
    job = RecomputeJob.objects.create(period="2026-10")
    RecomputeJob.objects.filter(pk=job.pk).update(
        started_at=timezone.now() - timedelta(minutes=minutes)
    )
    return job


def test_a_new_run_marks_dead_runs_interrupted(world, capsys):
    dead, alive = _left_running(11), _left_running(1)
    call_command("recompute", period="2026-10")
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.status == JobStatus.INTERRUPTED and dead.finished_at is not None
    assert "gián đoạn" in dead.errors[0]["message"]
    assert alive.status == JobStatus.RUNNING
    assert RecomputeJob.objects.filter(status=JobStatus.DONE).count() == 1
    capsys.readouterr()
    call_command("recompute", jobs=True)
    listing = capsys.readouterr().out
    line = next(x for x in listing.splitlines() if x.startswith(f"#{dead.pk} "))
    assert "Bị gián đoạn" in line and "không có điểm nào bị thay đổi" in line


def test_the_jobs_list_shows_a_dead_run_without_a_new_run(world, capsys, settings):
    settings.STALE_JOB_MINUTES = 60
    dead = _left_running(61)
    call_command("recompute", jobs=True)
    dead.refresh_from_db()
    assert dead.status == JobStatus.INTERRUPTED
    assert "Bị gián đoạn" in capsys.readouterr().out
