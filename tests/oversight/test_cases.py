"""Complaints and denunciations: the denouncer's identity only for the handling body,
another commune's case never shown, legal deadlines, bad input refused."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from canbo.org.models import Organization
from canbo.oversight.case_services import accept_case, close_case, register_case
from canbo.oversight.complaints import Case, CaseDocument
from canbo.oversight.errors import OversightError
from tests.factories import make_user
from tests.oversight.conftest import xlsx_text

SENDER = "Giàng Thị Dở"


@pytest.fixture
def office():
    return Organization.objects.get(name="Sở Nội vụ")


@pytest.fixture
def denunciation(world, bodies, office):
    return register_case(
        world.users["personnel"],
        kind="denunciation",
        number="01/ĐT",
        source="citizen",
        received_on=date(2026, 9, 1),
        sender_name=SENDER,
        sender_contact="0912 000 111",
        summary="Tố cáo cán bộ nhận tiền",
        organization=world.tanphong,
        person=world.people["economy"],
        handling_body=office,
    )


def test_legal_deadlines_follow_the_parameters(denunciation, settings):
    assert (denunciation.accept_due, denunciation.resolve_due) == (
        date(2026, 9, 11),
        date(2026, 10, 11),
    )
    assert denunciation.overdue_on(date(2026, 9, 12))
    assert not denunciation.overdue_on(date(2026, 9, 11))
    settings.OVERSIGHT_CASE_DEADLINES = {
        "complaint": (5, 20),
        "denunciation": (7, 60),
        "petition": (5, 10),
    }
    from canbo.oversight.complaints import due_dates

    assert due_dates("denunciation", date(2026, 9, 1)) == (date(2026, 9, 8), date(2026, 11, 7))


def test_the_denouncer_is_visible_only_to_the_handling_body(client, world, bodies, denunciation):
    url = reverse("oversight:case", args=[denunciation.pk])
    client.force_login(world.users["personnel"])  # Sở Nội vụ handles it
    assert SENDER in client.get(url).content.decode()
    assert SENDER in client.get(reverse("oversight:cases")).content.decode()
    for user in (world.users["chair"], world.users["admin"], bodies.supervisor, bodies.reporter):
        client.force_login(user)
        page = client.get(url)
        assert page.status_code == 200, user
        assert SENDER not in page.content.decode(), user
        assert "0912 000 111" not in page.content.decode(), user
        listing = client.get(reverse("oversight:cases"))
        assert "01/ĐT" in listing.content.decode() and SENDER not in listing.content.decode()
        sheet = xlsx_text(client.get(reverse("oversight:cases") + "?format=xlsx").content)
        assert "01/ĐT" in sheet and SENDER not in sheet
    audit = AuditEntry.objects.get(action="oversight.register_case")
    assert SENDER not in str(audit.changes)


def test_only_the_handling_body_moves_the_case(client, world, bodies, denunciation):
    with pytest.raises(PermissionDenied):
        accept_case(bodies.supervisor, denunciation, date(2026, 9, 5))
    client.force_login(world.users["chair"])
    act = reverse("oversight:case_act", args=[denunciation.pk])
    assert client.post(act, {"step": "accept", "on": "2026-09-05"}).status_code == 403
    client.force_login(world.users["personnel"])
    assert client.post(act, {"step": "accept", "on": "2026-09-05"}).status_code == 302
    denunciation.refresh_from_db()
    assert (denunciation.status, denunciation.accepted_on) == ("accepted", date(2026, 9, 5))
    assert denunciation.overdue_on(date(2026, 10, 12))
    close_case(world.users["personnel"], denunciation, date(2026, 10, 1), "Tố cáo đúng một phần")
    assert not denunciation.overdue_on(date(2026, 12, 1))


def test_another_communes_case_never_shows_to_a_commune_user(client, world, denunciation):
    doanket_personnel = make_user("dk.personnel", Role.PERSONNEL_COMMUNE, world.doanket)
    register_case(
        doanket_personnel,
        kind="complaint",
        number="DK-7",
        source="citizen",
        received_on=date(2026, 10, 1),
        sender_name="Tẩn Văn Chỉn",
        summary="Khiếu nại ở Đoàn Kết",
        organization=world.doanket,
        handling_body=world.doanket,
    )
    client.force_login(world.users["chair"])
    assert "DK-7" not in client.get(reverse("oversight:cases")).content.decode()
    sheet = xlsx_text(client.get(reverse("oversight:cases") + "?format=xlsx").content)
    assert "DK-7" not in sheet and "01/ĐT" in sheet
    case = Case.objects.get(number="DK-7")
    assert client.get(reverse("oversight:case", args=[case.pk])).status_code == 404
    client.force_login(doanket_personnel)
    assert "Tẩn Văn Chỉn" in client.get(reverse("oversight:cases")).content.decode()


def test_bad_input_is_refused_in_vietnamese_and_nothing_is_written(
    client, world, bodies, office, denunciation
):
    with pytest.raises(OversightError, match="tương lai"):
        register_case(
            world.users["personnel"],
            kind="complaint",
            number="02",
            source="citizen",
            received_on=date(2099, 1, 1),
            sender_name="A",
            summary="B",
            organization=world.tanphong,
            handling_body=office,
        )
    client.force_login(world.users["personnel"])
    response = client.post(
        reverse("oversight:case_new"),
        {
            "kind": "complaint",
            "number": "03",
            "received_on": "32/13/2026",
            "source": "citizen",
            "sender_name": "A",
            "summary": "B",
            "organization": world.tanphong.pk,
            "handling_body": office.pk,
        },
    )
    assert response.status_code == 400
    act = reverse("oversight:case_act", args=[denunciation.pk])
    refused = client.post(act, {"step": "conclude", "on": "2026-09-05", "result": "x"})
    assert refused.status_code == 400
    assert "không ở bước" in refused.content.decode()
    fake = SimpleUploadedFile("bien-ban.docx", b"not a zip")
    upload = client.post(
        reverse("oversight:case_document_add", args=[denunciation.pk]), {"file": fake}
    )
    assert upload.status_code == 400
    big = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4" + b"0" * (10 * 1024 * 1024))
    upload = client.post(
        reverse("oversight:case_document_add", args=[denunciation.pk]), {"file": big}
    )
    assert upload.status_code == 400 and "lớn hơn 10 MB" in upload.content.decode()
    assert Case.objects.count() == 1 and not CaseDocument.objects.exists()
    denunciation.refresh_from_db()
    assert denunciation.status == "received"


def test_late_cases_show_in_the_handling_bodys_inbox(world, denunciation):
    from canbo.core.inbox import items_for

    def late(user, day):
        return [i for i in items_for(user, day) if "tố cáo" in i.text]

    assert late(world.users["personnel"], date(2026, 9, 12))[0].count == 1
    assert not late(world.users["personnel"], date(2026, 9, 11))
    assert not late(world.users["chair"], date(2026, 9, 12))
