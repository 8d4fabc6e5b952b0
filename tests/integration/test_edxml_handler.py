"""The handler a status packet names in StaffInfo: matched by name in the sender's subtree,
then e-mail; otherwise a personnel officer picks the person once and it is remembered."""

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet
from canbo.integration.edxml.importer import import_edxml
from canbo.integration.imports.models import RejectedPayload, StaffAlias
from canbo.integration.imports.scope import Actor
from canbo.work.models import Task
from tests.factories import make_person

CORPUS = Path(__file__).parent / "edxml" / "corpus"
DOC = "a_document_two_communes.xml"


def send(actor: Actor, name: str, body: bytes | None = None):
    return import_edxml(actor, body or (CORPUS / name).read_bytes(), name, "upload")


@pytest.fixture
def chair(world):
    """The Tân Phong chairman imports; the document has arrived."""
    actor = Actor(world.users["chair"])
    assert send(actor, DOC).outcome == "document_created"
    return actor


def test_name_without_accents_or_case_matches(world, chair):
    report = send(chair, "a_status05_unaccented.xml")
    assert report.outcome == "task_created"
    assert Task.objects.get().assignee == world.people["staff"]


def test_a_person_outside_the_sender_is_not_matched(world, chair):
    body = (
        (CORPUS / "a_status05.xml")
        .read_bytes()
        .replace("Nguyễn Văn An".encode(), "Tẩn Láo Lở".encode())
    )  # a civil servant of Đoàn Kết
    report = send(chair, "s.xml", body)
    assert (
        report.outcome == "needs_person"
        and "Không tìm thấy công chức “Tẩn Láo Lở”" in report.message
    )
    assert Task.objects.count() == 0


def test_namesakes_are_told_apart_by_e_mail(world, chair):
    make_person("TP-9", "Nguyễn Văn An", world.tp_economy, world.staff_title, world.position)
    report = send(chair, "a_status05_unaccented.xml")  # no e-mail: cannot tell
    assert report.outcome == "needs_person" and "Có 2 công chức" in report.message
    world.users["staff"].email = "AnNV@tanphong.laichau.gov.vn"
    world.users["staff"].save()
    assert send(chair, "a_status05.xml").outcome == "task_created"
    assert Task.objects.get().assignee == world.people["staff"]


def test_personnel_officer_picks_once_and_it_is_remembered(world, chair, login):
    report = send(chair, "a_status05_unknown.xml")
    assert report.outcome == "needs_person" and not report.ok
    payload = RejectedPayload.objects.get(status="pending")
    assert payload.handler == "Hoàng Văn Khánh"
    officer = login(world.users["personnel"])
    page = officer.get(reverse("integration:imports")).content.decode()
    assert (
        "Hoàng Văn Khánh" in page
        and reverse("integration:payload_handler", args=[payload.pk]) in page
    )
    url = reverse("integration:payload_handler", args=[payload.pk])
    form = officer.get(url).content.decode()
    assert "Lò Thị Mai (TP-2)" in form and "Tẩn Láo Lở" not in form  # only the sender's people
    response = officer.post(url, {"person": world.people["colleague"].pk})
    assert response.status_code == 302
    payload.refresh_from_db()
    assert payload.status == "retried"
    assert Task.objects.get().assignee == world.people["colleague"]
    alias = StaffAlias.objects.get()
    assert (alias.organization, alias.kind, alias.key) == (
        world.tanphong,
        "name",
        "hoang van khanh",
    )
    later = (
        (CORPUS / "a_status05_unknown.xml")
        .read_bytes()
        .replace(b">05<", b">06<")
        .replace(b"2026/10/03 09:15:00", b"2026/10/12 10:00:00")
    )
    done = send(chair, "later.xml", later)
    assert done.outcome == "task_completed", done.message
    assert Task.objects.get().completed_date == date(2026, 10, 12)


def test_a_locked_month_is_not_changed(world, chair):
    assert send(chair, "a_status05.xml").outcome == "task_created"
    period = EvaluationPeriod.objects.create(
        organization=world.tanphong,
        start=date(2026, 10, 1),
        status="locked",
        self_assessment_due=date(2026, 11, 3),
        review_due=date(2026, 11, 6),
        approval_due=date(2026, 11, 9),
    )
    EvaluationSheet.objects.create(person=world.people["staff"], period=period, status="published")
    before = Task.objects.values().get()
    report = send(chair, "a_status06_late.xml")
    assert report.outcome == "rejected" and "đã khoá" in report.message
    assert Task.objects.values().get() == before
    assert RejectedPayload.objects.get(status="pending").reason == report.message
