"""Personnel officers edit a person's record in the app: audited, logged, bad input refused."""

from datetime import timedelta

from django.utils import timezone

from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from canbo.people.models import Person, PersonalDataAccess, Post
from tests.factories import make_user

RECORD = {
    "id_number": "012345678901",
    "hometown": "",
    "ethnicity": "thai",
    "party_member": "on",
    "education": "4",
    "major": "Quản lý đất đai",
    "political_theory": "2",
    "state_management": "1",
    "it_certificate": "Cơ bản",
    "foreign_language": "",
    "service_start": "2010-03-01",
}


def _edit(client, person, **over):
    return client.post(f"/people/{person.pk}/edit/", RECORD | over)


def test_personnel_officer_edits_the_record(world, login):
    staff = world.people["staff"]
    client = login(world.users["personnel"])
    assert _edit(client, staff, hometown=str(world.doanket.pk)).status_code == 302
    staff.refresh_from_db()
    assert (staff.id_number, staff.hometown, staff.party_member, staff.education) == (
        "012345678901",
        world.doanket,
        True,
        4,
    )
    entry = AuditEntry.objects.get(action="people.update_record", object_id=str(staff.pk))
    assert entry.changes["political_theory"] == [0, 2]
    assert PersonalDataAccess.objects.filter(person=staff, what="person.edit").exists()


def test_duplicate_id_number_is_refused_with_a_vietnamese_message(world, login):
    Person.objects.filter(pk=world.people["colleague"].pk).update(id_number="012345678901")
    staff = world.people["staff"]
    response = _edit(login(world.users["personnel"]), staff)
    html = response.content.decode()
    assert response.status_code == 200
    assert "đã được ghi cho Lò Thị Mai (mã TP-2)" in html
    staff.refresh_from_db()
    assert staff.id_number is None and staff.education != 4
    assert not AuditEntry.objects.filter(action="people.update_record").exists()


def test_malformed_id_number_and_future_start_are_refused(world, login):
    staff = world.people["staff"]
    client = login(world.users["personnel"])
    assert "12 chữ số" in _edit(client, staff, id_number="12AB").content.decode()
    future = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "tương lai" in _edit(client, staff, service_start=future).content.decode()
    staff.refresh_from_db()
    assert staff.id_number is None and staff.service_start is None


def test_post_history_and_future_post_refused(world, login):
    staff = world.people["staff"]
    client = login(world.users["personnel"])
    past = {
        "organization": world.doanket.pk,
        "start": "2012-01-01",
        "end": "2019-12-31",
        "decision": "15/QĐ-UBND",
    }
    assert client.post(f"/people/{staff.pk}/posts/new/", past).status_code == 302
    assert (
        Post.objects.filter(person=staff, organization=world.doanket, end__isnull=False).count()
        == 1
    )
    staff.refresh_from_db()
    assert staff.organization == world.tp_office  # a past post leaves the current one
    assert PersonalDataAccess.objects.filter(person=staff, what="person.post").exists()
    assert AuditEntry.objects.filter(
        action="people.record_past_post", object_id=str(staff.pk)
    ).exists()
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    response = client.post(f"/people/{staff.pk}/posts/new/", past | {"start": future, "end": ""})
    assert "tương lai" in response.content.decode()
    assert staff.posts.count() == 2


def test_commune_officer_edits_only_their_commune(world, login):
    officer = make_user("tp-personnel", Role.PERSONNEL_COMMUNE, world.tanphong)
    client = login(officer)
    assert _edit(client, world.people["economy"]).status_code == 302
    assert _edit(client, world.people["outsider"], id_number="").status_code == 404
    world.people["outsider"].refresh_from_db()
    assert world.people["outsider"].ethnicity == "dao"


def test_a_second_chairman_is_refused(world, login):
    world.chair_title.single_holder = True
    world.chair_title.save()
    staff = world.people["staff"]
    response = login(world.users["personnel"]).post(
        f"/people/{staff.pk}/posts/new/",
        {
            "organization": world.tanphong.pk,
            "title": world.chair_title.pk,
            "start": "2026-01-05",
            "end": "",
        },
    )
    assert "đang có Chủ tịch UBND: Lê Văn Bình" in response.content.decode()
    staff.refresh_from_db()
    assert staff.title == world.staff_title and staff.posts.count() == 1
