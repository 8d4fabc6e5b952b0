"""Create or update tasks from a connected system, idempotently on (source, external_id)
within the namespace of the client's organisation (canbo.integration.tasks.identity).

A batch is all-or-nothing. New tasks are written with bulk_create; a re-sent task is recognised
as unchanged by the digest of its payload, fetched with ONE query for the whole batch, so an
identical batch writes nothing (no rows, no audit entry). A batch that writes anything leaves
ONE audit entry (client, counts, range of external ids) rather than one per task.
"""

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.integration.api.errors import ApiError
from canbo.integration.tasks import fast_insert
from canbo.integration.tasks import identity as task_identity
from canbo.integration.tasks.apply import rebuild
from canbo.integration.tasks.events import refuse_locked
from canbo.integration.tasks.models import TaskRecord
from canbo.integration.tasks.refs import References, Resolved
from canbo.integration.tasks.schemas import BulkTaskIn
from canbo.integration.tasks.scores import schedule_refresh
from canbo.work.models import Delay, Task
from canbo.work.periods import period_of
from canbo.work.task_state import Base, derive


@dataclass(frozen=True)
class UpsertResult:
    received: int
    created: list[dict]  # rows of the new tasks
    updated: list[Task]

    @property
    def written(self) -> int:
        return len(self.created) + len(self.updated)

    def as_dict(self) -> dict:
        unchanged = self.received - self.written
        return {
            "received": self.received,
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": unchanged,
            "written": self.written,
        }


def digest(row: BulkTaskIn) -> str:
    """A hash of the validated payload (fields in schema order, so stable)."""
    return hashlib.sha256(row.model_dump_json().encode()).hexdigest()


@transaction.atomic
def upsert_tasks(
    client, source: str, rows: list[BulkTaskIn], prefix: str = "tasks"
) -> UpsertResult:
    _check_unique(rows, prefix)
    refs = References(client, rows, prefix)
    resolved = [refs.resolve(i, row) for i, row in enumerate(rows)]
    existing = _existing(client, source, rows, refs)
    digests = [digest(row) for row in rows]
    new = [i for i, row in enumerate(rows) if row.external_id not in existing]
    changed = [
        i
        for i, row in enumerate(rows)
        if row.external_id in existing and existing[row.external_id].digest != digests[i]
    ]
    if not new and not changed:
        return UpsertResult(len(rows), [], [])
    # Every month a write touches must be open: a changed task's old month AND its new one.
    refuse_locked(
        {existing[rows[i].external_id].scored for i in changed}
        | {
            (resolved[i].assignee_id, period_of(rows[i].assigned_date, rows[i].due_date))
            for i in [*new, *changed]
        }
    )
    now = timezone.now()
    created = _create(client, source, [(rows[i], resolved[i], digests[i]) for i in new], now)
    locked = Task.objects.select_for_update().in_bulk(
        [existing[rows[i].external_id].id for i in changed]
    )
    updated = [
        _update(
            client, locked[existing[rows[i].external_id].id], rows[i], resolved[i], digests[i], now
        )
        for i in changed
    ]
    result = UpsertResult(len(rows), created, updated)
    _audit(client, source, rows, result)
    pairs = {(t["assignee_id"], t["period"]) for t in created}
    pairs |= {(t.assignee_id, t.period) for t in updated}
    pairs |= {existing[rows[i].external_id].scored for i in changed}
    schedule_refresh(pairs, client.organization_id)
    return result


def _check_unique(rows: list[BulkTaskIn], prefix: str) -> None:
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        if row.external_id in seen:
            raise ApiError(
                422,
                "duplicate_external_id",
                _("Code %(code)s repeats %(first)s in the same batch.")
                % {"code": row.external_id, "first": f"{prefix}[{seen[row.external_id]}]"},
                f"{prefix}[{i}].external_id",
            )
        seen[row.external_id] = i


@dataclass(frozen=True)
class Existing:
    id: int
    digest: str
    scored: tuple  # (assignee id, period) before the update: that month changes too


def _existing(client, source: str, rows: list[BulkTaskIn], refs: References) -> dict[str, Existing]:
    """The batch's tasks that already exist, in ONE query; refuse those outside the subtree."""
    ids = [row.external_id for row in rows]
    found = task_identity.pick(
        task_identity.candidates(client, source, ids).values(
            "external_id", "id", "source_record__digest", "assignee_id", "period", "visible"
        )
    )
    existing = {}
    for external_id, row in found.items():
        if not row["visible"]:
            i = ids.index(external_id)
            raise refs.error(
                i,
                "external_id",
                _("Task %(task)s belongs to a unit outside the connected application's scope.")
                % {"task": f"{source}/{external_id}"},
                403,
                "outside_scope",
            )
        existing[external_id] = Existing(
            row["id"], row["source_record__digest"] or "", (row["assignee_id"], row["period"])
        )
    return existing


def _fields(row: BulkTaskIn, ref: Resolved) -> dict:
    return {
        "assignee_id": ref.assignee_id,
        "organization_id": ref.organization_id,
        "assigner_id": ref.assigner_id,
        "catalog_item_id": ref.catalog_item_id,
        "name": ref.name,
        "coefficient": ref.coefficient,
        "quantity": row.quantity,
        "assigned_date": row.assigned_date,
        "period": period_of(row.assigned_date, row.due_date),
        "evidence": evidence_text(row),
    }


def _record(client, task_id: int, row: BulkTaskIn, digest_: str, now) -> dict:
    document = row.document.model_dump(mode="json", exclude_none=True) if row.document else {}
    return {
        "task_id": task_id,
        "client_id": client.pk,
        "digest": digest_,
        "due_date": row.due_date,
        "status": row.status,
        "completed_date": row.completed_date,
        "document": document,
        "received_at": now,
    }


def _create(client, source: str, items: list, now) -> list[dict]:
    """Insert new tasks with their source records (and late-completion delays)."""
    tasks, delays = [], []
    for row, ref, _digest in items:
        state = derive(Base(row.status, row.due_date, row.completed_date), [])
        task = {
            "owner_id": task_identity.owner_id(client),
            "source": source,
            "external_id": row.external_id,
            "status": state.status,
            "due_date": state.due_date,
            "completed_date": state.completed_date,
            "delays": len(state.delays),
            "created_at": now,
            "updated_at": now,
            **_fields(row, ref),
        }
        tasks.append(task)
        delays += [(task, d) for d in state.delays]
    fast_insert.insert_rows(Task, tasks)
    fast_insert.insert_rows(
        TaskRecord,
        [
            _record(client, t["id"], row, d, now)
            for t, (row, _ref, d) in zip(tasks, items, strict=True)
        ],
        auto_pk=False,
    )
    Delay.objects.bulk_create(
        [
            Delay(task_id=t["id"], kind=d.kind, due_before=d.due_before, due_after=d.due_after)
            for t, d in delays
        ]
    )
    return tasks


def _update(client, task: Task, row: BulkTaskIn, ref: Resolved, digest_: str, now) -> Task:
    for name, value in _fields(row, ref).items():
        setattr(task, name, value)
    task.save(update_fields=[*_fields(row, ref), "updated_at"])
    record = TaskRecord(**_record(client, task.pk, row, digest_, now))
    record.save()
    rebuild(task, record)
    return task


def evidence_text(row: BulkTaskIn) -> str:
    doc = row.document
    if doc is None:
        return ""
    parts = [_("Document no. %(number)s") % {"number": doc.number} if doc.number else _("Document")]
    if doc.date:
        parts.append(_("dated %(date)s") % {"date": f"{doc.date:%d/%m/%Y}"})
    if doc.issuer:
        parts.append(_("issued by %(issuer)s") % {"issuer": doc.issuer})
    head = " ".join(parts)
    return f"{head}: {doc.subject}" if doc.subject else head


def _audit(client, source: str, rows: list[BulkTaskIn], result: UpsertResult) -> None:
    ids = sorted(row.external_id for row in rows)
    after = {
        "source": source,
        "received": result.received,
        "created": len(result.created),
        "updated": len(result.updated),
        "external_ids": ids[0] if len(ids) == 1 else f"{ids[0]} … {ids[-1]}",
    }
    audit.record(
        None,
        "integration.upsert_tasks",
        client,
        after=after,
        reason=_("Connected application %(client)s sent %(count)s tasks.")
        % {"client": client.name, "count": result.received},
    )
