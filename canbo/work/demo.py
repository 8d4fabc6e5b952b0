"""Demo data for the work app: one published catalogue per commune and a year of tasks.

`seed_work(stdout)` is called by the demo seed; it is idempotent (tasks carry source "demo").
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import JobPosition, Organization
from canbo.people.models import Person
from canbo.work.catalog_services import create_catalog, publish_catalog
from canbo.work.choices import Complexity, DelayKind, TaskStatus
from canbo.work.models import Catalog, CatalogItem, Delay, QualityReview, Task
from canbo.work.periods import year
from canbo.work.recompute import recompute

SOURCE = "demo"
TASKS_PER_MONTH = 5
STRUGGLING_SHARE = 0.015
OBJECTIVE_SHARE = 0.15
ITEMS = [
    ("SP01", "Soạn thảo văn bản hành chính", "Công văn", "văn bản", Complexity.SIMPLE, "0.80"),
    ("SP02", "Báo cáo định kỳ", "Báo cáo", "báo cáo", Complexity.STANDARD, "1.00"),
    (
        "SP03",
        "Thẩm định hồ sơ thủ tục hành chính",
        "Phiếu thẩm định",
        "hồ sơ",
        Complexity.STANDARD,
        "1.00",
    ),
    ("SP04", "Tham mưu kế hoạch năm", "Kế hoạch", "kế hoạch", Complexity.ADVANCED, "1.20"),
    ("SP05", "Kiểm tra, xác minh thực địa", "Biên bản", "cuộc", Complexity.ADVANCED, "1.20"),
    ("SP06", "Xây dựng đề án, chương trình", "Đề án", "đề án", Complexity.COMPLEX, "1.50"),
    ("SP07", "Xử lý việc đột xuất, khẩn cấp", "Báo cáo xử lý", "việc", Complexity.SPECIAL, "2.00"),
]


def seed_work(stdout=None) -> int:
    """Create the catalogues, tasks and the 2026 scores once; return the tasks created."""
    if Task.objects.filter(source=SOURCE).exists():
        return 0
    today = timezone.localdate()
    rng = random.Random(335)
    with transaction.atomic():
        items = {org.pk: seed_catalog(org) for org in _communes()}
        created = seed_tasks(rng, items, today)
    recompute(year(max(today.year, 2026)))
    if stdout is not None:
        stdout.write(f"Công việc: {len(items)} danh mục, {created} nhiệm vụ mẫu.")
    return created


def _communes():
    return Organization.objects.filter(kind__in=COMMUNE_KINDS)


def seed_catalog(org: Organization) -> list[CatalogItem]:
    name = f"Danh mục sản phẩm, công việc — {org.name}"
    catalog = Catalog.objects.filter(organization=org, name=name).first()
    if catalog is None:
        catalog = create_catalog(
            None, org, name, date(2026, 1, 1), "Quyết định phê duyệt danh mục (dữ liệu mẫu)"
        )
        positions = list(JobPosition.objects.all())
        for code, item_name, output, unit, complexity, coefficient in ITEMS:
            item = CatalogItem.objects.create(
                catalog=catalog,
                code=code,
                name=item_name,
                output=output,
                unit=unit,
                complexity=complexity,
                coefficient=Decimal(coefficient),
            )
            item.job_positions.set(positions)
        publish_catalog(None, catalog)
    return list(catalog.items.all())


def seed_tasks(rng: random.Random, items: dict[int, list[CatalogItem]], today: date) -> int:
    tasks, late, failed = [], [], []
    for person in Person.objects.exclude(organization=None).select_related("organization"):
        commune = person.organization.commune()
        if commune is None or commune.pk not in items:
            continue
        for month in range(1, today.month + 1 if today.year == 2026 else 13):
            # A few months in which a person leaves most of the work undone (a "fail" month).
            struggling = rng.random() < STRUGGLING_SHARE
            for n in range(TASKS_PER_MONTH):
                task, outcome = _task(
                    rng, person, items[commune.pk], date(2026, month, 1), today, struggling
                )
                task.external_id = f"{person.code}-{month:02d}-{n}"
                tasks.append(task)
                (late if outcome == "late" else failed if outcome == "failed" else []).append(task)
    Task.objects.bulk_create(tasks, batch_size=2000)
    Delay.objects.bulk_create([_delay(t) for t in late], batch_size=2000)
    QualityReview.objects.bulk_create(
        [
            QualityReview(task=t, passed=False, note="Sai sót nội dung (dữ liệu mẫu)")
            for t in failed
        ],
        batch_size=2000,
    )
    return len(tasks)


def _delay(task: Task) -> Delay:
    delay = Delay(
        task=task,
        kind=DelayKind.LATE_COMPLETION,
        due_before=task.due_date,
        due_after=task.completed_date,
    )
    if task.objective_delays:
        delay.objective = True
        delay.certification_reason = "Mưa lũ chia cắt đường giao thông (dữ liệu mẫu)"
    return delay


def _task(
    rng, person, items, month: date, today: date, struggling: bool = False
) -> tuple[Task, str]:
    item = rng.choice(items)
    due = month + timedelta(days=rng.randint(5, 27))
    task = Task(
        assignee=person,
        organization=person.organization,
        catalog_item=item,
        name=item.name,
        coefficient=item.coefficient,
        quantity=Decimal(rng.choice([1, 1, 1, 2, 3])),
        assigned_date=month,
        due_date=due,
        period=month,
        source=SOURCE,
    )
    if due >= today or rng.random() < (0.8 if struggling else 0.05):
        return task, "open"
    outcome = rng.choices(["ok", "late", "failed"], [0.85, 0.09, 0.06])[0]
    task.status = TaskStatus.COMPLETED
    task.completed_date = due + timedelta(days=rng.randint(1, 4)) if outcome == "late" else due
    task.completed_date = min(task.completed_date, today)
    task.delays = int(outcome == "late" and task.completed_date > due)
    # Some delays are certified as due to an objective cause (floods cut the mountain roads).
    task.objective_delays = int(task.delays and rng.random() < OBJECTIVE_SHARE)
    task.quality_failures = int(outcome == "failed")
    return task, outcome if task.delays or outcome == "failed" else "ok"
