"""Equipment: the review against the norm, the province summary, commune isolation."""

from datetime import date

import pytest
from django.urls import reverse

from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from canbo.oversight.equipment import InventoryItem, province_summary, review
from tests.factories import make_user
from tests.oversight.conftest import xlsx_text


def test_the_review_lists_shortfalls_against_the_norm(world):
    office = world.tp_office  # 3 people (staff, colleague, head): 3 computers, 1 printer...
    InventoryItem.objects.create(organization=office, item="computer", year=2024)
    InventoryItem.objects.create(organization=office, item="computer", year=2015, state="broken")
    InventoryItem.objects.create(organization=office, item="printer", year=2022, state="worn")
    InventoryItem.objects.create(organization=world.tanphong, item="photocopier", year=2021)
    lines = {(ln.unit, ln.item): ln for ln in review(world.tanphong)}
    computers = lines[(office.name, "computer")]
    assert (computers.required, computers.usable, computers.broken, computers.shortfall) == (
        3,
        1,
        1,
        2,
    )
    assert lines[(office.name, "printer")].shortfall == 0
    assert lines[(office.name, "scanner")].shortfall == 1
    assert lines[(world.tanphong.name, "photocopier")].shortfall == 0
    assert lines[(world.tanphong.name, "projector")].shortfall == 1
    summary = dict(province_summary([world.tanphong, world.doanket]))
    assert summary[world.tanphong]["computer"] == 2 + 1 + 1  # office, economy, the chairman
    assert summary[world.doanket]["computer"] == 1


def test_a_commune_records_its_equipment_and_sees_only_its_own(client, world):
    officer = make_user("tp.personnel", Role.PERSONNEL_COMMUNE, world.tanphong)
    client.force_login(officer)
    url = reverse("oversight:equipment_add", args=[world.tanphong.pk])
    form = {
        "organization": world.tp_office.pk,
        "item": "computer",
        "year": "2025",
        "state": "good",
        "label": "Dell",
    }
    assert client.post(url, form).status_code == 302
    assert AuditEntry.objects.filter(action="oversight.add_inventory_item").count() == 1
    assert client.post(url, form | {"year": "2099"}).status_code == 400
    refused = client.post(url, form | {"year": "1980"})
    assert "từ năm 1990" in refused.content.decode()
    assert InventoryItem.objects.count() == 1
    other = reverse("oversight:equipment_add", args=[world.doanket.pk])
    assert client.post(other, form | {"organization": world.dk_office.pk}).status_code == 404
    client.force_login(world.users["chair"])
    page = client.get(reverse("oversight:equipment")).content.decode()
    assert "Phường Tân Phong" in page and "Phường Đoàn Kết" not in page
    sheet = xlsx_text(client.get(reverse("oversight:equipment") + "?format=xlsx").content)
    assert "Phường Tân Phong" in sheet and "Phường Đoàn Kết" not in sheet
    assert (
        client.get(reverse("oversight:equipment_commune", args=[world.doanket.pk])).status_code
        == 404
    )


@pytest.mark.parametrize("item", ["computer", "printer"])
def test_the_province_sees_every_commune(client, world, item):
    InventoryItem.objects.create(organization=world.dk_office, item=item, year=date.today().year)
    client.force_login(world.users["personnel"])
    page = client.get(reverse("oversight:equipment")).content.decode()
    assert "Phường Tân Phong" in page and "Phường Đoàn Kết" in page
