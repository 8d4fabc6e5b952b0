"""What the benchmarks share: a scratch PostgreSQL database, and timing a call."""

import statistics
import time

import psycopg


def database(server: str, name: str, action: str) -> bool:
    """CREATE (returns whether it is new) or DROP the bench database."""
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        exists = (
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            is not None
        )
        if action == "create" and not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
        if action == "drop" and exists:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        return not exists


def timed(fn, runs: int) -> tuple[float, float, object]:
    """(median ms, worst ms, last result) of `runs` calls after a warm-up call (translations,
    templates, query plans)."""
    result = fn()
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), max(timings), result
