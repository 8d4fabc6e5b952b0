"""Time the province comparison page of the agency evaluation (38 communes, target < 300 ms)
and the recompute of every computed criterion of the province (target < 5 s at --scale 10000),
on the demo province (`canbo seed-demo`).

A PostgreSQL database is created, seeded and dropped around the run (keep it with --keep; a
kept database is reused by the next run). Prints figures; asserts nothing.

Usage:
    .venv/bin/python bench/agency_bench.py [--server postgres://postgres@127.0.0.1:5432]
        [--db canbo_ag] [--runs 7] [--keep] [--scale 10000]
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.scratch import database, timed  # noqa: E402

YEAR = 2026


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--db", default="canbo_ag")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument(
        "--scale",
        type=int,
        default=0,
        help="then add N people (seed-demo --scale) and time the recompute again",
    )
    return parser.parse_args()


def time_recompute(runs: int, label: str, target: str) -> None:
    from canbo.agency.evaluations import recompute_province
    from canbo.people.models import Person

    people = Person.objects.count()
    median, worst, _ = timed(lambda: recompute_province(YEAR), runs)
    print(
        f"recompute every computed criterion, {label} ({people:,} people) median "
        f"{median:7.1f} ms  max {worst:7.1f} ms   target < {target}"
    )


def run(runs: int, scale: int) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from canbo.agency.models import AgencyEvaluation

    call_command("migrate", verbosity=0)
    if not AgencyEvaluation.objects.filter(year=YEAR).exists():
        start = time.perf_counter()
        call_command("seed-demo", verbosity=0)
        print(f"seed-demo: {time.perf_counter() - start:.1f} s")
    connection.cursor().execute("ANALYZE")
    rows = AgencyEvaluation.objects.filter(year=YEAR)
    print(f"agency evaluations {YEAR}: {rows.count()} communes")
    client = Client()
    client.force_login(User.objects.get(username="sonoivu"))
    url = f"/agency/{YEAR}/"
    response = client.get(url)
    assert response.status_code == 200
    median, worst, _ = timed(lambda: client.get(url), runs)
    print(
        f"province comparison page ({rows.count()} communes) median {median:6.1f} ms  max "
        f"{worst:6.1f} ms  {len(response.content) / 1024:.0f} KB   target < 300 ms"
    )
    time_recompute(runs, "demo", "5000 ms")
    if scale:
        start = time.perf_counter()
        call_command("seed-demo", scale=scale, verbosity=0)
        print(f"seed-demo --scale {scale}: {time.perf_counter() - start:.1f} s")
        time_recompute(max(1, runs // 2), f"--scale {scale}", "5000 ms")


def main() -> None:
    args = _args()
    created = database(args.server, args.db, "create")
    print(f"database {args.db}: {'created' if created else 'reused'}")
    os.environ["DATABASE_URL"] = f"{args.server}/{args.db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")
    try:
        run(args.runs, args.scale)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            database(args.server, args.db, "drop")


if __name__ == "__main__":
    main()
