"""Time every dashboard (and each demo user's home page) on the demo province, against the
targets of issue 13: < 300 ms per page, < 150 KB; prints the queries of each page too.

A PostgreSQL database is created, seeded (`canbo seed-demo`) and dropped around the run (keep
it with --keep; a kept database is reused by the next run). Prints figures; asserts nothing.

Usage:
    .venv/bin/python bench/pages_bench.py [--server postgres://postgres@127.0.0.1:5432]
        [--db canbo_pagesbench] [--runs 7] [--keep]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from annual_bench import _database  # noqa: E402

DEMO_USERS = (
    "sonoivu",
    "chutich.tanphong",
    "truongphong.tanphong",
    "congchuc.tanphong",
    "congchuc.doanket",
    "admin",
)


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--db", default="canbo_pagesbench")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", action="store_true")
    return parser.parse_args()


def _page(client, url: str, runs: int) -> tuple[float, float, int, int]:
    from django.db import connection

    response = client.get(url)  # warm-up: translations, templates, query plans
    assert response.status_code == 200, (url, response.status_code)
    queries = []
    with connection.execute_wrapper(
        lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)
    ):
        response = client.get(url)
    size = len(response.content)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), max(timings), size, len(queries)


def _print(label: str, figures: tuple[float, float, int, int]) -> None:
    median, worst, size, queries = figures
    print(
        f"{label:<52} median {median:6.1f} ms  max {worst:6.1f} ms  {size / 1024:6.1f} KB  "
        f"{queries:3d} queries"
    )


def run(runs: int) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from canbo.evaluation.models import EvaluationSheet
    from canbo.people.models import Person

    call_command("migrate", verbosity=0)
    if not EvaluationSheet.objects.exists():
        start = time.perf_counter()
        call_command("seed-demo", verbosity=0)
        print(f"seed-demo: {time.perf_counter() - start:.1f} s")
    connection.cursor().execute("ANALYZE")
    print(
        f"{Person.objects.count():,} people, {EvaluationSheet.objects.count():,} sheets; "
        f"targets: < 300 ms, < 150 KB"
    )
    client = Client()
    province = User.objects.get(username="sonoivu")
    client.force_login(province)
    _print("dashboard, province (sonoivu)", _page(client, "/reports/dashboard/", runs))
    _print("dashboard .xlsx, province", _page(client, "/reports/dashboard.xlsx", runs))
    biggest = (
        Person.objects.values_list("organization__path")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()[0]
        .strip("/")
        .split("/")[1]
    )
    _print(
        f"dashboard, one commune from the province (org {biggest})",
        _page(client, f"/reports/dashboard/?org={biggest}", runs),
    )
    client.force_login(User.objects.get(username="chutich.tanphong"))
    _print("dashboard, commune (chutich.tanphong)", _page(client, "/reports/dashboard/", runs))
    _print("dashboard .xlsx, commune", _page(client, "/reports/dashboard.xlsx", runs))
    for username in DEMO_USERS:
        client.force_login(User.objects.get(username=username))
        _print(f"home page ({username})", _page(client, "/", runs))
    client.force_login(province)
    from canbo.reports.exports import build_export, exports_dir, request_export
    from canbo.reports.models import ExportJob

    start = time.perf_counter()
    job = request_export(province, 2026, _province_root())
    build_export.call(job.pk)
    job.refresh_from_db()
    print(
        f"background province annual .xlsx (task): {(time.perf_counter() - start) * 1000:.0f}"
        f" ms, status {job.status}"
    )
    (exports_dir() / job.stored_as).unlink(missing_ok=True)
    ExportJob.objects.filter(pk=job.pk).delete()


def _province_root():
    from canbo.org.models import Organization

    return Organization.objects.order_by("depth", "path").first()


def main() -> None:
    args = _args()
    created = _database(args.server, args.db, "create")
    print(f"database {args.db}: {'created' if created else 'reused'}")
    os.environ["DATABASE_URL"] = f"{args.server}/{args.db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")
    try:
        run(args.runs)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            _database(args.server, args.db, "drop")


if __name__ == "__main__":
    main()
