"""Demo data of supervision and reporting: findings on the plan and on communes, inspections
with their findings, and the periodic reports."""

from datetime import date

from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight import plan_data
from canbo.oversight.models import (
    Finding,
    FollowUp,
    Inspection,
    InspectionKind,
    InspectionStatus,
    PlanAction,
    PlanReport,
    ReportKind,
    ReportStatus,
)
from canbo.people.models import Person


def seed_findings() -> None:
    actions = {a.code: a for a in PlanAction.objects.all()}
    communes = list(Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("code"))
    person = Person.objects.filter(organization__in=communes[:3]).order_by("code").first()
    rows = [
        Finding(
            action=actions.get("II.3"),
            on=date(2026, 10, 15),
            text="Chưa tổ chức rà soát trang thiết bị năm 2026 theo định mức.",
            required_action="Hoàn thành rà soát, báo cáo Ban Thường vụ.",
            due=date(2026, 11, 15),
        ),
        Finding(
            action=actions.get("II.2.2.a"),
            on=date(2026, 9, 20),
            text="Một số xã có tỷ lệ “Hoàn thành xuất sắc nhiệm vụ” cao, chưa sát với kết "
            "quả thực hiện nhiệm vụ.",
            required_action="Chấn chỉnh việc đánh giá, rà soát lại kết quả quý III.",
            due=date(2026, 12, 10),
        ),
        Finding(
            organization=communes[0] if communes else None,
            on=date(2026, 8, 12),
            text="Hồ sơ luân chuyển cán bộ chưa đầy đủ quyết định.",
            required_action="Bổ sung hồ sơ.",
            due=date(2026, 9, 12),
            follow_up=FollowUp.DONE,
        ),
        Finding(
            organization=person.organization if person else None,
            person=person,
            on=date(2026, 10, 2),
            text="Chậm giải quyết hồ sơ đất đai quá hạn nhiều lần.",
            required_action="Kiểm điểm, báo cáo giải trình.",
            due=date(2026, 10, 31),
        ),
    ]
    Finding.objects.bulk_create(rows)


def seed_reports() -> None:
    PlanReport.objects.get_or_create(
        kind=ReportKind.HALF_YEAR,
        year=2026,
        defaults={
            "number": "35-BC/BTGDV",
            "assessment": "Sau 6 tháng triển khai, các cấp ủy, cơ quan, đơn vị đã quán triệt "
            "Nghị quyết; vị trí việc làm cấp xã cơ bản được phê duyệt đúng hạn.",
            "next_steps": "Đẩy nhanh đào tạo đại học công nghệ thông tin; rà soát quy hoạch.",
            "signer": "Lò Văn Hùng",
            "signer_title": "Trưởng ban",
            "status": ReportStatus.SIGNED,
        },
    )
    PlanReport.objects.get_or_create(
        kind=ReportKind.YEAR,
        year=2026,
        defaults={"assessment": "Dự thảo báo cáo năm 2026.", "status": ReportStatus.DRAFT},
    )


def seed_inspections() -> None:
    communes = list(Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("code"))
    if len(communes) < 6:
        return
    land, planned = communes[1], communes[5]
    body = plan_data.UBKT
    done = Inspection.objects.create(
        kind=InspectionKind.SCHEDULED,
        title=f"Kiểm tra công tác quản lý đất đai tại {land}",
        topic="Quản lý đất đai",
        organization=land,
        body=body,
        start=date(2026, 8, 3),
        end=date(2026, 8, 14),
        status=InspectionStatus.CONCLUDED,
        conclusion_number="112-TB/UBKT",
    )
    ad_hoc = Inspection.objects.create(
        kind=InspectionKind.AD_HOC,
        title="Giám sát đột xuất việc đánh giá, xếp loại quý III",
        topic="Đánh giá, xếp loại công chức",
        body=body,
        start=date(2026, 10, 12),
        end=date(2026, 12, 15),
        status=InspectionStatus.UNDER_WAY,
    )
    Inspection.objects.create(
        kind=InspectionKind.SCHEDULED,
        title=f"Kiểm tra thực hiện nhiệm vụ công vụ tại {planned}",
        topic="Kỷ luật, kỷ cương hành chính",
        organization=planned,
        body=body,
        start=date(2026, 12, 7),
        end=date(2026, 12, 18),
    )
    _inspection_findings(done, ad_hoc)


def _inspection_findings(done: Inspection, ad_hoc: Inspection) -> None:
    """What the concluded inspection found in its commune, and what the ad hoc one found."""
    land = done.organization
    officer = (
        Person.objects.filter(organization__path__startswith=land.path).order_by("code").first()
    )
    Finding.objects.bulk_create(
        [
            Finding(
                inspection=done,
                organization=land,
                person=officer,
                on=date(2026, 8, 14),
                text="Giải quyết hồ sơ cấp giấy chứng nhận quá hạn 12 hồ sơ.",
                required_action="Kiểm điểm trách nhiệm; giải quyết dứt điểm hồ sơ tồn.",
                due=date(2026, 9, 30),
            ),
            Finding(
                inspection=done,
                organization=land,
                on=date(2026, 8, 14),
                text="Chưa niêm yết công khai thủ tục đất đai tại bộ phận một cửa.",
                required_action="Niêm yết đầy đủ.",
                due=date(2026, 8, 31),
                follow_up=FollowUp.DONE,
            ),
            Finding(
                inspection=ad_hoc,
                on=date(2026, 11, 10),
                text="Tỷ lệ tự chấm bằng điểm được chấm ở nhiều xã trên 95%.",
                required_action="Người đứng đầu rà soát việc nhận xét, đánh giá.",
                due=date(2026, 12, 31),
            ),
        ]
    )
