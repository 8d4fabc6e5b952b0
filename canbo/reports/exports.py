"""The province-wide annual .xlsx, built in the background with its progress.

`request_export` records the job and enqueues `build_export` once the transaction commits
(the immediate backend of the demo and the tests runs it at once; the database backend's
`canbo db_worker` in production). The task takes the job's id, works with the requester's
own scope (`visible_to(job.user)`), writes the file under MEDIA_ROOT/exports/ and marks each
step on the job row, which the progress page reads.
"""

import logging
import secrets
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django_tasks import task

from canbo.core import audit
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.org.models import Organization
from canbo.reports.annual_report import agencies_under, annual_report, missing_months
from canbo.reports.models import ExportJob, ExportStatus
from canbo.reports.xlsx_annual import annual_workbook

logger = logging.getLogger(__name__)
KEEP_PER_USER = 5


def exports_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "exports"


def request_export(user, year: int, root: Organization) -> ExportJob:
    job = ExportJob.objects.create(
        user=user,
        year=year,
        organization=root,
        file_name=f"xep-loai-nam-{year}-{slugify(root.code or root.name)}.xlsx",
    )
    audit.record(user, "reports.request_export", job, after={"year": year, "org": root.pk})
    _prune(user)
    transaction.on_commit(partial(build_export.enqueue, job.pk))
    return job


def _prune(user) -> None:
    """Keep a user's last KEEP_PER_USER exports; older ones go, with their files."""
    old = list(ExportJob.objects.filter(user=user).order_by("-created_at", "-id")[KEEP_PER_USER:])
    for job in old:
        if job.stored_as:
            (exports_dir() / Path(job.stored_as).name).unlink(missing_ok=True)
    ExportJob.objects.filter(pk__in=[job.pk for job in old]).delete()


def _step(job: ExportJob, progress: int, step: str, **fields) -> None:
    ExportJob.objects.filter(pk=job.pk).update(
        progress=progress, step=step, heartbeat_at=timezone.now(), **fields
    )


@task()
def build_export(job_id: int) -> None:
    job = ExportJob.objects.select_related("user", "organization").get(pk=job_id)
    started = ExportJob.objects.filter(pk=job.pk, status=ExportStatus.QUEUED).update(
        status=ExportStatus.RUNNING, progress=5, step="start", heartbeat_at=timezone.now()
    )
    if not started:  # already taken by another worker, or finished
        return
    try:
        path = _build(job)
    except Exception:
        logger.exception("export %s failed", job.pk)
        _step(job, 100, "failed", status=ExportStatus.FAILED, finished_at=timezone.now())
        return
    _step(
        job, 100, "done", status=ExportStatus.DONE, stored_as=path.name, finished_at=timezone.now()
    )


def _build(job: ExportJob) -> Path:
    user, year, root = job.user, job.year, job.organization
    results = AnnualResult.objects.visible_to(user)
    _step(job, 15, "agencies")
    agencies = agencies_under(year, root, results)
    _step(job, 35, "report")
    report = annual_report(year, agencies, results)
    _step(job, 60, "months")
    missing = missing_months(year, report, EvaluationSheet.objects.visible_to(user))
    _step(job, 80, "workbook")
    content = annual_workbook(report, missing, root.name)
    folder = exports_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{job.pk}-{secrets.token_hex(8)}.xlsx"
    path.write_bytes(content)
    return path


def export_file(job: ExportJob) -> Path | None:
    """The stored file of a finished job, if it is still there."""
    if job.status != ExportStatus.DONE or not job.stored_as:
        return None
    path = exports_dir() / Path(job.stored_as).name
    return path if path.is_file() else None
