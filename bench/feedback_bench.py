"""Citizen satisfaction against the targets of issue 14, on PostgreSQL:

- the public rating page (GET /r/<token>/): median latency in-process and through gunicorn
  (target < 20 ms);
- ratings posted through gunicorn, several clients at once (target 200 ratings/s);
- `canbo import-dossiers` of --n dossiers with ratings from a .csv (target 100,000 in < 30 s);
- the province's monthly index for a whole year over --total ratings (target 500,000 in < 5 s).

A scratch database (--db, default canbo_fb) is dropped and created; a small province (38
communes, --officers officers in each service centre) is built directly. Prints figures;
asserts nothing.

Usage:
    .venv/bin/python bench/feedback_bench.py [--n 100000] [--total 500000] [--workers 2]
        [--seconds 10] [--db canbo_fb]
"""

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = ["-h", "127.0.0.1", "-U", "postgres"]
sys.path.insert(0, str(ROOT))


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="canbo_fb")
    parser.add_argument("--n", type=int, default=100_000, help="dossiers in the import file")
    parser.add_argument("--total", type=int, default=500_000, help="ratings for the index")
    parser.add_argument("--officers", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--clients", type=int, default=8, help="concurrent posting clients")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--only-http", action="store_true", help="skip the import and index")
    return parser.parse_args()


ARGS = _args()
DB_URL = f"postgres://postgres@127.0.0.1:5432/{ARGS.db}"
os.environ["DATABASE_URL"] = DB_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")


def build_province(officers: int) -> list:
    from canbo.org.choices import OrgKind
    from canbo.org.models import Organization
    from canbo.people.models import Person

    root = Organization.objects.create(
        name="Tỉnh Lai Châu", kind=OrgKind.PROVINCE, code="000.00.00.H29"
    )
    people = []
    for c in range(38):
        commune = Organization.objects.create(
            name=f"Xã {c}", kind=OrgKind.COMMUNE, parent=root, code=f"000.{c:02d}.29.H29"
        )
        centre = Organization.objects.create(
            name="Trung tâm Phục vụ hành chính công", kind=OrgKind.SERVICE_CENTRE, parent=commune
        )
        for k in range(officers):
            people.append(
                Person(
                    code=f"B{c:02d}-{k}",
                    full_name=f"Cán bộ {c}-{k}",
                    organization=centre,
                    birth_date=date(1990, 1, 1),
                    gender="male",
                )
            )
    Person.objects.bulk_create(people)
    return list(Person.objects.order_by("code"))


def write_csv(path: Path, people: list, n: int, rng: random.Random) -> None:
    from canbo.integration.imports.dossier_rows import headers

    lines = [";".join(headers())]
    for i in range(n):
        person = people[i % len(people)]
        received = date(2026, 1, 1) + timedelta(days=rng.randint(0, 333))
        due = received + timedelta(days=3)
        returned = received + timedelta(days=rng.randint(0, 5))
        level = rng.choices([5, 4, 3, 2, 1], [50, 30, 10, 7, 3])[0]
        comment = "Chờ lâu" if level <= 2 else ""
        lines.append(
            f"IMP-{i:07d};Đăng ký khai sinh;{person.code};{received:%d/%m/%Y};"
            f"{due:%d/%m/%Y};{returned:%d/%m/%Y};;;{level};{comment};"
        )
    path.write_text("\n".join(lines), encoding="utf-8")


def fill_ratings(people: list, count: int, rng: random.Random) -> None:
    """More dossiers with ratings, straight into the tables (COPY, canbo.integration)."""
    from django.db import transaction
    from django.utils import timezone

    from canbo.feedback.models import Dossier, Rating
    from canbo.integration.tasks.fast_insert import insert_rows

    communes = {p.pk: p.organization.parent_id for p in people}
    now = timezone.now()
    for start in range(0, count, 50_000):
        dossiers = []
        for i in range(start, min(count, start + 50_000)):
            person = people[i % len(people)]
            received = date(2026, 1, 1) + timedelta(days=rng.randint(0, 363))
            dossiers.append(
                {
                    "organization_id": communes[person.pk],
                    "code": f"GEN-{i:07d}",
                    "procedure": "Chứng thực",
                    "received_date": received,
                    "due_date": received + timedelta(days=3),
                    "returned_date": received + timedelta(days=rng.randint(0, 5)),
                    "officer_id": person.pk,
                    "unit_id": person.organization_id,
                    "status": "returned",
                    "month": received.replace(day=1),
                    "complained": rng.random() < 0.01,
                    "digest": "",
                    "created_at": now,
                    "updated_at": now,
                }
            )
        with transaction.atomic():
            insert_rows(Dossier, dossiers)
            insert_rows(
                Rating,
                [
                    {
                        "dossier_id": d["id"],
                        "officer_id": d["officer_id"],
                        "organization_id": d["organization_id"],
                        "unit_id": d["unit_id"],
                        "month": d["month"],
                        "level": rng.choices([5, 4, 3, 2, 1], [50, 30, 10, 7, 3])[0],
                        "comment": "",
                        "concerns": [],
                        "source": "portal",
                        "created_at": now,
                        "seen_at": None,
                        "seen_by_id": None,
                        "answer": "",
                        "answered_at": None,
                    }
                    for d in dossiers
                ],
            )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    env = dict(
        os.environ,
        ALLOWED_HOSTS="127.0.0.1",
        RATING_LIMIT_PER_ADDRESS="10000000",
        RATING_LIMIT_PER_TOKEN="10000000",
    )
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "canbo.wsgi",
            "-w",
            str(workers),
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
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def page_latency(client, url: str, runs: int) -> float:
    client.get(url)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        assert client.get(url).status_code == 200
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def http_latency(url: str, runs: int) -> tuple[float, int]:
    urllib.request.urlopen(url).read()
    timings, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            size = len(response.read())
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), size


def post_ratings(base: str, tokens: list[str], clients: int, seconds: float) -> tuple[int, int]:
    done, failed = [0] * clients, [0] * clients
    stop = time.perf_counter() + seconds

    def worker(k: int) -> None:
        rng = random.Random(k)
        while time.perf_counter() < stop:
            token = rng.choice(tokens)
            body = urllib.parse.urlencode({"level": rng.choice("54321")}).encode()
            try:
                with urllib.request.urlopen(f"{base}/r/{token}/", body, timeout=30) as r:
                    r.read()
                done[k] += 1
            except OSError:
                failed[k] += 1

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done), sum(failed)


def main() -> None:
    subprocess.run(["dropdb", *PG, "--if-exists", ARGS.db], check=True)
    subprocess.run(["createdb", *PG, ARGS.db], check=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    rng = random.Random(14)
    people = build_province(ARGS.officers)
    print(f"PostgreSQL {ARGS.db}: 38 communes, {len(people)} service-centre officers.")

    if not ARGS.only_http:
        import_and_index(people, rng)
    http_figures(people)


def import_and_index(people: list, rng: random.Random) -> None:
    from django.core.management import call_command
    from django.db import connection

    from canbo.feedback.index import index_rows
    from canbo.feedback.models import Dossier, Rating

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dossiers.csv"
        write_csv(path, people, ARGS.n, rng)
        start, cpu = time.perf_counter(), time.process_time()
        call_command("import-dossiers", str(path), stdout=open(os.devnull, "w"))  # noqa: SIM115
        took, cpu = time.perf_counter() - start, time.process_time() - cpu
    ratings = Rating.objects.count()
    print(
        f"import-dossiers: {Dossier.objects.count():,} dossiers, {ratings:,} ratings from "
        f".csv in {took:.1f} s wall, {cpu:.1f} s CPU of this process (target: 100,000 in "
        f"< 30 s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )

    if ARGS.total > ratings:
        start = time.perf_counter()
        fill_ratings(people, ARGS.total - ratings, rng)
        print(
            f"(generated {ARGS.total - ratings:,} more rated dossiers in "
            f"{time.perf_counter() - start:.1f} s)"
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    months = [date(2026, m, 1) for m in range(1, 13)]
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        rows = index_rows(Dossier.objects.filter(month__in=months), "officer", by_month=True)
        indexes = [r.index for r in rows]
        timings.append(time.perf_counter() - start)
    print(
        f"province index, officer × month for 2026 over {Rating.objects.count():,} ratings "
        f"({Dossier.objects.count():,} dossiers): {len(indexes):,} rows in "
        f"{statistics.median(timings):.2f} s median of 3 (target < 5 s)"
    )


def http_figures(people: list) -> None:
    from django.test import Client

    from canbo.feedback.models import Rating
    from canbo.feedback.tokens import counter_token

    token = counter_token(people[0].pk)
    client = Client()
    print(
        f"rating page in-process: {page_latency(client, f'/r/{token}/', ARGS.runs):.1f} ms "
        "median (target < 20 ms)"
    )
    port = free_port()
    server = start_server(port, ARGS.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        median, size = http_latency(f"{base}/r/{token}/", ARGS.runs)
        print(
            f"rating page through gunicorn ({ARGS.workers} workers): {median:.1f} ms median, "
            f"{size:,} bytes"
        )
        tokens = [counter_token(p.pk) for p in people]
        before = Rating.objects.count()
        done, failed = post_ratings(base, tokens, ARGS.clients, ARGS.seconds)
        written = Rating.objects.count() - before
        print(
            f"ratings through gunicorn ({ARGS.workers} workers, {ARGS.clients} clients, "
            f"{ARGS.seconds:.0f} s): {done / ARGS.seconds:.0f} ratings/s ({written:,} "
            f"written, {failed} failed; target 200/s)"
        )
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
