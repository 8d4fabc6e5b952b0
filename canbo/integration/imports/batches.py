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
from django_tasks import task

from canbo.core import audit
from canbo.integration.imports import people_rows, task_rows
from canbo.integration.imports.models import BatchKind, BatchStatus, ImportBatch, stale_batches
from canbo.integration.imports.reader import RowResult, SheetError, read_rows, template
from canbo.integration.imports.scope import Actor
from canbo.org.models import Organization
from canbo.work.errors import WorkError

logger = logging.getLogger(__name__)
KINDS = {BatchKind.TASKS: task_rows, BatchKind.PEOPLE: people_rows}
TITLES = {BatchKind.TASKS: "Nhiệm vụ", BatchKind.PEOPLE: "Công chức"}


def template_for(kind: str) -> bytes:
    module = KINDS[BatchKind(kind)]
    return template(
        module.HEADERS + getattr(module, "OPTIONAL", []), TITLES[BatchKind(kind)], module.NOTES
    )


def check_rows(actor: Actor, kind: str, content: bytes, progress=None) -> list[RowResult]:
    """Read and check every row (raises SheetError when the file itself is unusable)."""
    module = KINDS[BatchKind(kind)]
    rows = read_rows(content, module.HEADERS, getattr(module, "OPTIONAL", []))
    if progress:
        progress(0, len(rows))
    return module.check(actor, rows, (lambda n: progress(n, len(rows))) if progress else None)


def write_rows(actor: Actor, kind: str, results: list[RowResult]) -> int:
    return KINDS[BatchKind(kind)].write(actor, results)


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
        raise SheetError("Lô nhập này không ở trạng thái chờ xác nhận.")
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
        raise SheetError("Lô nhập này không thể hủy ở trạng thái hiện tại.")
    audit.record(user, "integration.discard_batch", batch)


def retry_batch(user, batch: ImportBatch) -> ImportBatch:
    """Run an interrupted check or write again from the stored file (all rows or none)."""
    restarted = ImportBatch.objects.filter(stale_batches(), pk=batch.pk).update(
        processed_rows=0, heartbeat_at=timezone.now()
    )
    if not restarted:
        raise SheetError("Chỉ chạy lại được lô nhập bị gián đoạn.")
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
            message="Lỗi không mong đợi khi ghi dữ liệu: không dòng nào được ghi.",
        )


def _commit(batch: ImportBatch) -> None:
    results = _check(batch)
    if results is None:
        return
    if _store_report(batch, results):
        _set(
            batch,
            status=BatchStatus.INVALID,
            message="Dữ liệu đã thay đổi từ lúc xem trước: "
            + summary(results)
            + " Không dòng nào được ghi.",
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
            message=f"{exc.message} Không dòng nào được ghi.",
        )
        return
    _set(
        batch,
        status=BatchStatus.COMMITTED,
        finished_at=timezone.now(),
        message=f"Đã ghi {written} dòng. {summary(results)}",
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
            raise SheetError("Nội dung tệp đã lưu không khớp mã băm: hãy tải tệp lên lại.")
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


def summary(results: list[RowResult]) -> str:
    counts: dict[str, int] = {}
    for result in results:
        key = "error" if result.errors else result.action
        counts[key] = counts.get(key, 0) + 1
    labels = {
        "create": "thêm mới",
        "update": "cập nhật",
        "skip": "đã có (bỏ qua)",
        "unchanged": "không đổi",
        "error": "có lỗi",
    }
    parts = [f"{counts[k]} {label}" for k, label in labels.items() if counts.get(k)]
    return f"{len(results)} dòng: " + ", ".join(parts) + "."


def _actor(batch: ImportBatch) -> Actor:
    if batch.uploaded_by is None:  # never fall back to the unlimited command-line scope
        raise SheetError("Tài khoản đã tải tệp lên không còn tồn tại.")
    return Actor(batch.uploaded_by, batch.organization)


def _set(batch: ImportBatch, **fields) -> None:
    fields["heartbeat_at"] = timezone.now()  # a sign of life (see ImportBatch.interrupted)
    for name, value in fields.items():
        setattr(batch, name, value)
    ImportBatch.objects.filter(pk=batch.pk).update(**fields)
