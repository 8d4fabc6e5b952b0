"""An import batch whose worker died is shown as interrupted and can be retried or discarded
(issue 11 #9). A dead worker is simulated: the batch row says "writing" at 81 % with an old
sign of life, and no task was written (the worker's transaction was rolled back)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from canbo.core.models import AuditEntry
from canbo.integration.imports.models import BatchStatus, ImportBatch
from canbo.work.models import Task
from tests.integration.test_spreadsheet_import import GOOD, catalog, upload, xlsx  # noqa: F401


def _stuck(client, status: str, minutes: int) -> ImportBatch:
    """A checked batch left running by a worker that stopped `minutes` ago."""
    upload(client, xlsx(GOOD))
    batch = ImportBatch.objects.get()
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=status,
        total_rows=2,
        processed_rows=1,
        heartbeat_at=timezone.now() - timedelta(minutes=minutes),
    )
    batch.refresh_from_db()
    return batch


def test_a_batch_left_writing_is_interrupted_and_runs_again(world, catalog, login):  # noqa: F811
    client = login(world.users["chair"])
    batch = _stuck(client, BatchStatus.COMMITTING, 11)
    page = client.get(reverse("integration:import_batch", args=[batch.pk]))
    text = page.content.decode()
    assert "Bị gián đoạn" in text and "Refresh" not in page.headers
    assert "Chạy lại" in text
    listed = client.get(reverse("integration:imports")).content.decode()
    assert "Bị gián đoạn" in listed
    client.post(reverse("integration:import_retry", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.COMMITTED, batch.message
    assert Task.objects.count() == 2
    assert AuditEntry.objects.filter(action="integration.retry_batch").count() == 1


def test_a_batch_still_alive_is_neither_retried_nor_discarded(world, catalog, login):  # noqa: F811
    client = login(world.users["chair"])
    batch = _stuck(client, BatchStatus.COMMITTING, 2)
    assert not batch.interrupted
    page = client.get(reverse("integration:import_batch", args=[batch.pk]))
    assert "Bị gián đoạn" not in page.content.decode() and page.headers["Refresh"] == "2"
    client.post(reverse("integration:import_retry", args=[batch.pk]))
    client.post(reverse("integration:import_discard", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.COMMITTING and Task.objects.count() == 0


def test_an_interrupted_check_can_be_discarded(world, catalog, login, settings):  # noqa: F811
    settings.STALE_JOB_MINUTES = 30
    client = login(world.users["chair"])
    batch = _stuck(client, BatchStatus.VALIDATING, 31)
    assert batch.interrupted
    client.post(reverse("integration:import_discard", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DISCARDED and Task.objects.count() == 0


def test_an_interrupted_check_runs_again(world, catalog, login):  # noqa: F811
    client = login(world.users["chair"])
    batch = _stuck(client, BatchStatus.VALIDATING, 60)
    client.post(reverse("integration:import_retry", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.status == BatchStatus.PREVIEW and batch.processed_rows == 2
