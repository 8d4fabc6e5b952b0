"""Inspections: plans per commune or topic, findings, follow-up, and the record a finding
leads to (a conclusion in the cadre register, hence the classification)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from canbo.cadre.services.records import record_conclusion
from canbo.core.models import AuditEntry
from canbo.oversight.errors import OversightError
from canbo.oversight.finding_services import create_inspection
from canbo.oversight.models import Finding, Inspection
from tests.oversight.conftest import xlsx_text

PLAN = {
    "kind": "scheduled",
    "title": "Kiểm tra đất đai",
    "topic": "Quản lý đất đai",
    "body": "Ủy ban Kiểm tra",
    "start": "2026-08-03",
    "end": "2026-08-14",
}


def test_the_supervising_body_plans_and_records_findings(client, world, bodies):
    client.force_login(bodies.supervisor)
    response = client.post(
        reverse("oversight:inspection_new"), PLAN | {"organization": world.tanphong.pk}
    )
    assert response.status_code == 302
    found = Inspection.objects.get()
    url = reverse("oversight:inspection_finding", args=[found.pk])
    finding = {
        "on": "2026-08-14",
        "text": "Chậm hồ sơ",
        "required_action": "Kiểm điểm",
        "due": "2026-09-30",
        "person": world.people["economy"].code,
    }
    assert client.post(url, finding).status_code == 302
    row = Finding.objects.get()
    assert (row.inspection, row.organization, row.person) == (
        found,
        world.people["economy"].organization,
        world.people["economy"],
    )
    remedy = reverse("oversight:finding_remedy", args=[row.pk])
    assert client.post(remedy, {"text": "Đã giải quyết xong"}).status_code == 302
    row.refresh_from_db()
    assert row.follow_up == "done"
    assert AuditEntry.objects.filter(action="oversight.remedy_finding").exists()
    client.force_login(world.users["personnel"])  # the personnel office writes no findings
    assert client.post(url, finding).status_code == 403


def test_a_finding_leads_to_a_conclusion_record(client, world, bodies):
    inspection = create_inspection(
        bodies.supervisor,
        kind="ad_hoc",
        title="Giám sát",
        body="UBKT",
        start=date(2026, 9, 1),
        end=date(2026, 9, 5),
        organization=world.tanphong,
    )
    finding = Finding.objects.create(
        inspection=inspection,
        on=date(2026, 9, 5),
        text="Vi phạm",
        person=world.people["staff"],
        organization=world.tp_office,
    )
    conclusion = record_conclusion(
        world.users["personnel"],
        world.people["staff"],
        "degradation",
        "UBKT",
        "12-KL/UBKT",
        date(2026, 9, 20),
        "Suy thoái đạo đức",
    )
    url = reverse("oversight:finding_outcome", args=[finding.pk])
    client.force_login(bodies.supervisor)  # edits nothing but findings
    assert client.post(url, {"record": f"c:{conclusion.pk}"}).status_code == 403
    client.force_login(world.users["personnel"])
    assert client.post(url, {"record": f"c:{conclusion.pk}"}).status_code == 302
    finding.refresh_from_db()
    assert finding.conclusion == conclusion
    other = Finding.objects.create(
        inspection=inspection, on=date(2026, 9, 5), text="Khác", person=world.people["colleague"]
    )
    refused = client.post(
        reverse("oversight:finding_outcome", args=[other.pk]), {"record": f"c:{conclusion.pk}"}
    )
    assert refused.status_code == 400 and "chính người" in refused.content.decode()


def test_another_communes_inspection_never_shows_to_a_commune_user(client, world, bodies):
    create_inspection(
        bodies.supervisor,
        kind="scheduled",
        title="Kiểm tra Đoàn Kết",
        body="UBKT",
        start=date(2026, 9, 1),
        end=date(2026, 9, 5),
        organization=world.doanket,
    )
    create_inspection(
        bodies.supervisor,
        kind="scheduled",
        title="Kiểm tra Tân Phong",
        body="UBKT",
        start=date(2026, 9, 1),
        end=date(2026, 9, 5),
        organization=world.tanphong,
    )
    client.force_login(world.users["chair"])
    page = client.get(reverse("oversight:inspections")).content.decode()
    assert "Kiểm tra Tân Phong" in page and "Kiểm tra Đoàn Kết" not in page
    sheet = xlsx_text(client.get(reverse("oversight:inspections") + "?format=xlsx").content)
    assert "Kiểm tra Tân Phong" in sheet and "Kiểm tra Đoàn Kết" not in sheet
    other = Inspection.objects.get(organization=world.doanket)
    assert client.get(reverse("oversight:inspection", args=[other.pk])).status_code == 404


def test_bad_plans_are_refused_and_nothing_is_written(client, world, bodies):
    with pytest.raises(OversightError, match="Ngày kết thúc|không được trước"):
        create_inspection(
            bodies.supervisor,
            kind="scheduled",
            title="X",
            body="Y",
            start=date(2026, 9, 5),
            end=date(2026, 9, 1),
            topic="Z",
        )
    with pytest.raises(PermissionDenied):
        create_inspection(
            world.users["chair"],
            kind="scheduled",
            title="X",
            body="Y",
            start=date(2026, 9, 1),
            end=date(2026, 9, 5),
            topic="Z",
        )
    client.force_login(bodies.supervisor)
    no_target = client.post(reverse("oversight:inspection_new"), PLAN | {"topic": ""})
    assert no_target.status_code == 400
    assert "xã, phường được kiểm tra hoặc ghi chuyên đề" in no_target.content.decode()
    assert not Inspection.objects.exists()
