"""PostgreSQL COPY text format for ScoreRows: one line per row, tab-separated.

Rows are encoded here rather than by psycopg's write_row so that a worker process of the bulk
recompute can encode its share without a database connection; its bytes are then copied as
they are (canbo.work.recompute).
"""

import json
from datetime import date, datetime
from functools import lru_cache

from canbo.work.recompute.scorer import ScoreRow

# Backslash first: the other escapes introduce backslashes of their own.
_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))


@lru_cache(maxsize=64)
def _stamp(moment: datetime) -> str:
    return moment.isoformat()  # the same for every row of a job: formatted once


@lru_cache(maxsize=256)
def _code(value: str) -> str:
    return _text(value)  # codes repeat on every row: escaped once


def _text(value: str) -> str:
    for plain, escaped in _ESCAPES:
        if plain in value:
            value = value.replace(plain, escaped)
    return value


N = "\\N"  # NULL


def line(row: ScoreRow) -> str:
    # One f-string per row: a call per value would double the cost of a province-year.
    (
        person,
        kind,
        start,
        rulebook,
        role,
        a,
        b,
        c,
        task,
        general,
        total,
        classification,
        no_items,
        assigned,
        completed,
        quality,
        progress,
        steps,
        computed_at,
        job,
    ) = row
    explanation = _text(json.dumps(steps, ensure_ascii=False)) if steps else "[]"
    return (
        f"{person}\t{_code(kind)}\t{start}\t{_code(rulebook)}\t{_code(role)}\t"
        f"{N if a is None else a}\t{N if b is None else b}\t{N if c is None else c}\t"
        f"{N if task is None else task}\t{N if general is None else general}\t"
        f"{N if total is None else total}\t{_code(classification)}\t"
        f"{'t' if no_items else 'f'}\t{assigned}\t{completed}\t{quality}\t{progress}\t"
        f"{explanation}\t{_stamp(computed_at)}\t{N if job is None else job}\n"
    )


def month_line(
    person: int,
    kind: str,
    start: date,
    rulebook: str,
    numbers: tuple[int, ...],
    computed_at: datetime,
    job: int | None,
) -> str:
    """line() of a staff month or quarter with items, from its fixed-point numbers
    (canbo.work.recompute.sumrows.month_numbers): no Decimal is built on the way."""
    a, b, c, task, assigned, completed, quality, progress = numbers
    return (
        f"{person}\t{_code(kind)}\t{start}\t{_code(rulebook)}\tstaff\t{_fixed(a)}\t"
        f"{_fixed(b)}\t{_fixed(c)}\t{_fixed(task)}\t{N}\t{N}\t\tf\t{_weight(assigned)}\t"
        f"{_weight(completed)}\t{_weight(quality)}\t{_weight(progress)}\t[]\t"
        f"{_stamp(computed_at)}\t{N if job is None else job}\n"
    )


def _fixed(millionths: int) -> str:
    return f"{millionths // 1_000_000}.{millionths % 1_000_000:06d}"  # never negative here


def _weight(units: int) -> str:
    return f"{units // 10_000}.{units % 10_000:04d}"


def encode(rows: list[ScoreRow]) -> bytes:
    """The rows as COPY text lines, each ending in a newline (escaped inside values)."""
    return "".join(map(line, rows)).encode()
