"""Spreadsheet import batches: upload → check (preview) → confirm → write all rows or none.

The uploaded file is kept in the ImportBatch with its SHA-256; the confirmation re-reads and
re-checks that same content (the data may have changed since the preview). Checking and
writing run as background tasks (django-tasks: immediate in tests and the demo, a worker in
production); the batch row carries the progress the status page shows.
"""

import hashlib
import logging

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy
from django_tasks import task

from canbo.core import audit
from canbo.integration.imports.kinds import sheet_for
from canbo.integration.imports.models import BatchStatus, ImportBatch, stale_batches
from canbo.integration.imports.reader import RowResult, SheetError, read_rows
from canbo.integration.imports.scope import Actor
from canbo.org.models import Organization
from canbo.work.errors import WorkError

logger = logging.getLogger(__name__)


def check_rows(actor: Actor, kind: str, content: bytes, progress=None) -> list[RowResult]:
    """Read and check every row (raises SheetError when the file itself is unusable)."""
    sheet = sheet_for(kind)
    rows = read_rows(content, *sheet.headers())
    if progress:
        progress(0, len(rows))
    return sheet.rows.check(actor, rows, (lambda n: progress(n, len(rows))) if progress else None)


def write_rows(actor: Actor, kind: str, results: list[RowResult]) -> int:
    return sheet_for(kind).rows.write(actor, results)


def create_batch(
    user, kind: str, file_name: str, content: bytes, organization: Organization | None = None
) -> ImportBatch:
    batch = ImportBatch.objects.create(
        kind=kind,
        file_name=file_name[:255],
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        uploaded_by=user,
        organization=organization,
        heartbeat_at=timezone.now(),
    )
    audit.record(
        user,
        "integration.upload_batch",
        batch,
        after={"kind": kind, "file": batch.file_name, "sha256": batch.sha256},
    )
    validate_batch.enqueue(batch.pk)
    batch.refresh_from_db()
    return batch


def confirm_batch(user, batch: ImportBatch) -> ImportBatch:
    """Start writing a checked batch; only a batch waiting for confirmation can start."""
    started = ImportBatch.objects.filter(pk=batch.pk, status=BatchStatus.PREVIEW).update(
        status=BatchStatus.COMMITTING, processed_rows=0, heartbeat_at=timezone.now()
    )
    if not started:
        raise SheetError(_("This import is not waiting for confirmation."))
    audit.record(user, "integration.confirm_batch", batch)
    commit_batch.enqueue(batch.pk)
    batch.refresh_from_db()
    return batch


def discard_batch(user, batch: ImportBatch) -> None:
    """Discard a batch that is not written: waiting, refused, failed or interrupted."""
    ended = Q(status__in=[BatchStatus.PREVIEW, BatchStatus.INVALID, BatchStatus.FAILED])
    discarded = ImportBatch.objects.filter(ended | stale_batches(), pk=batch.pk).update(
        status=BatchStatus.DISCARDED, finished_at=timezone.now(), heartbeat_at=timezone.now()
    )
    if not discarded:
        raise SheetError(_("This import cannot be cancelled in its current state."))
    audit.record(user, "integration.discard_batch", batch)


def retry_batch(user, batch: ImportBatch) -> ImportBatch:
    """Run an interrupted check or write again from the stored file (all rows or none)."""
    restarted = ImportBatch.objects.filter(stale_batches(), pk=batch.pk).update(
        processed_rows=0, heartbeat_at=timezone.now()
    )
    if not restarted:
        raise SheetError(_("Only an interrupted import can be run again."))
    batch.refresh_from_db()
    audit.record(user, "integration.retry_batch", batch, after={"status": batch.status})
    if batch.status == BatchStatus.COMMITTING:
        commit_batch.enqueue(batch.pk)
    else:
        validate_batch.enqueue(batch.pk)
    batch.refresh_from_db()
    return batch


@task()
def validate_batch(batch_id: int) -> None:
    batch = ImportBatch.objects.get(pk=batch_id)
    results = _check(batch)
    if results is not None:
        errors = _store_report(batch, results)
        _set(
            batch,
            status=BatchStatus.INVALID if errors else BatchStatus.PREVIEW,
            message=summary(results),
        )


@task()
def commit_batch(batch_id: int) -> None:
    batch = ImportBatch.objects.get(pk=batch_id)
    try:
        _commit(batch)
    except Exception:  # a batch must never stay "writing" forever
        logger.exception("import batch %s failed", batch_id)
        _set(
            batch,
            status=BatchStatus.FAILED,
            finished_at=timezone.now(),
            message=_("Unexpected error while writing: no row was written."),
        )


def _commit(batch: ImportBatch) -> None:
    results = _check(batch)
    if results is None:
        return
    if _store_report(batch, results):
        _set(
            batch,
            status=BatchStatus.INVALID,
            message=_("The data changed since the preview: %(summary)s No row was written.")
            % {"summary": summary(results)},
        )
        return
    _set(batch, status=BatchStatus.COMMITTING)
    try:
        written = write_rows(_actor(batch), batch.kind, results)
    except WorkError as exc:
        _set(
            batch,
            status=BatchStatus.FAILED,
            finished_at=timezone.now(),
            message=_("%(error)s No row was written.") % {"error": exc.message},
        )
        return
    _set(
        batch,
        status=BatchStatus.COMMITTED,
        finished_at=timezone.now(),
        message=wrote(written) + " " + summary(results),
    )
    audit.record(
        batch.uploaded_by,
        "integration.commit_batch",
        batch,
        after={"written": written, "sha256": batch.sha256},
    )


def _check(batch: ImportBatch) -> list[RowResult] | None:
    def progress(done: int, total: int) -> None:
        _set(batch, processed_rows=done, total_rows=total)

    try:
        content = bytes(batch.content)
        if hashlib.sha256(content).hexdigest() != batch.sha256:
            raise SheetError(
                _("The stored file does not match its hash: please upload the file again.")
            )
        return check_rows(_actor(batch), batch.kind, content, progress)
    except SheetError as exc:
        # A refused file is not kept (its SHA-256 stays as the trace): it may be hostile.
        _set(
            batch,
            status=BatchStatus.INVALID,
            message=exc.message,
            report=[],
            content=b"",
            finished_at=timezone.now(),
        )
        return None


def _store_report(batch: ImportBatch, results: list[RowResult]) -> int:
    errors = sum(bool(r.errors) for r in results)
    _set(
        batch,
        report=[r.as_json() for r in results],
        total_rows=len(results),
        processed_rows=len(results),
        error_rows=errors,
    )
    return errors


SUMMARY = {
    "create": pgettext_lazy("import summary", "%(count)s new"),
    "update": pgettext_lazy("import summary", "%(count)s updated"),
    "skip": pgettext_lazy("import summary", "%(count)s already imported (skipped)"),
    "unchanged": pgettext_lazy("import summary", "%(count)s unchanged"),
    "error": pgettext_lazy("import summary", "%(count)s with errors"),
}


def summary(results: list[RowResult]) -> str:
    counts: dict[str, int] = {}
    for result in results:
        key = "error" if result.errors else result.action
        counts[key] = counts.get(key, 0) + 1
    parts = [str(label) % {"count": counts[k]} for k, label in SUMMARY.items() if counts.get(k)]
    return pgettext("import summary", "%(count)s rows: %(parts)s.") % {
        "count": len(results),
        "parts": ", ".join(parts),
    }


def wrote(count: int) -> str:
    return ngettext("Wrote %(count)s row.", "Wrote %(count)s rows.", count) % {"count": count}


def _actor(batch: ImportBatch) -> Actor:
    if batch.uploaded_by is None:  # never fall back to the unlimited command-line scope
        raise SheetError(_("The account that uploaded the file no longer exists."))
    return Actor(batch.uploaded_by, batch.organization)


def _set(batch: ImportBatch, **fields) -> None:
    fields["heartbeat_at"] = timezone.now()  # a sign of life (see ImportBatch.interrupted)
    for name, value in fields.items():
        setattr(batch, name, value)
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
