"""Capacity flags: recorded and lifted on their page, and heeded by the rotation check."""

from datetime import date

from django.urls import reverse

from canbo.cadre.models import CapacityFlag
from canbo.cadre.services.rotation import check_rotation
from canbo.core.models import AuditEntry
from canbo.org.models import Organization
from tests.factories import make_person


def _provincial(world):
    agency = Organization.objects.get(name="Sở Nội vụ")
    return make_person("ST-9", "Đỗ Văn Tỉnh", agency, world.staff_title, world.position)


def test_flag_then_lift_on_the_page(world, login, key_titles):
    person = _provincial(world)
    client = login(world.users["personnel"])
    response = client.post(
        reverse("cadre:flag_new"), {"person": person.pk, "reason": "Kết luận kiểm tra số 12/KL"}
    )
    assert response.status_code == 302
    flag = CapacityFlag.objects.get(person=person, active=True)
    page = client.get(reverse("cadre:flags")).content.decode()
    assert "Đỗ Văn Tỉnh" in page and "Kết luận kiểm tra số 12/KL" in page
    assert "Đang áp dụng" in page and reverse("cadre:flag_lift", args=[flag.pk]) in page
    assert check_rotation(person, world.tanphong, key_titles[1], date(2026, 3, 1))

    # A second flag while one is in force is refused, and nothing is written.
    again = client.post(reverse("cadre:flag_new"), {"person": person.pk, "reason": "Lần hai"})
    assert "đã được ghi nhận hạn chế" in again.content.decode()
    assert CapacityFlag.objects.filter(person=person).count() == 1

    blank = client.post(reverse("cadre:flag_lift", args=[flag.pk]), {"reason": "  "})
    assert blank.status_code == 200 and CapacityFlag.objects.get(pk=flag.pk).active
    lifted = client.post(
        reverse("cadre:flag_lift", args=[flag.pk]), {"reason": "Đánh giá lại năm 2026"}
    )
    assert lifted.status_code == 302 and not CapacityFlag.objects.get(pk=flag.pk).active
    assert check_rotation(person, world.tanphong, key_titles[1], date(2026, 3, 1)) == []
    assert "Đã gỡ" in client.get(reverse("cadre:flags")).content.decode()
    assert (
        client.post(reverse("cadre:flag_lift", args=[flag.pk]), {"reason": "Lần nữa"}).status_code
        == 404
    )
    actions = list(
        AuditEntry.objects.filter(action__startswith="cadre.")
        .values_list("action", flat=True)
        .order_by("pk")
    )
    assert actions == ["cadre.flag_capacity", "cadre.lift_capacity_flag"]


def test_flag_needs_a_reason_and_a_person_in_scope(world, login):
    client = login(world.users["personnel"])
    response = client.post(
        reverse("cadre:flag_new"), {"person": world.people["staff"].pk, "reason": ""}
    )
    assert response.status_code == 200 and not CapacityFlag.objects.exists()
    assert (
        client.post(reverse("cadre:flag_new"), {"person": "999999", "reason": "Lý do"}).status_code
        == 404
    )


def test_heads_see_flags_of_their_unit_only_and_cannot_flag(world, login):
    CapacityFlag.objects.create(
        person=world.people["colleague"], reason="Kết luận KL-TP-01", flagged_on=date(2026, 1, 5)
    )
    CapacityFlag.objects.create(
        person=world.people["outsider"], reason="Kết luận KL-DK-02", flagged_on=date(2026, 1, 5)
    )
    client = login(world.users["head"])
    page = client.get(reverse("cadre:flags")).content.decode()
    assert "KL-TP-01" in page and "KL-DK-02" not in page
    assert reverse("cadre:flag_new") not in page
    assert client.get(reverse("cadre:flag_new")).status_code == 403
