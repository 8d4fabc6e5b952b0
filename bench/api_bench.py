"""Throughput of POST /api/v1/tasks/bulk (batches of 500) through a live gunicorn server.

Creates a scratch PostgreSQL database, migrates, seeds the demo province, registers an API
client for the province root, starts gunicorn (1 worker) on a free port and posts the batches
over HTTP, one after another: first the insert, then the identical re-send (which must write
nothing). Prints tasks/s for both, then stops the server and drops the database.

It runs twice, with fresh ids each time: with month scores refreshed inline after each batch
(the immediate task backend, as in the demo), then with the database task backend, as in
production, where the score refresh is queued for the task workers.

Usage:
  .venv/bin/python bench/api_bench.py [--batches 10] [--size 500] [--keep]
"""

import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB_NAME = "canbo_apibench"
DB_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = DB_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")
DB_TASKS = "django_tasks_db.DatabaseBackend"


def prepare_database() -> str:
    """Create, migrate and seed the scratch database; return a token for the province root."""
    subprocess.run(["dropdb", *PG, "--if-exists", DB_NAME], check=True)
    subprocess.run(["createdb", *PG, DB_NAME], check=True)
    import django

    django.setup()
    from django.core.management import call_command

    from canbo.integration.models import ApiClient
    from canbo.integration.services import create_client
    from canbo.org.models import Organization
    from canbo.work.demo import seed_work

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed-demo", verbosity=0)
    seed_work()  # catalogues and a year of tasks, if seed-demo did not already load them
    call_command("dbshell", "--", "-c", "ANALYZE", verbosity=0)  # as autovacuum would
    print(f"migrate + seed-demo (+ demo tasks): {time.perf_counter() - start:.1f} s")
    root = Organization.objects.get(parent=None)
    client, token = create_client(None, "Bench", root, ["tasks:write", "tasks:read"])
    ApiClient.objects.filter(pk=client.pk).update(rate_limit_per_minute=100_000)
    return token


def people_codes() -> list[str]:
    from canbo.people.models import Person

    return list(
        Person.objects.exclude(organization=None).order_by("code").values_list("code", flat=True)
    )


def batches(codes: list[str], count: int, size: int, prefix: str = "B") -> list[dict]:
    today = date.today()
    first = today.replace(day=1).isoformat()
    out = []
    for b in range(count):
        tasks = []
        for n in range(size):
            i = b * size + n
            task = {
                "external_id": f"{prefix}{b:03d}-{n:04d}",
                "assignee_code": codes[i % len(codes)],
                "catalog_item_code": f"SP0{1 + i % 7}",
                "quantity": 1 + i % 3,
                "assigned_date": first,
                "due_date": today.isoformat(),
                "document": {
                    "number": f"{i}/UBND-VP",
                    "date": first,
                    "subject": "Về việc triển khai nhiệm vụ",
                    "issuer": "UBND",
                },
            }
            if i % 2:
                task |= {"status": "completed", "completed_date": today.isoformat()}
            tasks.append(task)
        out.append({"source": "bench", "tasks": tasks})
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, deferred: bool) -> subprocess.Popen:
    env = dict(os.environ, DATABASE_URL=DB_URL, ALLOWED_HOSTS="127.0.0.1")
    if deferred:
        env["TASKS_BACKEND"] = DB_TASKS
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "canbo.wsgi",
            "-w",
            "1",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def post_all(url: str, token: str, bodies: list[bytes]) -> tuple[float, int]:
    written = 0
    start = time.perf_counter()
    for body in bodies:
        request = urllib.request.Request(
            url,
            body,
            method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                written += json.loads(response.read())["written"]
        except urllib.error.HTTPError as exc:
            raise SystemExit(f"HTTP {exc.code}: {exc.read().decode()}") from None
    return time.perf_counter() - start, written


def run(token: str, codes: list[str], args, deferred: bool) -> None:
    prefix = "D" if deferred else "I"
    bodies = [json.dumps(b).encode() for b in batches(codes, args.batches, args.size, prefix)]
    total = args.batches * args.size
    port = free_port()
    server = start_server(port, deferred)
    mode = "queued for the task workers" if deferred else "refreshed inline"
    print(
        f"PostgreSQL, gunicorn 1 worker over HTTP, {len(codes):,} people, {args.batches} "
        f"batches × {args.size} tasks, month scores {mode}:"
    )
    try:
        url = f"http://127.0.0.1:{port}/api/v1/tasks/bulk"
        for label in ("first insert", "idempotent re-send"):
            seconds, written = post_all(url, token, bodies)
            print(
                f"{label:>20}: {total / seconds:8,.0f} tasks/s "
                f"({seconds / args.batches * 1000:.0f} ms per batch, written {written:,})"
            )
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--keep", action="store_true", help="do not drop the database")
    args = parser.parse_args()
    token = prepare_database()
    codes = people_codes()
    try:
        for deferred in (False, True):
            run(token, codes, args, deferred)
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            subprocess.run(["dropdb", *PG, "--if-exists", DB_NAME], check=True)


if __name__ == "__main__":
    main()
