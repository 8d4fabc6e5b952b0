"""Job positions and staffing 2026–2031: versions with decisions, quotas, audited."""

import io

from openpyxl import load_workbook

from canbo.core.models import AuditEntry
from canbo.org.models import JobPositionVersion, StaffingQuota

FORM = {
    "code": "VP",
    "name": "Văn phòng - Thống kê (sửa đổi)",
    "description": "Mô tả",
    "field": "archives",
    "min_education": "3",
    "required_major": "",
    "min_political_theory": "0",
    "min_state_management": "1",
    "competency_framework": "Khung năng lực mới",
    "qualification_standard": "Đại học",
    "period": "2026–2031",
    "decision": "20/QĐ-UBND",
}


def test_revision_keeps_the_former_version(world, login):
    client = login(world.users["personnel"])
    url = f"/cadre/positions/{world.position.pk}/edit/"
    assert client.post(url, FORM).status_code == 302
    world.position.refresh_from_db()
    assert world.position.version == 2 and world.position.decision == "20/QĐ-UBND"
    old = JobPositionVersion.objects.get(job_position=world.position)
    assert (old.version, old.content["name"]) == (1, "Văn phòng - Thống kê")
    assert AuditEntry.objects.filter(action="org.revise_job_position").exists()
    # The same decision again is not a new version: refused, nothing written.
    response = client.post(url, FORM | {"name": "Khác"})
    assert response.status_code == 200 and "quyết định" in response.content.decode()
    world.position.refresh_from_db()
    assert world.position.version == 2 and world.position.name.endswith("(sửa đổi)")
    html = client.get(f"/cadre/positions/{world.position.pk}/").content.decode()
    assert "Văn phòng - Thống kê" in html and "Khung năng lực mới" in html


def test_quota_set_and_listed_within_scope(world, login):
    client = login(world.users["personnel"])
    url = f"/cadre/positions/{world.position.pk}/quota/"
    for org, quota in ((world.tanphong, 6), (world.doanket, 3)):
        assert (
            client.post(
                url, {"organization": org.pk, "quota": quota, "decision": "21/QĐ-UBND"}
            ).status_code
            == 302
        )
    assert StaffingQuota.objects.get(organization=world.tanphong).quota == 6
    chair = login(world.users["chair"])
    html = chair.get(f"/cadre/positions/{world.position.pk}/").content.decode()
    assert "Phường Tân Phong" in html and "Phường Đoàn Kết" not in html
    book = load_workbook(io.BytesIO(chair.get("/cadre/positions/?format=xlsx").content))
    assert [c.value for c in book.worksheets[0][2]][-1] == 6  # Tân Phong's quota only
