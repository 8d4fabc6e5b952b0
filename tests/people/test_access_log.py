"""Personal-data access is logged everywhere it is read (who, what, when, from where), the
personnel office reads the log, and a role changed in the Django admin is audited."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from canbo.people.models import PersonalDataAccess
from tests.evaluation.conftest import period, sheet  # noqa: F401  (shared fixtures)
from tests.integration.conftest import bearer, clients  # noqa: F401
from tests.reports.conftest import published  # noqa: F401

OFFICE = "198.51.100.20"


def _client(user) -> Client:
    client = Client(REMOTE_ADDR=OFFICE)
    client.force_login(user)
    return client


def _accesses(what: str):
    return PersonalDataAccess.objects.filter(what=what)


def test_cadre_record_is_logged_with_address(world):
    person = world.people["staff"]
    response = _client(world.users["chair"]).get(reverse("cadre:person", args=[person.pk]))
    assert response.status_code == 200
    entry = _accesses("cadre.person").get()
    assert (entry.user, entry.person, entry.ip) == (world.users["chair"], person, OFFICE)
    assert entry.at > timezone.now() - timedelta(minutes=1)


def test_person_page_logs_address(world):
    person = world.people["colleague"]
    _client(world.users["head"]).get(reverse("people:detail", args=[person.pk]))
    assert _accesses("person.view").get().ip == OFFICE


def test_sheet_page_and_exports_are_logged(world, sheet):  # noqa: F811
    chair = _client(world.users["chair"])
    assert chair.get(reverse("evaluation:sheet", args=[sheet.pk])).status_code == 200
    assert chair.get(reverse("reports:sheet_docx", args=[sheet.pk])).status_code == 200
    unit = chair.get(reverse("reports:unit_xlsx"), {"org": world.tanphong.pk, "month": "2026-10"})
    assert unit.status_code == 200
    staff = world.people["staff"]
    for what in ("evaluation.sheet", "reports.sheet_docx"):
        entry = _accesses(what).get()
        assert (entry.user, entry.person, entry.ip) == (world.users["chair"], staff, OFFICE)
    exported = set(_accesses("reports.unit_xlsx").values_list("person_id", flat=True))
    assert staff.pk in exported and world.people["outsider"].pk not in exported


def test_refused_reads_are_not_logged_as_reads(world, sheet):  # noqa: F811
    outsider = _client(world.users["outsider"])
    assert outsider.get(reverse("reports:sheet_docx", args=[sheet.pk])).status_code == 404
    assert not PersonalDataAccess.objects.exists()


def test_api_reads_are_logged_with_the_connected_system(world, clients, published):  # noqa: F811
    api = Client(REMOTE_ADDR="203.0.113.9")
    person = world.people["staff"]
    assert (
        api.get(f"/api/v1/people/{person.code}", **bearer(clients["tanphong"])).status_code == 200
    )
    results = api.get("/api/v1/results?period=2026-10", **bearer(clients["tanphong"]))
    assert results.status_code == 200 and results.json()["items"]
    entry = _accesses("api.people").get()
    assert entry.user is None and entry.ip == "203.0.113.9"
    assert entry.client == f"VNPT iOffice Tân Phong (#{clients['client'].pk})"
    assert list(_accesses("api.results").values_list("person_id", flat=True)) == [person.pk]


def test_personnel_office_reads_and_filters_the_log(world):
    _client(world.users["head"]).get(reverse("people:detail", args=[world.people["staff"].pk]))
    _client(world.users["chair"]).get(reverse("people:detail", args=[world.people["economy"].pk]))
    page = _client(world.users["personnel"])
    url = reverse("people:access_log")
    html = page.get(url).content.decode()
    assert "Nguyễn Văn An" in html and "Giàng A Páo" in html and OFFICE in html
    assert page.get(url).get("Cache-Control") == "no-store"
    by_person = page.get(url, {"person": "giang a pao"}).content.decode()
    assert "Giàng A Páo" in by_person and "Nguyễn Văn An" not in by_person
    by_user = page.get(url, {"user": "head"}).content.decode()
    assert "Nguyễn Văn An" in by_user and "Giàng A Páo" not in by_user
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    later = page.get(url, {"start": tomorrow}).content.decode()
    assert "Nguyễn Văn An" not in later
    # Reading the log is not itself a personal-record view.
    assert PersonalDataAccess.objects.count() == 2


def test_log_is_paginated(world):
    person = world.people["staff"]
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(user=world.users["head"], person=person, what="person.view")
        for _ in range(120)
    )
    page = _client(world.users["personnel"])
    assert "Trang 1 / 3" in page.get(reverse("people:access_log")).content.decode()
    assert "Trang 3 / 3" in page.get(reverse("people:access_log"), {"page": 3}).content.decode()


def test_role_change_in_admin_is_audited(world):
    profile = world.users["staff"].profile
    admin = _client(world.users["admin"])
    url = reverse("admin:people_profile_change", args=[profile.pk])
    response = admin.post(
        url,
        {
            "user": profile.user_id,
            "role": Role.PERSONNEL_COMMUNE,
            "organization": world.tanphong.pk,
            "person": profile.person_id,
        },
    )
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="people.profile_change")
    assert entry.actor == world.users["admin"] and entry.object_id == str(profile.pk)
    assert entry.changes["role"] == [Role.CIVIL_SERVANT, Role.PERSONNEL_COMMUNE]
    assert entry.changes["organization"] == [world.tp_office.pk, world.tanphong.pk]
