"""Insert many new rows fast: COPY on PostgreSQL, bulk_create elsewhere.

On PostgreSQL the ids are first taken from the table's sequence in one query, then the rows are
streamed with COPY: no per-row parameter binding, which is most of the cost of bulk_create for
a 500-task batch. Callers pass plain values already normalised (NFC text, Decimal, date): the
fields' own preparation is skipped. JSON fields are serialised here.
"""

import json

from django.db import connection, models
from django.utils import timezone


def insert(model: type[models.Model], objs: list[models.Model], auto_pk: bool = True) -> None:
    """Insert unsaved instances; afterwards they carry their primary keys."""
    if not objs:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objs)
        return
    fields = [f for f in model._meta.concrete_fields if not (auto_pk and f.primary_key)]
    if auto_pk:
        _allocate_ids(model, objs)
        fields = [model._meta.pk, *fields]
    _fill_auto_dates(fields, objs)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {table} ({columns}) FROM STDIN") as copy:
        for obj in objs:
            copy.write_row([_value(f, obj) for f in fields])
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias


def _allocate_ids(model: type[models.Model], objs: list[models.Model]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, len(objs)])
        for obj, (pk,) in zip(objs, cursor.fetchall(), strict=True):
            obj.pk = pk


def _fill_auto_dates(fields: list[models.Field], objs: list[models.Model]) -> None:
    now = timezone.now()
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for obj in objs:
                setattr(obj, field.attname, now)


def _value(field: models.Field, obj: models.Model):
    value = getattr(obj, field.attname)
    if isinstance(field, models.JSONField):
        return json.dumps(value, ensure_ascii=False)
    return value
