"""Write PeriodScore rows: insert or update on (person, kind, period_start).

bulk_create(update_conflicts=True) works on SQLite and PostgreSQL; for large batches on
PostgreSQL, COPY into a temporary table followed by one INSERT ... ON CONFLICT is an order of
magnitude faster (psycopg's COPY avoids building huge parameter arrays).
"""

import json

from django.db import connection, transaction

from canbo.work.models import PeriodScore

UNIQUE = ["person_id", "kind", "period_start"]
UPDATE = [
    "rulebook", "role", "a", "b", "c", "task_score", "general_score", "total", "classification",
    "no_items", "assigned_weight", "completed_weight", "quality_weight", "progress_weight",
    "explanation", "computed_at", "job_id",
]
COPY_THRESHOLD = 1000


def upsert(rows: list, batch_size: int = 2000) -> int:
    """Write ScoreRow values (see canbo.work.scorer)."""
    if connection.vendor == "postgresql" and len(rows) >= COPY_THRESHOLD:
        with transaction.atomic():
            _copy_upsert(rows)
        return len(rows)
    PeriodScore.objects.bulk_create(
        [row.model() for row in rows], batch_size=batch_size, update_conflicts=True,
        unique_fields=["person", "kind", "period_start"],
        update_fields=[name.removesuffix("_id") for name in UPDATE],
    )
    return len(rows)


def _copy_upsert(rows: list) -> None:
    columns = UNIQUE + UPDATE
    names = ", ".join(columns)
    table = PeriodScore._meta.db_table
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in UPDATE)
    with connection.cursor() as cursor:
        # Dropped at commit; dropped here too in case an outer transaction runs us twice.
        cursor.execute("DROP TABLE IF EXISTS score_batch")
        cursor.execute(f"CREATE TEMP TABLE score_batch ON COMMIT DROP AS "
                       f"SELECT {names} FROM {table} WITH NO DATA")
        with cursor.cursor.copy(f"COPY score_batch ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([_value(row, c) for c in columns])
        cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM score_batch "
                       f"ON CONFLICT ({', '.join(UNIQUE)}) DO UPDATE SET {updates}")


def _value(row, column: str):
    value = getattr(row, column)
    return json.dumps(value, ensure_ascii=False) if column == "explanation" else value
