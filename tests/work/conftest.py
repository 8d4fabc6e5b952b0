from datetime import date
from decimal import Decimal

import pytest

from canbo.work.catalog_services import create_catalog, publish_catalog, save_catalog_item
from canbo.work.models import CatalogItem
from canbo.work.task_services import assign_task


@pytest.fixture
def catalog(world):
    """A published catalogue of Tân Phong with three items."""
    actor = world.users["personnel"]
    cat = create_catalog(actor, world.tanphong, "Danh mục sản phẩm phường Tân Phong",
                         date(2026, 1, 1), "Quyết định số 12/QĐ-UBND")
    for code, name, coefficient in [("VP01", "Soạn thảo công văn", "1.50"),
                                    ("VP02", "Báo cáo định kỳ", "1.00"),
                                    ("VP03", "Đề án", "2.00")]:
        item = CatalogItem(catalog=cat, code=code, name=name, unit="văn bản",
                           coefficient=Decimal(coefficient))
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
