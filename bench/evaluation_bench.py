"""Median response time and query count of the review board and the annual quota screen,
for one commune (its chairman / personnel officer) and for the whole province (sonoivu),
and of the commune's summary table download (.xlsx).

Usage (PostgreSQL; the database is created and dropped around the run):
    createdb -h 127.0.0.1 -U postgres canbo_evalbench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_evalbench \
        .venv/bin/python bench/evaluation_bench.py [--scale 10000] [--runs 15]
    dropdb -h 127.0.0.1 -U postgres canbo_evalbench
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from canbo.core.roles import Role  # noqa: E402
from canbo.evaluation.choices import SheetStatus  # noqa: E402
from canbo.evaluation.models import AnnualResult, EvaluationPeriod, EvaluationSheet  # noqa: E402
from canbo.evaluation.services.annual import commune_of, communes_by_path  # noqa: E402
from canbo.evaluation.services.periods import open_period  # noqa: E402
from canbo.org.choices import COMMUNE_KINDS  # noqa: E402
from canbo.org.models import Organization  # noqa: E402
from canbo.people.models import Person, Profile  # noqa: E402
from canbo.scoring import LABELS, level_for, rulebook_for  # noqa: E402

MONTH, YEAR = date(2026, 10, 1), 2026
RULEBOOK = rulebook_for(MONTH)


def level(total: float) -> str:
    return level_for(Fraction(str(total)), RULEBOOK)


# (status, share): most sheets approved, the rest somewhere along the workflow.
STATES = [
    (SheetStatus.PUBLISHED, 55),
    (SheetStatus.REVIEWED, 15),
    (SheetStatus.SELF_ASSESSED, 15),
    (SheetStatus.DRAFT, 12),
    (SheetStatus.CONTESTED, 3),
]
PAGES = {
    "review board": "/evaluation/review/?month=2026-10",
    "annual quota": f"/evaluation/annual/{YEAR}/",
    "unit xlsx": "/reports/unit.xlsx?month=2026-10",
}


def _total(rng: random.Random) -> float:
    return round(min(100.0, max(35.0, rng.gauss(80, 8))), 4)


def _result(total: float, rng: random.Random) -> dict:
    general = round(min(30.0, total * 0.28), 2)
    task = total - general
    ratio = task / 70
    return {
        "rulebook": None,
        "a": min(1.0, ratio + 0.05),
        "b": ratio,
        "c": ratio,
        "d": None,
        "dd": None,
        "e": None,
        "task_score": task,
        "general_score": general,
        "total": total,
        "total_exact": str(total),
        "classification": level(total),
        "label": LABELS[level(total)],
        "no_items": False,
        "explanation": [{"text": "Số lượng", "basis": "Điều 14", "rule": "quantity"}] * 6,
    }


def seed_states() -> int:
    """October 2026 for the whole province; sheets given realistic states in bulk."""
    sonoivu = User.objects.get(username="sonoivu")
    root = Organization.objects.get(depth=0)
    if not EvaluationPeriod.objects.filter(organization=root, start=MONTH).exists():
        open_period(sonoivu, root, MONTH)
    rng = random.Random(335)
    statuses = [s for s, share in STATES for _ in range(share)]
    sheets = list(EvaluationSheet.objects.filter(period__start=MONTH))
    for sheet in sheets:
        sheet.status = rng.choice(statuses)
        if sheet.status == SheetStatus.DRAFT:
            continue
        total = _total(rng)
        sheet.general_self = [4.5, 4.5, 2.25, 2.25, 2.25, 2.25, 8.5]  # Mẫu số 01 lines
        sheet.general_review = (
            None
            if sheet.status == SheetStatus.SELF_ASSESSED
            else [4.5, 4.5, 2.25, 2.25, 2.0, 2.0, 8.5]
        )
        sheet.result = _result(total, rng)
        sheet.total, sheet.classification = Decimal(str(total)), level(total)
    EvaluationSheet.objects.bulk_update(
        sheets,
        ["status", "general_self", "general_review", "result", "total", "classification"],
        batch_size=1000,
    )
    return len(sheets)


def seed_annual() -> int:
    """A draft annual result per person, about 15 % excellent (so some quotas are exceeded)."""
    AnnualResult.objects.filter(year=YEAR).delete()
    rng, communes = random.Random(2026), communes_by_path()
    rows = []
    for person in Person.objects.select_related("organization", "job_position").filter(
        organization__isnull=False
    ):
        average = round(min(99.0, max(40.0, rng.gauss(82, 7))), 4)
        grade = level(average)
        rows.append(
            AnnualResult(
                person=person,
                year=YEAR,
                organization=commune_of(person.organization, communes),
                task_group=person.job_position.field if person.job_position else "",
                average=Decimal(str(average)),
                periods_used=10,
                classification=grade,
                label=LABELS[grade],
                explanation=[],
            )
        )
    AnnualResult.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def commune_users() -> tuple[Organization, int, User, User]:
    """The commune with the fewest people, its chairman and a commune personnel officer."""
    sizes = {o.pk: 0 for o in Organization.objects.filter(kind__in=COMMUNE_KINDS)}
    communes = communes_by_path()
    for org_path, n in Person.objects.values_list("organization__path").annotate(n=Count("id")):
        commune = communes.get(_commune_path(org_path or ""))
        if commune is not None:
            sizes[commune.pk] += n
    pk = min(sizes, key=sizes.get)
    commune = Organization.objects.get(pk=pk)
    chair = Person.objects.filter(organization=commune, title__code="CHU_TICH").first()
    return (
        commune,
        sizes[pk],
        _user("bench.chutich", Role.CHAIRMAN, commune, chair),
        _user("bench.tccb", Role.PERSONNEL_COMMUNE, commune, None),
    )


def _commune_path(path: str) -> str:
    parts = path.strip("/").split("/")
    return "/" + "/".join(parts[:2]) + "/"


def _user(username: str, role: str, org: Organization, person) -> User:
    user, _ = User.objects.get_or_create(username=username)
    Profile.objects.filter(person=person).exclude(user=user).update(person=None)
    Profile.objects.update_or_create(
        user=user, defaults={"role": role, "organization": org, "person": person}
    )
    return user


def measure(user: User, url: str, runs: int) -> tuple[float, float, int, int]:
    client = Client()
    client.force_login(user)
    client.get(url)  # warm-up: template and translation caches
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return statistics.median(timings), max(timings), len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (see the docstring).")
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("seed-demo", scale=args.scale, verbosity=0)
    print(
        f"seed-demo --scale {args.scale}: {time.perf_counter() - start:.1f} s, "
        f"people: {Person.objects.count():,}"
    )
    start = time.perf_counter()
    if (
        EvaluationSheet.objects.filter(status=SheetStatus.PUBLISHED).exists()
        and AnnualResult.objects.filter(year=YEAR).exists()
    ):
        print("states already seeded: reused")
    else:
        print(
            f"October 2026 sheets: {seed_states():,}; annual results: {seed_annual():,} "
            f"({time.perf_counter() - start:.1f} s)"
        )
    connection.cursor().execute("ANALYZE")
    commune, size, chair, personnel = commune_users()
    sonoivu = User.objects.get(username="sonoivu")
    print(f"commune: {commune.name} ({size} people)")
    cases = [
        (f"{commune.name} · chairman", chair, "review board"),
        (f"{commune.name} · personnel", personnel, "annual quota"),
        (f"{commune.name} · chairman", chair, "annual quota"),
        (f"{commune.name} · chairman", chair, "unit xlsx"),
        ("province · sonoivu", sonoivu, "review board"),
        ("province · sonoivu", sonoivu, "annual quota"),
    ]
    for who, user, page in cases:
        median, worst, queries, size_bytes = measure(user, PAGES[page], args.runs)
        print(
            f"{page:13s} {who:34s} median {median:8.1f} ms  max {worst:8.1f} ms  "
            f"{queries:4d} queries  {size_bytes / 1024:8.1f} KB"
        )


if __name__ == "__main__":
    main()
