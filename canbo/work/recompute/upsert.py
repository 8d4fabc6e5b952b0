"""Write PeriodScore rows: insert or update on (person, kind, period_start).

A stored row whose numbers and explanation did not change is left as it is: its computed_at and
job stay those of the computation that last changed it, and a recompute that confirms a
province-year rewrites nothing. Small batches go through bulk_create(update_conflicts=True)
(SQLite and PostgreSQL); large ones on PostgreSQL through COPY into a temporary table followed
by one INSERT ... ON CONFLICT, an order of magnitude faster.
"""

from collections.abc import Iterable

from django.db import connection, transaction

from canbo.work.models import PeriodScore
from canbo.work.recompute.copytext import encode
from canbo.work.recompute.scorer import ScoreRow
from canbo.work.recompute.shares import chunks

UNIQUE = ["person_id", "kind", "period_start"]
COLUMNS = list(ScoreRow._fields)  # the COPY path writes each row as it is
UPDATE = [c for c in COLUMNS if c not in UNIQUE]
COMPARED = [c for c in UPDATE if c not in ("computed_at", "job_id")]
COPY_THRESHOLD = 1000
assert COLUMNS[:3] == UNIQUE  # _changed and the COPY lines rely on this order


def upsert(rows: Iterable[ScoreRow], batch_size: int = 2000) -> int:
    """Write ScoreRow values; returns how many. Large batches on PostgreSQL are copied."""
    rows = list(rows)
    if connection.vendor == "postgresql" and len(rows) >= COPY_THRESHOLD:
        return copy_upsert(encode(chunk) for chunk in chunks(rows, batch_size))
    PeriodScore.objects.bulk_create(
        [row.model() for row in _changed(rows)],
        batch_size=batch_size,
        update_conflicts=True,
        unique_fields=["person", "kind", "period_start"],
        update_fields=[name.removesuffix("_id") for name in UPDATE],
    )
    return len(rows)


def _changed(rows: list[ScoreRow]) -> list[ScoreRow]:
    """The rows that are new or differ from the stored ones (one query)."""
    stored = PeriodScore.objects.filter(
        person_id__in={r.person_id for r in rows},
        kind__in={r.kind for r in rows},
        period_start__in={r.period_start for r in rows},
    ).values_list(*UNIQUE, *COMPARED)
    known = {tuple(values[:3]): values[3:] for values in stored}
    return [r for r in rows if known.get(r[:3]) != tuple(getattr(r, c) for c in COMPARED)]


def copy_upsert(blocks: Iterable[bytes]) -> int:
    """PostgreSQL: COPY blocks of ScoreRow lines (canbo.work.recompute.copytext) into a
    temporary table, then one INSERT ... ON CONFLICT that leaves unchanged rows alone.
    Returns the rows copied.
    The blocks are consumed as they come, so the server stores rows while the next ones are
    computed; the connection can run no other query meanwhile."""
    names = ", ".join(COLUMNS)
    table = PeriodScore._meta.db_table
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in UPDATE)
    stored = ", ".join(f"{table}.{c}" for c in COMPARED)
    changed = f"({stored}) IS DISTINCT FROM ({', '.join(f'EXCLUDED.{c}' for c in COMPARED)})"
    count = 0
    with transaction.atomic(), connection.cursor() as cursor:
        # Dropped at commit; dropped here too in case an outer transaction runs us twice.
        cursor.execute("DROP TABLE IF EXISTS score_batch")
        cursor.execute(
            f"CREATE TEMP TABLE score_batch ON COMMIT DROP AS "
            f"SELECT {names} FROM {table} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY score_batch ({names}) FROM STDIN") as copy:
            for block in blocks:
                copy.write(block)
                count += block.count(b"\n")  # one per row: newlines in values are escaped
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM score_batch "
            f"ON CONFLICT ({', '.join(UNIQUE)}) DO UPDATE SET {updates} "
            f"WHERE {changed}"
        )
    return count
