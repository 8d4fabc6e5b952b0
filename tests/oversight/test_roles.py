"""Who may do what in the plan tracker: owners update their actions, the reporting body
writes its report, the supervising body writes findings and edits nothing else."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from canbo.core.inbox import items_for
from canbo.core.models import AuditEntry
from canbo.oversight.models import (
    ActionUpdate,
    Evidence,
    Finding,
    PlanAction,
    PlanReport,
)
from canbo.people.models import PersonalDataAccess
from tests.oversight.conftest import xlsx_text

UPDATE = {"status": "in_progress", "on": "2026-06-01", "note": "Đang làm"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


def test_the_owner_agency_updates_its_action_and_it_is_audited(client, world, action):
    client.force_login(world.users["personnel"])  # Sở Nội vụ owns II.2.1.b
    response = client.post(reverse("oversight:action_update", args=[action.pk]), UPDATE)
    assert response.status_code == 302
    assert ActionUpdate.objects.get(action=action).note == "Đang làm"
    assert AuditEntry.objects.filter(action="oversight.update_action").count() == 1


def test_an_agency_cannot_update_an_action_it_does_not_own(client, world, bodies):
    propaganda = PlanAction.objects.get(code="II.1")  # owned by the reporting body
    client.force_login(world.users["personnel"])
    url = reverse("oversight:action_update", args=[propaganda.pk])
    assert client.post(url, UPDATE).status_code == 403
    client.force_login(bodies.reporter)
    assert client.post(url, UPDATE).status_code == 302
    assert ActionUpdate.objects.filter(action=propaganda).count() == 1


def test_the_supervising_body_reads_everything_and_edits_nothing_but_findings(
    client, world, bodies, action
):
    client.force_login(bodies.supervisor)
    assert client.get(reverse("oversight:actions")).status_code == 200
    assert client.get(reverse("oversight:action", args=[action.pk])).status_code == 200
    assert client.get(reverse("reports:plan_docx")).status_code == 200
    for name in ("oversight:action_update", "oversight:evidence_add"):
        assert client.post(reverse(name, args=[action.pk]), UPDATE).status_code == 403
    assert client.get(reverse("oversight:report_edit")).status_code == 403
    assert not ActionUpdate.objects.exists()
    response = client.post(
        reverse("oversight:finding_add", args=[action.pk]),
        {
            "on": "2026-07-10",
            "text": "Chậm phê duyệt vị trí việc làm",
            "required_action": "Hoàn thành trong tháng 7",
            "due": "2026-07-31",
        },
    )
    assert response.status_code == 302
    assert Finding.objects.get().written_by == bodies.supervisor


def test_the_reporting_body_writes_its_report_others_cannot(client, world, bodies):
    form = {
        "kind": "half_year",
        "year": "2026",
        "number": "35-BC/BTGDV",
        "assessment": "Cơ bản đạt yêu cầu",
        "next_steps": "",
        "signer": "Lò Văn Hùng",
        "signer_title": "Trưởng ban",
        "status": "signed",
    }
    client.force_login(world.users["personnel"])
    assert client.post(reverse("oversight:report_edit"), form).status_code == 403
    client.force_login(bodies.reporter)
    assert client.post(reverse("oversight:report_edit"), form).status_code == 302
    report = PlanReport.objects.get()
    assert (report.status, report.assessment) == ("signed", "Cơ bản đạt yêu cầu")
    # signed: no longer changed, and the refusal says why in Vietnamese
    response = client.post(reverse("oversight:report_edit"), form | {"assessment": "Khác"})
    assert response.status_code == 400
    assert "đã ký" in response.content.decode()
    report.refresh_from_db()
    assert report.assessment == "Cơ bản đạt yêu cầu"
    docx = client.get(reverse("reports:plan_docx") + f"?report={report.pk}")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_the_bodies_see_no_personal_data_beyond_findings_and_that_is_logged(client, world, bodies):
    staff = world.people["staff"]
    Finding.objects.create(
        on=date(2026, 9, 1), text="Chậm hồ sơ", person=staff, organization=world.tp_office
    )
    for user in (bodies.supervisor, bodies.reporter):
        client.force_login(user)
        assert client.get(reverse("people:detail", args=[staff.pk])).status_code == 404
        page = client.get(reverse("oversight:findings")).content.decode()
        assert staff.full_name in page
        assert PersonalDataAccess.objects.filter(
            user=user, person=staff, what="oversight.finding"
        ).exists()


def test_a_finding_of_another_commune_never_shows_to_a_commune_user(client, world, bodies):
    Finding.objects.create(
        on=date(2026, 9, 1), text="Phát hiện ở Đoàn Kết", organization=world.doanket
    )
    Finding.objects.create(
        on=date(2026, 9, 1), text="Phát hiện ở Tân Phong", organization=world.tp_office
    )
    client.force_login(world.users["chair"])
    page = client.get(reverse("oversight:findings")).content.decode()
    assert "Phát hiện ở Tân Phong" in page and "Phát hiện ở Đoàn Kết" not in page
    sheet = xlsx_text(client.get(reverse("oversight:findings") + "?format=xlsx").content)
    assert "Phát hiện ở Tân Phong" in sheet and "Phát hiện ở Đoàn Kết" not in sheet
    client.force_login(bodies.supervisor)
    assert "Phát hiện ở Đoàn Kết" in client.get(reverse("oversight:findings")).content.decode()


def test_evidence_is_checked_like_an_import(client, world, action):
    client.force_login(world.users["personnel"])
    url = reverse("oversight:evidence_add", args=[action.pk])
    fake = SimpleUploadedFile("quyet-dinh.pdf", b"MZ\x90\x00 not a pdf")
    response = client.post(url, {"file": fake})
    assert response.status_code == 400
    assert "không phải tệp PDF" in response.content.decode()
    exe = SimpleUploadedFile("virus.exe", b"MZ")
    assert client.post(url, {"file": exe}).status_code == 400
    assert not Evidence.objects.exists()
    assert not AuditEntry.objects.filter(action="oversight.add_evidence").exists()
    good = SimpleUploadedFile("quyet-dinh.pdf", PDF)
    assert client.post(url, {"file": good, "description": "QĐ 1200"}).status_code == 302
    evidence = Evidence.objects.get()
    download = client.get(reverse("oversight:evidence", args=[evidence.pk]))
    assert download.content == PDF


def test_evidence_over_10_mb_is_refused_before_it_is_read(client, world, action):
    client.force_login(world.users["personnel"])
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * (10 * 1024 * 1024))
    response = client.post(reverse("oversight:evidence_add", args=[action.pk]), {"file": big})
    assert response.status_code == 400
    assert "lớn hơn 10 MB" in response.content.decode()
    assert not Evidence.objects.exists()


def test_bad_update_input_is_refused_and_nothing_is_written(client, world, action):
    client.force_login(world.users["personnel"])
    url = reverse("oversight:action_update", args=[action.pk])
    future = client.post(url, UPDATE | {"on": "2099-01-01"})
    assert future.status_code == 400
    assert "tương lai" in future.content.decode()
    assert client.post(url, UPDATE | {"on": "31/02/2026"}).status_code == 400
    done_without_note = client.post(url, UPDATE | {"status": "done", "note": ""})
    assert done_without_note.status_code == 400
    assert not ActionUpdate.objects.exists()
    assert not AuditEntry.objects.filter(action="oversight.update_action").exists()


def test_overdue_actions_show_in_the_owners_inbox(world, action):
    items = items_for(world.users["personnel"], date(2026, 7, 2))
    late = [i for i in items if "kế hoạch" in i.text.lower() or "plan" in i.text.lower()]
    assert late and late[0].urgent and late[0].count >= 1
    assert not [
        i
        for i in items_for(world.users["personnel"], date(2026, 3, 1))
        if "kế hoạch" in i.text.lower() or "plan" in i.text.lower()
    ]
    assert not [
        i
        for i in items_for(world.users["chair"], date(2026, 7, 2))
        if "kế hoạch" in i.text.lower() or "plan" in i.text.lower()
    ]


def test_exported_text_never_becomes_a_formula(client, world, bodies):
    Finding.objects.create(
        on=date(2026, 9, 1), text='=HYPERLINK("http://x","y")', organization=world.tp_office
    )
    client.force_login(bodies.supervisor)
    content = client.get(reverse("oversight:findings") + "?format=xlsx").content
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(content)).active
    cell = next(c for row in sheet.iter_rows() for c in row if str(c.value).startswith("=HYP"))
    assert cell.data_type == "s"
