"""Leave and conclusion pages on a person's cadre record (today pinned to 01/03/2026)."""

from datetime import date

import pytest
from django.urls import reverse

from canbo.cadre.models import Conclusion
from canbo.core.models import AuditEntry
from canbo.people.leave import record_leave
from canbo.people.models import LeavePeriod

LEAVE = {
    "kind": "maternity",
    "start": "2026-03-01",
    "end": "2026-06-30",
    "evidence": "QĐ 12/QĐ-UBND",
    "note": "Sinh con",
}
CONCLUSION = {
    "kind": "degradation",
    "issuer": "Ủy ban kiểm tra Đảng ủy phường",
    "number": "08-KL/UBKT",
    "date": "2026-02-20",
    "content": "Vi phạm nêu gương",
}


@pytest.fixture
def leave(world):
    return record_leave(
        world.users["personnel"],
        world.people["staff"],
        "maternity",
        date(2026, 3, 1),
        date(2026, 6, 30),
        "QĐ 12/QĐ-UBND",
    )


def test_officer_records_leave_and_sees_the_months_not_counted(login, world):
    client = login(world.users["personnel"])
    staff = world.people["staff"]
    url = reverse("cadre:leave_new", args=[staff.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, LEAVE)
    assert response.status_code == 302 and response.url == reverse("cadre:person", args=[staff.pk])
    assert LeavePeriod.objects.get().person == staff
    page = client.get(reverse("cadre:person", args=[staff.pk])).content.decode()
    assert "Nghỉ thai sản" in page and "QĐ 12/QĐ-UBND" in page
    assert "03/2026: Nghỉ thai sản 01/03/2026 – 30/06/2026" in page
    assert reverse("cadre:leave_delete", args=[LeavePeriod.objects.get().pk]) in page


def test_a_refused_leave_shows_the_error_and_writes_nothing(login, world):
    client = login(world.users["personnel"])
    response = client.post(
        reverse("cadre:leave_new", args=[world.people["staff"].pk]), LEAVE | {"end": "2027-01-31"}
    )
    assert response.status_code == 200
    assert "hai khoảng" in response.content.decode()
    assert not LeavePeriod.objects.exists()


def test_officer_deletes_leave_with_a_reason(login, world, leave):
    client = login(world.users["personnel"])
    url = reverse("cadre:leave_delete", args=[leave.pk])
    assert client.post(url, {"reason": ""}).status_code == 200  # the form asks for it
    assert LeavePeriod.objects.exists()
    assert client.post(url, {"reason": "Nhập nhầm"}).status_code == 302
    assert not LeavePeriod.objects.exists()
    assert AuditEntry.objects.get(action="people.delete_leave").reason == "Nhập nhầm"


def test_civil_servant_sees_own_leave_read_only(login, world, leave):
    client = login(world.users["staff"])
    page = client.get(reverse("cadre:person", args=[world.people["staff"].pk]))
    html = page.content.decode()
    assert page.status_code == 200 and "QĐ 12/QĐ-UBND" in html
    assert reverse("cadre:leave_new", args=[world.people["staff"].pk]) not in html
    assert reverse("cadre:leave_delete", args=[leave.pk]) not in html
    assert reverse("cadre:conclusion_new", args=[world.people["staff"].pk]) not in html
    assert (
        client.post(reverse("cadre:leave_delete", args=[leave.pk]), {"reason": "x"}).status_code
        == 403
    )
    assert LeavePeriod.objects.exists()


def test_officer_records_a_conclusion_and_the_record_warns(login, world):
    client = login(world.users["personnel"])
    staff = world.people["staff"]
    response = client.post(reverse("cadre:conclusion_new", args=[staff.pk]), CONCLUSION)
    assert response.status_code == 302
    assert Conclusion.objects.get().person == staff
    html = client.get(reverse("cadre:person", args=[staff.pk])).content.decode()
    assert "Không hoàn thành nhiệm vụ" in html and "08-KL/UBKT" in html
    assert "suy thoái tư tưởng chính trị" in html


def test_a_future_conclusion_is_refused_on_the_page(login, world):
    client = login(world.users["personnel"])
    response = client.post(
        reverse("cadre:conclusion_new", args=[world.people["staff"].pk]),
        CONCLUSION | {"date": "2026-03-02"},
    )
    assert response.status_code == 200 and "tương lai" in response.content.decode()
    assert not Conclusion.objects.exists()


def test_personnel_officer_of_another_commune_gets_404(client, world, dk_personnel, leave):
    client.force_login(dk_personnel)
    staff = world.people["staff"]
    for name, pk in (
        ("cadre:leave_new", staff.pk),
        ("cadre:conclusion_new", staff.pk),
        ("cadre:leave_delete", leave.pk),
        ("cadre:person", staff.pk),
    ):
        assert client.get(reverse(name, args=[pk])).status_code == 404, name
    assert client.post(reverse("cadre:leave_new", args=[staff.pk]), LEAVE).status_code == 404
    assert (
        client.post(reverse("cadre:conclusion_new", args=[staff.pk]), CONCLUSION).status_code == 404
    )
    assert (
        client.post(reverse("cadre:leave_delete", args=[leave.pk]), {"reason": "x"}).status_code
        == 404
    )
    assert LeavePeriod.objects.count() == 1 and not Conclusion.objects.exists()
    # Their own commune's people are theirs to manage.
    outsider = world.people["outsider"]
    assert client.post(reverse("cadre:leave_new", args=[outsider.pk]), LEAVE).status_code == 302
