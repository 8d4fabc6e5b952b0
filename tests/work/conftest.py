from datetime import date
from decimal import Decimal

import pytest

from canbo.work.catalog_services import create_catalog, publish_catalog, save_catalog_item
from canbo.work.models import CatalogItem
from canbo.work.task_services import (
    assign_task,
    cancel_task,
    certify_objective_cause,
    complete_task,
    extend_deadline,
    record_quality_review,
)


@pytest.fixture
def catalog(world):
    """A published catalogue of Tân Phong with three items."""
    actor = world.users["personnel"]
    cat = create_catalog(
        actor,
        world.tanphong,
        "Danh mục sản phẩm phường Tân Phong",
        date(2026, 1, 1),
        "Quyết định số 12/QĐ-UBND",
    )
    for code, name, coefficient in [
        ("VP01", "Soạn thảo công văn", "1.50"),
        ("VP02", "Báo cáo định kỳ", "1.00"),
        ("VP03", "Đề án", "2.00"),
    ]:
        item = CatalogItem(
            catalog=cat, code=code, name=name, unit="văn bản", coefficient=Decimal(coefficient)
        )
        save_catalog_item(actor, item, [world.position])
    return publish_catalog(actor, cat)


@pytest.fixture
def item(catalog):
    return {i.code: i for i in catalog.items.all()}


@pytest.fixture
def make_task(world):
    def _make(person="staff", **fields):
        fields.setdefault("name", "Nhiệm vụ")
        fields.setdefault("assigned_date", date(2026, 3, 2))
        fields.setdefault("due_date", date(2026, 3, 20))
        fields.setdefault("coefficient", Decimal("1.00"))
        return assign_task(world.users["head"], assignee=world.people[person], **fields)

    return _make


@pytest.fixture
def march(world, make_task):
    """Nguyễn Văn An's March 2026, computed by hand below."""
    head, chair = world.users["head"], world.users["chair"]
    t1 = complete_task(head, make_task(quantity=2, coefficient="1.50"), date(2026, 3, 18))
    record_quality_review(head, t1, passed=False, note="Sai số liệu")  # w 3 → b 2.625
    t2 = make_task(due_date=date(2026, 3, 10))
    t2 = extend_deadline(head, t2, date(2026, 3, 20))
    complete_task(head, t2, date(2026, 3, 25))  # 2 delays: c 1 − 0.5 = 0.5
    make_task(coefficient="2.00")  # not completed: only in the denominator
    cancel_task(head, make_task(), "Giao nhầm")  # cancelled: not counted at all
    t5 = complete_task(head, make_task(due_date=date(2026, 3, 5)), date(2026, 3, 6))
    certify_objective_cause(chair, t5.delay_records.get(), "Lũ quét chia cắt đường")
    make_task("colleague", due_date=date(2026, 4, 10))  # April, another person
