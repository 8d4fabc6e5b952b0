"""The province's registers: job-position approvals per commune and the equipment norms,
kept by the provincial personnel office through pages; everyone else reads or is refused."""

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from canbo.oversight.equipment import EquipmentNorm, InventoryItem, norms, review
from canbo.oversight.indicators import INDICATORS, Context
from canbo.oversight.models import JobPositionApproval
from tests.factories import make_user
from tests.oversight.conftest import xlsx_text


def job_positions(as_of=date(2026, 11, 30)) -> str:
    return INDICATORS["job_positions"][1](Context(as_of))


def test_the_personnel_office_records_an_approval_and_the_indicator_counts_it(client, world):
    assert job_positions() == "0/2"
    client.force_login(world.users["personnel"])
    url = reverse("oversight:approval_add")
    form = {
        "organization": world.tanphong.pk,
        "decision_number": "125/QĐ-UBND",
        "decision_date": "2026-06-15",
    }
    assert client.post(url, form).status_code == 302
    approval = JobPositionApproval.objects.get()
    assert (approval.organization, approval.decision_number) == (world.tanphong, "125/QĐ-UBND")
    assert approval.recorded_by == world.users["personnel"]
    entry = AuditEntry.objects.get(action="oversight.record_job_position_approval")
    assert entry.actor == world.users["personnel"]
    assert job_positions() == "1/2"
    assert job_positions(date(2026, 6, 14)) == "0/2"
    page = client.get(reverse("oversight:approvals")).content.decode()
    assert "Phường Tân Phong" in page and "125/QĐ-UBND" in page and "15/06/2026" in page
    sheet = xlsx_text(client.get(reverse("oversight:approvals") + "?format=xlsx").content)
    assert "125/QĐ-UBND" in sheet and "Phường Tân Phong" in sheet


def test_a_future_date_or_a_duplicate_is_refused_and_nothing_is_written(client, world):
    client.force_login(world.users["personnel"])
    url = reverse("oversight:approval_add")
    tomorrow = timezone.localdate() + timedelta(days=1)
    form = {
        "organization": world.tanphong.pk,
        "decision_number": "125/QĐ-UBND",
        "decision_date": tomorrow.isoformat(),
    }
    refused = client.post(url, form)
    assert refused.status_code == 400
    assert "tương lai" in refused.content.decode()
    assert not JobPositionApproval.objects.exists()
    assert client.post(url, form | {"decision_number": "  "}).status_code == 400
    assert client.post(url, form | {"organization": world.tp_office.pk}).status_code == 400
    assert not JobPositionApproval.objects.exists()
    assert not AuditEntry.objects.filter(action="oversight.record_job_position_approval").exists()
    assert client.post(url, form | {"decision_date": "2026-05-02"}).status_code == 302
    again = client.post(url, form | {"decision_number": "9/QĐ", "decision_date": "2026-05-03"})
    assert again.status_code == 400
    text = again.content.decode()
    assert "đã được phê duyệt" in text and "125/QĐ-UBND" in text
    kept = JobPositionApproval.objects.get()
    assert (kept.decision_number, kept.decision_date) == ("125/QĐ-UBND", date(2026, 5, 2))
    assert AuditEntry.objects.filter(action="oversight.record_job_position_approval").count() == 1


def test_other_personas_cannot_record_and_a_commune_sees_only_its_own(client, world):
    JobPositionApproval.objects.create(
        organization=world.tanphong, decision_number="1/QĐ-TP", decision_date=date(2026, 6, 1)
    )
    JobPositionApproval.objects.create(
        organization=world.doanket, decision_number="2/QĐ-DK", decision_date=date(2026, 6, 2)
    )
    form = {
        "organization": world.doanket.pk,
        "decision_number": "3/QĐ",
        "decision_date": "2026-06-03",
    }
    officer = make_user("tp.personnel", Role.PERSONNEL_COMMUNE, world.tanphong)
    for user in (officer, world.users["chair"], world.users["admin"], world.users["staff"]):
        client.force_login(user)
        assert client.post(reverse("oversight:approval_add"), form).status_code == 403
    assert JobPositionApproval.objects.count() == 2
    for user in (officer, world.users["chair"]):
        client.force_login(user)
        page = client.get(reverse("oversight:approvals")).content.decode()
        assert "1/QĐ-TP" in page and "2/QĐ-DK" not in page
        assert "oversight:approval_add" not in page and 'name="decision_number"' not in page
        sheet = xlsx_text(client.get(reverse("oversight:approvals") + "?format=xlsx").content)
        assert "1/QĐ-TP" in sheet and "2/QĐ-DK" not in sheet
    client.force_login(world.users["personnel"])
    page = client.get(reverse("oversight:approvals")).content.decode()
    assert "1/QĐ-TP" in page and "2/QĐ-DK" in page and 'name="decision_number"' in page


def test_the_norms_are_data_seeded_from_the_former_setting(db):
    assert norms()["computer"] == ("Máy vi tính", "person", 1)
    assert list(norms()) == ["computer", "printer", "scanner", "photocopier", "projector"]


def test_the_personnel_office_changes_a_norm_and_the_review_uses_it(client, world):
    office = world.tp_office  # 3 people
    InventoryItem.objects.create(organization=office, item="computer", year=2024)
    lines = {(ln.unit, ln.item): ln for ln in review(world.tanphong)}
    assert lines[(office.name, "computer")].shortfall == 2
    assert lines[(office.name, "printer")].required == 1
    client.force_login(world.users["personnel"])
    url = reverse("oversight:norm_set")
    assert (
        client.post(url, {"item": "computer", "basis": "person", "quantity": "2"}).status_code
        == 302
    )
    assert (
        client.post(
            url, {"item": "printer", "basis": "commune", "quantity": "0", "name": "Máy in A4"}
        ).status_code
        == 302
    )
    assert AuditEntry.objects.filter(action="oversight.set_equipment_norm").count() == 2
    lines = {(ln.unit, ln.item): ln for ln in review(world.tanphong)}
    assert lines[(office.name, "computer")].required == 6
    assert lines[(office.name, "computer")].shortfall == 5
    assert (office.name, "printer") not in lines
    page = client.get(reverse("oversight:norms")).content.decode()
    assert "Máy in A4" in page
    summary = client.get(reverse("oversight:equipment")).content.decode()
    assert "Máy in A4" in summary


def test_bad_norms_are_refused_in_vietnamese_and_nothing_changes(client, world):
    client.force_login(world.users["personnel"])
    url = reverse("oversight:norm_set")
    before = norms()
    negative = client.post(url, {"item": "computer", "basis": "person", "quantity": "-1"})
    assert negative.status_code == 400
    assert "Số lượng định mức" in negative.content.decode()
    unknown = client.post(url, {"item": "fax", "basis": "person", "quantity": "1"})
    assert unknown.status_code == 400
    assert "không có trong định mức" in unknown.content.decode()
    assert client.post(url, {"item": "computer", "basis": "x", "quantity": "1"}).status_code == 400
    assert norms() == before
    assert not EquipmentNorm.objects.filter(code="fax").exists()
    assert not AuditEntry.objects.filter(action="oversight.set_equipment_norm").exists()
    officer = make_user("tp.personnel", Role.PERSONNEL_COMMUNE, world.tanphong)
    for user in (officer, world.users["chair"], world.users["admin"]):
        client.force_login(user)
        refused = client.post(url, {"item": "computer", "basis": "person", "quantity": "3"})
        assert refused.status_code == 403
        page = client.get(reverse("oversight:norms")).content.decode()
        assert "Máy vi tính" in page and 'name="quantity"' not in page
    assert norms() == before


def test_an_emptied_norm_table_falls_back_to_the_defaults_and_is_refilled_on_edit(client, world):
    EquipmentNorm.objects.all().delete()
    assert norms()["projector"] == ("Máy chiếu", "commune", 1)
    assert any(ln.item == "computer" for ln in review(world.tanphong))
    client.force_login(world.users["personnel"])
    posted = client.post(
        reverse("oversight:norm_set"), {"item": "projector", "basis": "commune", "quantity": "2"}
    )
    assert posted.status_code == 302
    assert EquipmentNorm.objects.count() == 5
    assert norms()["projector"] == ("Máy chiếu", "commune", 2)
