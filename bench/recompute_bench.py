"""Time `canbo recompute --period 2026` on a province-year against a bare SQL GROUP BY floor.

Builds (once; reused on later runs) 38 communes, N civil servants and 20 tasks per person per
month of 2026 with one INSERT ... SELECT generate_series, then prints the recompute time, tasks
per second, the time of one SQL GROUP BY summing the same weights per person and month (the
floor) and the ratio. It asserts nothing.

Usage:
  createdb -h 127.0.0.1 -U postgres canbo_bench
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_bench \\
      .venv/bin/python bench/recompute_bench.py [--people 10000] [--rebuild]
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from canbo.org.choices import OrgKind  # noqa: E402
from canbo.org.models import Organization  # noqa: E402
from canbo.people.models import Person  # noqa: E402
from canbo.work.models import PeriodScore, Task  # noqa: E402
from canbo.work.periods import year  # noqa: E402
from canbo.work.recompute import recompute  # noqa: E402
from canbo.work.recompute.sums import weight_sums  # noqa: E402

TASKS_PER_MONTH = 20
COMMUNES = 38
DEPARTMENTS = 4

# One row per person × month × task; the weights mimic a catalogue of complexity groups
# (coefficients 0.8–2.0), mostly single products, ~90 % completed, a few failures and delays.
INSERT_TASKS = """
INSERT INTO work_task (assignee_id, organization_id, name, coefficient, quantity,
    assigned_date, due_date, completed_date, status, period, source, external_id, evidence,
    quality_failures, objective_quality_failures, delays, objective_delays,
    created_at, updated_at)
SELECT p.id, p.organization_id, 'Nhiệm vụ mẫu',
    (ARRAY[0.80, 1.00, 1.00, 1.20, 1.50, 2.00])[1 + floor(r.r1 * 6)::int],
    (ARRAY[1, 1, 1, 1, 2, 3])[1 + floor(r.r2 * 6)::int],
    m.month, m.month + 14, CASE WHEN r.r3 < 0.9 THEN m.month + 14 END,
    CASE WHEN r.r3 < 0.9 THEN 'completed' ELSE 'assigned' END,
    m.month, '', '', '',
    CASE WHEN r.r3 < 0.9 AND r.r4 < 0.06 THEN 1 + floor(r.r4 * 30)::int ELSE 0 END,
    CASE WHEN r.r3 < 0.9 AND r.r4 < 0.01 THEN 1 ELSE 0 END,
    CASE WHEN r.r3 < 0.9 AND r.r5 < 0.10 THEN 1 + floor(r.r5 * 20)::int ELSE 0 END,
    CASE WHEN r.r3 < 0.9 AND r.r5 < 0.02 THEN 1 ELSE 0 END,
    now(), now()
FROM people_person p
CROSS JOIN (SELECT make_date(2026, g, 1) AS month FROM generate_series(1, 12) g) m
CROSS JOIN generate_series(1, %s) k
CROSS JOIN LATERAL (SELECT random() + k * 0 + p.id * 0 AS r1, random() AS r2, random() AS r3,
                           random() AS r4, random() AS r5) r
WHERE p.organization_id IS NOT NULL
"""

# The floor: the same four weight sums per person and month, computed by SQL alone.
FLOOR = """
SELECT assignee_id, period,
    SUM(quantity * coefficient),
    SUM(CASE WHEN status = 'completed' THEN quantity * coefficient ELSE 0 END),
    SUM(CASE WHEN status = 'completed' THEN GREATEST(0, quantity * coefficient
        - 0.25 * coefficient * (quality_failures - objective_quality_failures)) ELSE 0 END),
    SUM(CASE WHEN status = 'completed' THEN GREATEST(0, quantity * coefficient
        - 0.25 * coefficient * (delays - objective_delays)) ELSE 0 END)
FROM work_task
WHERE period BETWEEN '2026-01-01' AND '2026-12-01' AND assignee_id IS NOT NULL
    AND status <> 'cancelled'
GROUP BY assignee_id, period
"""


def build(people: int) -> None:
    start = time.perf_counter()
    province = Organization.objects.create(name="Tỉnh (bench)", kind=OrgKind.PROVINCE)
    units = []
    for c in range(COMMUNES):
        commune = Organization.objects.create(name=f"Xã {c}", kind=OrgKind.COMMUNE, parent=province)
        units += [
            Organization.objects.create(name=f"Phòng {d}", kind=OrgKind.DEPARTMENT, parent=commune)
            for d in range(DEPARTMENTS)
        ]
    Person.objects.bulk_create(
        [
            Person(
                code=f"B{i:06d}",
                full_name=f"Công chức {i}",
                gender="male",
                search_key=f"cong chuc {i}",
                organization=units[i % len(units)],
            )
            for i in range(people)
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute(INSERT_TASKS, [TASKS_PER_MONTH])
        cursor.execute("ANALYZE work_task")
    print(
        f"built {people:,} people and {Task.objects.count():,} tasks "
        f"in {time.perf_counter() - start:.1f} s"
    )


def clear() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE work_periodscore, work_recomputejob, work_delay, "
            "work_qualityreview, work_task, people_person, org_organization CASCADE"
        )


def timed(label: str, action):
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    print(f"{label}: {elapsed:.2f} s")
    return elapsed, result


def floor_query() -> list:
    with connection.cursor() as cursor:
        cursor.execute(FLOOR)
        return cursor.fetchall()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database (see the docstring).")
    call_command("migrate", verbosity=0)
    expected = args.people * 12 * TASKS_PER_MONTH
    if args.rebuild or Task.objects.count() != expected:
        clear()
        build(args.people)
    tasks = Task.objects.count()
    print(f"database: {connection.vendor}, people: {Person.objects.count():,}, tasks: {tasks:,}")
    floor_before, rows = timed("floor: one SQL GROUP BY per person and month", floor_query)
    _, loaded = timed(
        "weight sums alone (the recompute's queries)", lambda: weight_sums(year(2026).months)
    )
    print(f"  {len(rows):,} person-months from the floor, {len(loaded.sums):,} from the recompute")
    runs = [
        ("into an empty score table", clear_scores),
        ("again: every stored row unchanged", lambda: None),
        ("again: every stored row different", spoil_scores),
    ]
    elapsed = {}
    for label, prepare in runs:
        prepare()
        elapsed[label], job = timed(
            f"recompute --period 2026 {label}", lambda: recompute(year(2026))
        )
        print(
            f"  job #{job.pk}: {job.status}, {job.rows:,} rows, "
            f"{PeriodScore.objects.count():,} stored, {tasks / elapsed[label]:,.0f} tasks/s"
        )
    floor_after, _ = timed("floor again", floor_query)
    floor = min(floor_before, floor_after)
    for label, seconds in elapsed.items():
        print(f"ratio recompute / floor, {label}: {seconds / floor:.1f}× (target ≤ 3×)")
    print(f"workers: {settings.RECOMPUTE_WORKERS} (RECOMPUTE_WORKERS), cores: {os.cpu_count()}")


def clear_scores() -> None:
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE work_periodscore")


def spoil_scores() -> None:
    """Make every stored row differ from what the recompute will find, then clean the table
    up so that the recompute meets the same table as after an ordinary run."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE work_periodscore SET task_score = -1")
        cursor.execute("VACUUM ANALYZE work_periodscore")


if __name__ == "__main__":
    main()
