import re
from datetime import date
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from canbo.core.models import AuditEntry
from canbo.integration.edxml.importer import import_edxml, retry_payload
from canbo.integration.imports.models import IncomingDocument, PayloadStatus, RejectedPayload
from canbo.integration.imports.scope import Actor
from canbo.work.models import Task
from tests.integration.conftest import bearer

SAMPLES = Path(__file__).parent / "edxml"
ROUND_TRIP = ["document.xml", "status04.xml", "status05.xml", "status06.xml"]
REFERENCE = "000.01.29.H29,2026/10/01,1234"


def sample(name: str) -> bytes:
    return (SAMPLES / name).read_bytes()


def run(actor: Actor, *names: str):
    return [import_edxml(actor, sample(n), n, "test") for n in names]


def state() -> tuple:
    return (
        IncomingDocument.objects.count(),
        Task.objects.count(),
        AuditEntry.objects.count(),
        RejectedPayload.objects.count(),
    )


@pytest.fixture
def tanphong(world, clients):
    return Actor(clients["client"])


def test_round_trip_gives_one_completed_task(world, tanphong):
    reports = run(tanphong, *ROUND_TRIP)
    assert [r.outcome for r in reports] == [
        "document_created",
        "task_created",
        "unchanged",
        "task_completed",
    ], [r.message for r in reports]
    task = Task.objects.get()
    assert task.assignee == world.people["staff"]
    assert (task.source, task.external_id) == ("edxml", f"{REFERENCE}@000.01.29.H29")
    assert task.name == "V/v báo cáo kết quả chuyển đổi số quý III năm 2026"
    assert task.assigned_date == date(2026, 10, 5) and task.due_date == date(2026, 10, 20)
    assert task.status == "completed" and task.completed_date == date(2026, 10, 7)
    assert task.evidence.startswith(
        "Văn bản số 1234/UBND-VP, ngày 01/10/2026, của UBND phường Tân Phong"
    )
    doc = IncomingDocument.objects.get()
    assert doc.organization == world.tanphong and doc.task_codes == ["NV-2026-118"]
    assert doc.last_status == "06" and doc.due_date == date(2026, 10, 20)


def test_reimporting_the_same_files_changes_nothing(world, tanphong):
    run(tanphong, *ROUND_TRIP)
    before = state()
    reports = run(tanphong, *ROUND_TRIP)
    assert {r.outcome for r in reports} == {"unchanged"}
    assert state() == before


def test_status_before_document_waits_then_applies(world, tanphong):
    waiting = run(tanphong, "status04.xml", "status06.xml")
    assert [r.outcome for r in waiting] == ["pending", "pending"]
    assert "Chưa nhận văn bản 1234/UBND-VP" in waiting[0].message
    assert Task.objects.count() == 0 and RejectedPayload.objects.count() == 2
    report = run(tanphong, "document.xml")[0]
    assert report.outcome == "document_created"
    assert len([p for p in report.problems if "Đã áp dụng" in p]) == 2
    task = Task.objects.get()
    assert task.status == "completed" and task.completed_date == date(2026, 10, 7)
    assert set(RejectedPayload.objects.values_list("status", flat=True)) == {"retried"}


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml", "broken.xml"])
def test_hostile_files_are_rejected_with_nothing_written(world, name):
    before = state()
    report = run(Actor(world.users["admin"]), name)[0]
    assert report.outcome == "invalid" and not report.ok
    assert state() == before


def test_incomplete_packet_is_reported_not_crashing(world, tanphong):
    report = run(tanphong, "incomplete.xml")[0]
    assert report.outcome == "rejected"
    assert "thiếu cả DocumentId và Code" in report.message
    assert "Thiếu trường Subject." in report.problems
    assert IncomingDocument.objects.count() == 0
    assert RejectedPayload.objects.get().reason == report.message


def test_doan_ket_cannot_create_tasks_for_tan_phong_people(world, clients):
    from canbo.integration.models import ApiClient

    doanket = Actor(ApiClient.objects.get(name="iOffice Đoàn Kết"))
    reports = run(doanket, "document.xml", "status04.xml")
    assert reports[0].outcome == "document_created"
    assert reports[1].outcome == "rejected" and "ngoài phạm vi" in reports[1].message
    assert Task.objects.count() == 0


def test_unknown_handler_is_kept_and_retried(world, tanphong):
    body = (
        sample("status04.xml")
        .replace(b"TP-1", b"TP-99")
        .replace("Nguyễn Văn An".encode(), "Người Mới".encode())
    )
    run(tanphong, "document.xml")
    report = import_edxml(tanphong, body, "s.xml", "test")
    assert report.outcome == "needs_person" and "“Người Mới”" in report.message
    payload = RejectedPayload.objects.get()
    assert payload.handler == "Người Mới"
    assert retry_payload(world.users["admin"], payload).outcome == "needs_person"
    world.people["colleague"].code = "TP-99"
    world.people["colleague"].save()
    assert retry_payload(world.users["admin"], payload).outcome == "task_created"
    payload.refresh_from_db()
    assert payload.status == PayloadStatus.RETRIED
    assert AuditEntry.objects.filter(action="integration.payload_retried").exists()


def test_name_match_inside_receiving_unit_and_rejection_cancels(world, tanphong):
    body = sample("status04.xml").replace(b"<edXML:StaffCode>TP-1</edXML:StaffCode>", b"")
    run(tanphong, "document.xml")
    assert import_edxml(tanphong, body, "s.xml", "test").outcome == "task_created"
    assert Task.objects.get().assignee == world.people["staff"]
    recall_refused = sample("status04.xml").replace(b">04<", b">16<").replace(b"10-05T", b"10-08T")
    report = import_edxml(tanphong, recall_refused, "r.xml", "test")
    assert report.outcome == "status_recorded" and Task.objects.get().status == "assigned"
    cancel = sample("status04.xml").replace(b">04<", b">15<").replace(b"10-05T", b"10-09T")
    report = import_edxml(tanphong, cancel, "c.xml", "test")
    assert report.outcome == "task_cancelled"
    assert Task.objects.get().status == "cancelled"


def test_document_without_due_date_gives_no_task(world, tanphong):
    doc = sample("document.xml").replace(b"<edXML:DueDate>2026-10-20</edXML:DueDate>", b"")
    import_edxml(tanphong, doc, "d.xml", "test")
    report = run(tanphong, "status04.xml")[0]
    assert report.outcome == "rejected" and "DueDate" in report.message


def test_api_endpoint(client, world, clients):
    post = lambda name, token="tanphong": client.post(  # noqa: E731
        "/api/v1/edxml", sample(name), content_type="application/xml", **bearer(clients[token])
    )
    pending = post("status04.xml")
    assert pending.status_code == 202 and pending.json()["outcome"] == "pending"
    assert post("document.xml").status_code == 200
    done = post("status06.xml")
    assert done.status_code == 200 and done.json()["outcome"] == "task_completed"
    assert done.json()["task_id"] == Task.objects.get().pk
    hostile = post("billion_laughs.xml")
    assert hostile.status_code == 400 and "bị cấm" in hostile.json()["message"]
    kept = RejectedPayload.objects.get(status="pending")
    assert kept.client.name == "VNPT iOffice Tân Phong" and b"lol" in bytes(kept.body)
    assert post("document.xml", "noscope").status_code == 403


def test_command_reports_per_file_and_exit_code(world, capsys):
    files = [str(SAMPLES / n) for n in ROUND_TRIP]
    call_command("import-edxml", *files)
    out = capsys.readouterr().out
    assert "status06.xml: Đã hoàn thành nhiệm vụ" in out and "4 thành công" in out
    with pytest.raises(CommandError, match="1 tệp bị từ chối"):
        call_command(
            "import-edxml", str(SAMPLES / "billion_laughs.xml"), str(SAMPLES / "document.xml")
        )
    out = capsys.readouterr().out
    assert "billion_laughs.xml: Tệp không hợp lệ" in out
    assert "document.xml: Không có thay đổi" in out
    assert Task.objects.get().status == "completed"


def test_upload_page_imports_several_files(world, login):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    client = login(world.users["chair"])
    files = [
        SimpleUploadedFile(n, sample(n))
        for n in ("document.xml", "status04.xml", "billion_laughs.xml")
    ]
    response = client.post(reverse("integration:import_edxml"), {"files": files})
    page = response.content.decode()
    assert response.status_code == 200 and "Đã tạo nhiệm vụ" in page and "bị cấm" in page
    assert Task.objects.get().assignee == world.people["staff"]
    assert RejectedPayload.objects.count() == 0  # hostile uploads are shown, not kept


def test_sync_status_page_retry_and_discard(client, world, clients, login):
    from django.urls import reverse

    body = (
        sample("status04.xml")
        .replace(b"TP-1", b"TP-99")
        .replace("Nguyễn Văn An".encode(), "Người Mới".encode())
    )
    client.post(
        "/api/v1/edxml",
        sample("document.xml"),
        content_type="application/xml",
        **bearer(clients["tanphong"]),
    )
    response = client.post(
        "/api/v1/edxml", body, content_type="application/xml", **bearer(clients["tanphong"])
    )
    assert response.status_code == 202 and "Người Mới" in response.json()["message"]
    assert response.json()["outcome"] == "needs_person"
    payload = RejectedPayload.objects.get()
    admin = login(world.users["admin"])
    page = admin.get(reverse("integration:client", args=[payload.client_id])).content.decode()
    assert "Người Mới" in page and "Xử lý lại" in page
    assert reverse("integration:payload_handler", args=[payload.pk]) in page
    world.people["economy"].code = "TP-99"
    world.people["economy"].save()
    admin.post(reverse("integration:payload_retry", args=[payload.pk]))
    payload.refresh_from_db()
    assert payload.status == "retried" and Task.objects.get().assignee.code == "TP-99"
    second = RejectedPayload.objects.create(
        client=payload.client, endpoint="x", body=b"<a/>", organization=world.tanphong, reason="r"
    )
    admin.post(reverse("integration:payload_discard", args=[second.pk]), {"reason": "rác"})
    second.refresh_from_db()
    assert second.status == "discarded"
    entry = AuditEntry.objects.get(action="integration.payload_discarded")
    assert entry.actor == world.users["admin"] and entry.reason == "rác"


def test_resent_document_with_later_due_date_extends_the_task(world, tanphong):
    run(tanphong, "document.xml", "status04.xml")
    later = sample("document.xml").replace(
        b"2026-10-20</edXML:DueDate>", b"2026-10-25</edXML:DueDate>"
    )
    report = import_edxml(tanphong, later, "d2.xml", "test")
    assert report.outcome == "document_updated" and "gia hạn đến 25/10/2026" in report.message
    task = Task.objects.get()
    assert task.due_date == date(2026, 10, 25) and task.delays == 1


def test_api_refuses_a_huge_body_without_writing(client, world, clients, settings):
    settings.EDXML_MAX_BYTES = 1024 * 1024
    body = b"<a>" + b"x" * (2 * 1024 * 1024) + b"</a>"
    response = client.post(
        "/api/v1/edxml", body, content_type="application/xml", **bearer(clients["tanphong"])
    )
    assert response.status_code == 400 and "quá lớn" in response.json()["message"]
    assert IncomingDocument.objects.count() == 0


def test_a_task_made_before_one_task_per_recipient_is_still_followed(world, tanphong):
    from decimal import Decimal

    from canbo.work.task_services import assign_task

    run(tanphong, "document.xml")
    old = assign_task(
        None,
        name="Cũ",
        assignee=world.people["staff"],
        assigned_date=date(2026, 10, 5),
        due_date=date(2026, 10, 20),
        coefficient=Decimal("1"),
        source="edxml",
        external_id=REFERENCE,
    )
    assert run(tanphong, "status06.xml")[0].outcome == "task_completed"
    old.refresh_from_db()
    assert Task.objects.count() == 1 and old.completed_date == date(2026, 10, 7)


def test_an_extended_task_imported_earlier_keeps_its_extension_and_completion(world, tanphong):
    from canbo.integration.tasks.models import TaskEvent
    from canbo.work.task_services import complete_task, extend_deadline

    run(tanphong, "document.xml", "status04.xml")
    task = Task.objects.get()
    TaskEvent.objects.filter(task=task).delete()  # as if imported before events were kept
    task.source_record.delete()
    task = Task.objects.get()
    extend_deadline(None, task, date(2026, 10, 25), "gia hạn")
    complete_task(None, task, date(2026, 10, 24))
    report = run(tanphong, "status05.xml")[0]
    assert report.outcome == "unchanged"
    task.refresh_from_db()
    assert (task.status, task.due_date, task.completed_date) == (
        "completed",
        date(2026, 10, 25),
        date(2026, 10, 24),
    )
    assert task.delays == 1


def test_a_resent_document_without_due_date_keeps_it(world, tanphong):
    run(tanphong, "document.xml")
    bare = sample("document.xml").replace(b"<edXML:DueDate>2026-10-20</edXML:DueDate>", b"")
    assert import_edxml(tanphong, bare, "d.xml", "test").outcome == "unchanged"
    assert IncomingDocument.objects.get().due_date == date(2026, 10, 20)


def test_a_completion_in_the_future_is_refused_with_nothing_written(world, tanphong):
    run(tanphong, "document.xml", "status04.xml")
    before = Task.objects.values().get()
    future = sample("status06.xml").replace(b"2026-10-07T09:00:00", b"2099-01-02T09:00:00")
    report = import_edxml(tanphong, future, "f.xml", "test")
    assert report.outcome == "rejected" and "ở tương lai" in report.message
    assert Task.objects.values().get() == before


@pytest.mark.parametrize("declared", [b"ISO-8859-1", b"windows-1258", b"US-ASCII"])
def test_a_lying_declared_encoding_never_overwrites_a_document(world, tanphong, declared):
    run(tanphong, "document.xml")
    subject = IncomingDocument.objects.get().subject
    body = sample("document.xml")
    head, rest = body.split(b"?>", 1)
    lying = re.sub(rb'encoding="[^"]+"', b'encoding="' + declared + b'"', head) + b"?>" + rest
    report = import_edxml(tanphong, lying, "lie.xml", "test")
    assert not report.ok and "UTF-8" in report.message
    assert IncomingDocument.objects.get().subject == subject  # no mojibake written
    assert "Ã" not in IncomingDocument.objects.get().subject
