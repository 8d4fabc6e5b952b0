"""A complaint or denunciation tied to the conclusion it led to, as inspection findings are:
by the handling body's personnel office only, and only to a record of the person concerned."""

from datetime import date

from django.urls import reverse

from canbo.cadre.services.records import record_conclusion
from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from canbo.org.models import Organization
from canbo.oversight.case_services import register_case
from tests.factories import make_user


def _case(world, person):
    return register_case(
        world.users["personnel"],
        kind="denunciation",
        number="07/ĐT",
        source="citizen",
        received_on=date(2026, 9, 1),
        sender_name="Người gửi",
        sender_contact="",
        summary="Tố cáo cán bộ",
        organization=world.tanphong,
        person=person,
        handling_body=Organization.objects.get(name="Sở Nội vụ"),
    )


def _conclusion(world, person, number):
    return record_conclusion(
        world.users["personnel"],
        person,
        "degradation",
        "UBKT",
        number,
        date(2026, 9, 20),
        "Suy thoái đạo đức",
    )


def test_the_handling_body_links_a_case_to_its_conclusion(client, world, bodies):
    case = _case(world, world.people["economy"])
    mine = _conclusion(world, world.people["economy"], "12-KL/UBKT")
    other = _conclusion(world, world.people["colleague"], "13-KL/UBKT")
    url = reverse("oversight:case_outcome", args=[case.pk])
    client.force_login(world.users["personnel"])
    page = client.get(reverse("oversight:case", args=[case.pk])).content.decode()
    assert f"c:{mine.pk}" in page and f"c:{other.pk}" not in page
    refused = client.post(url, {"record": f"c:{other.pk}"})
    assert refused.status_code == 400 and "chính người" in refused.content.decode()
    case.refresh_from_db()
    assert case.conclusion is None
    assert not AuditEntry.objects.filter(action="oversight.link_case_outcome").exists()
    assert client.post(url, {"record": "x:1"}).status_code == 404
    officer = make_user("tp.personnel", Role.PERSONNEL_COMMUNE, world.tanphong)
    for user in (bodies.supervisor, world.users["chair"], world.users["admin"], officer):
        client.force_login(user)
        assert client.post(url, {"record": f"c:{mine.pk}"}).status_code in (403, 404)
    case.refresh_from_db()
    assert case.conclusion is None
    client.force_login(world.users["personnel"])
    assert client.post(url, {"record": f"c:{mine.pk}"}).status_code == 302
    case.refresh_from_db()
    assert case.conclusion == mine
    assert AuditEntry.objects.filter(action="oversight.link_case_outcome").count() == 1
    page = client.get(reverse("oversight:case", args=[case.pk])).content.decode()
    assert "12-KL/UBKT" in page
