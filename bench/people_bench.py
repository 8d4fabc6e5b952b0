"""Median response time of the people list and search at 100,000 civil servants.

Usage: DATABASE_URL=postgres://... python bench/people_bench.py [--scale N] [--runs N]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from canbo.people.models import Person  # noqa: E402

QUERIES = {
    "people list": "/people/",
    "search 'nguyen van'": "/people/?q=nguyen+van",
    "search + filter": "/people/?q=thi&gender=female&age=30-39",
    "page 50": "/people/?page=50",
}


def measure(client: Client, url: str, runs: int) -> tuple[float, int, int]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return statistics.median(timings), len(response.content), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("seed-demo", scale=args.scale, verbosity=0)
    print(f"seed-demo --scale {args.scale}: {time.perf_counter() - start:.1f} s")
    print(f"database: {connection.vendor}, people: {Person.objects.count():,}")
    client = Client()
    client.force_login(User.objects.get(username="sonoivu"))
    for label, url in QUERIES.items():
        median, size, queries = measure(client, url, args.runs)
        print(f"{label:22s} median {median:7.1f} ms   {size / 1024:6.1f} KB   {queries} queries")


if __name__ == "__main__":
    main()
