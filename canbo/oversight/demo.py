"""Demo data of the plan tracker as it stands on 30/11/2026: the plan's actions with their
owners' updates, job-position approvals, supervision findings and the periodic reports.

Idempotent and deterministic: called by `canbo seed-demo` after the cadre data.
"""

import random
from datetime import date

from django.conf import settings
from django.db import transaction

from canbo.org.choices import COMMUNE_KINDS, OrgKind
from canbo.org.models import Organization
from canbo.oversight import plan_data
from canbo.oversight.complaints import Case, CaseKind, CaseSource, CaseStatus, due_dates
from canbo.oversight.equipment import InventoryItem, ItemState, ensure_norms
from canbo.oversight.models import (
    ActionStatus,
    ActionUpdate,
    Finding,
    FollowUp,
    Inspection,
    InspectionKind,
    InspectionStatus,
    JobPositionApproval,
    PlanAction,
    PlanReport,
    ReportKind,
    ReportStatus,
)
from canbo.oversight.plan_services import load_plan
from canbo.people.models import Person

AS_OF = date(2026, 11, 30)
S = ActionStatus

# code -> the owner's updates (date, status, note), oldest first.
UPDATES: dict[str, list[tuple[date, str, str]]] = {
    "II.1": [
        (
            date(2026, 3, 10),
            S.IN_PROGRESS,
            "Đã tổ chức hội nghị quán triệt Nghị quyết ngày 05/3/2026 (trực tiếp và trực "
            "tuyến đến 38 xã, phường).",
        )
    ],
    "II.2.1.a": [
        (
            date(2026, 5, 20),
            S.IN_PROGRESS,
            "Đang tổng hợp danh sách học sinh giỏi lớp 12 của các trường THPT.",
        )
    ],
    "II.2.1.b": [
        (date(2026, 4, 15), S.IN_PROGRESS, "Các xã, phường đã gửi đề án vị trí việc làm."),
        (
            date(2026, 6, 29),
            S.DONE,
            "UBND tỉnh đã phê duyệt vị trí việc làm của 34/38 xã, phường; 4 đơn vị hoàn "
            "thiện hồ sơ trong tháng 7.",
        ),
    ],
    "II.2.1.c": [
        (
            date(2026, 9, 15),
            S.IN_PROGRESS,
            "Đã tổ chức kỳ xét tuyển công chức cấp xã đợt 1 năm 2026.",
        )
    ],
    "II.2.1.d": [
        (
            date(2026, 8, 1),
            S.IN_PROGRESS,
            "Đã điều động cán bộ từ các sở, ngành về các xã thiếu cán bộ chuyên môn.",
        )
    ],
    "II.2.2.a": [
        (
            date(2026, 11, 20),
            S.IN_PROGRESS,
            "Các xã, phường đang hoàn thiện xếp loại chất lượng năm 2026.",
        )
    ],
    "II.2.2.b": [
        (date(2026, 6, 30), S.IN_PROGRESS, "Phần mềm chạy thử tại 2 phường."),
        (
            date(2026, 10, 1),
            S.IN_PROGRESS,
            "Phần mềm vận hành tại các xã, phường; đang kết nối phần mềm quản lý văn bản.",
        ),
    ],
    "II.2.2.c": [(date(2026, 4, 1), S.WAITING, "Chờ quy định của Tỉnh ủy.")],
    "II.2.3": [
        (date(2026, 10, 10), S.IN_PROGRESS, "Đang rà soát, bổ sung quy hoạch nhiệm kỳ 2026 - 2031.")
    ],
    "II.2.4": [(date(2026, 3, 20), S.DONE, "Đã ban hành Kế hoạch đào tạo, bồi dưỡng năm 2026.")],
    "II.2.4.a": [(date(2026, 9, 1), S.IN_PROGRESS, "Đã cử 6 cán bộ đi đào tạo sau đại học.")],
    "II.2.4.b": [
        (
            date(2026, 9, 5),
            S.IN_PROGRESS,
            "Đã ký kết liên kết với Học viện Công nghệ Bưu chính viễn thông, khai giảng "
            "lớp thứ nhất.",
        )
    ],
    "II.2.4.c": [(date(2026, 9, 5), S.IN_PROGRESS, "Đang cử cán bộ theo danh sách rà soát.")],
    "II.2.4.d": [(date(2026, 8, 15), S.IN_PROGRESS, "Đã cử cán bộ học trung cấp lý luận.")],
    "II.2.4.e": [(date(2026, 6, 1), S.IN_PROGRESS, "Đã mở các lớp bồi dưỡng theo kế hoạch.")],
    "II.2.4.f": [],
    "II.2.4.g": [
        (
            date(2026, 4, 1),
            S.IN_PROGRESS,
            "Phát động phong trào “Bình dân học vụ số” trong cán bộ cấp xã.",
        )
    ],
    "II.2.5.a": [(date(2026, 5, 1), S.IN_PROGRESS, "Thực hiện thường xuyên.")],
    "II.2.5.b": [(date(2026, 5, 1), S.IN_PROGRESS, "Thực hiện thường xuyên.")],
    "II.2.5.c": [(date(2026, 7, 1), S.IN_PROGRESS, "Đã cho ý kiến nhân sự 5 xã.")],
    "II.2.6.a": [(date(2026, 6, 1), S.IN_PROGRESS, "Thực hiện thường xuyên.")],
    "II.2.6.b": [
        (
            date(2026, 10, 20),
            S.IN_PROGRESS,
            "Đã có dự thảo nghị quyết sửa đổi, đang lấy ý kiến các sở, ngành.",
        )
    ],
    "II.2.7": [(date(2026, 7, 1), S.IN_PROGRESS, "Đã kiểm tra 6 xã trong 6 tháng đầu năm.")],
    "II.3": [],
    "III.1": [(date(2026, 4, 1), S.IN_PROGRESS, "Các đảng bộ trực thuộc đã ban hành kế hoạch.")],
    "III.2.a": [(date(2026, 3, 25), S.DONE, "UBND tỉnh đã ban hành kế hoạch triển khai.")],
    "III.2.b": [
        (
            date(2026, 6, 25),
            S.IN_PROGRESS,
            "Đã phê duyệt danh mục vị trí việc làm; khung năng lực còn hoàn thiện.",
        )
    ],
    "III.2.c": [(date(2026, 3, 20), S.DONE, "Đã ban hành kế hoạch đào tạo năm 2026.")],
    "III.3": [(date(2026, 7, 10), S.IN_PROGRESS, "Đã báo cáo sơ kết 6 tháng đầu năm.")],
    "III.4": [(date(2026, 9, 1), S.IN_PROGRESS, "Đã giám sát chuyên đề tại 4 xã.")],
}


def ensure_owner_bodies(root: Organization) -> dict[str, Organization]:
    """The provincial Party bodies and departments that own actions (demo codes)."""
    suffix = root.code.rsplit(".", 1)[-1] if root.code else "H29"
    bodies = {}
    for name, group in plan_data.OWNER_BODIES:
        org, _ = Organization.objects.update_or_create(
            code=f"000.00.{group}.{suffix}",
            defaults={"name": name, "kind": OrgKind.PROVINCIAL_AGENCY, "parent": root},
        )
        bodies[name] = org
    return bodies


def seed_oversight(stdout) -> None:
    with transaction.atomic():
        root = Organization.objects.filter(code=settings.PROVINCE_CODE).first()
        if root is None:
            return
        ensure_owner_bodies(root)
        load_plan()
        if not ActionUpdate.objects.exists():
            _updates()
        if not JobPositionApproval.objects.exists():
            _approvals()
        if not Finding.objects.exists():
            _findings()
        _reports()
        if not Case.objects.exists():
            _cases(root)
        if not Inspection.objects.exists():
            _inspections()
        ensure_norms()  # the norms are data (migration 0005); a flushed database gets them back
        if not InventoryItem.objects.exists():
            _inventories()
    stdout.write(
        f"Kế hoạch 05-NQ/TU: {PlanAction.objects.count()} nhiệm vụ, "
        f"{Finding.objects.count()} kết luận giám sát, {Case.objects.count()} đơn thư, "
        f"{Inspection.objects.count()} cuộc kiểm tra."
    )


def _updates() -> None:
    actions = {a.code: a for a in PlanAction.objects.all()}
    ActionUpdate.objects.bulk_create(
        ActionUpdate(action=actions[code], on=on, status=status, note=note)
        for code, rows in UPDATES.items()
        if code in actions
        for on, status, note in rows
    )


def _approvals() -> None:
    """34 communes approved before 01/07/2026, the 4 last in July."""
    communes = list(Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("code"))
    rng = random.Random(16)
    rows = []
    for index, org in enumerate(communes):
        late = index >= len(communes) - 4
        day = date(2026, 7, rng.randint(10, 28)) if late else date(2026, 6, rng.randint(1, 29))
        rows.append(
            JobPositionApproval(
                organization=org, decision_date=day, decision_number=f"{1200 + index}/QĐ-UBND"
            )
        )
    JobPositionApproval.objects.bulk_create(rows)


def _findings() -> None:
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


def _reports() -> None:
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


# (kind, received, status, accepted, closed, result) as at 30/11/2026: each state, some late.
CASES = [
    (CaseKind.DENUNCIATION, date(2026, 11, 25), CaseStatus.RECEIVED, None, None, ""),
    (CaseKind.COMPLAINT, date(2026, 11, 2), CaseStatus.RECEIVED, None, None, ""),
    (CaseKind.DENUNCIATION, date(2026, 9, 20), CaseStatus.ACCEPTED, date(2026, 9, 28), None, ""),
    (CaseKind.COMPLAINT, date(2026, 10, 20), CaseStatus.ACCEPTED, date(2026, 10, 27), None, ""),
    (
        CaseKind.PETITION,
        date(2026, 6, 3),
        CaseStatus.CONCLUDED,
        date(2026, 6, 10),
        date(2026, 6, 24),
        "Đã trả lời công dân; yêu cầu xã niêm yết công khai thủ tục.",
    ),
    (
        CaseKind.DENUNCIATION,
        date(2026, 5, 12),
        CaseStatus.CONCLUDED,
        date(2026, 5, 20),
        date(2026, 6, 18),
        "Tố cáo đúng một phần; kiến nghị kiểm điểm, rút kinh nghiệm.",
    ),
    (
        CaseKind.COMPLAINT,
        date(2026, 7, 1),
        CaseStatus.REJECTED,
        None,
        date(2026, 7, 8),
        "Không thụ lý: đơn đã được giải quyết lần hai.",
    ),
]
SENDERS = [
    "Lò Văn Pọm",
    "Giàng Thị Dở",
    "Tẩn Văn Chỉn",
    "Lý Thị Mai",
    "Vàng A Sử",
    "Phàn Văn Kiên",
    "Hoàng Thị Lan",
]
SUMMARIES = [
    "Phản ánh cán bộ địa chính chậm giải quyết hồ sơ cấp giấy chứng nhận quyền sử dụng đất.",
    "Khiếu nại quyết định hỗ trợ giải phóng mặt bằng.",
    "Tố cáo cán bộ nhận tiền khi làm thủ tục hành chính.",
    "Khiếu nại việc không được xét hộ nghèo.",
    "Kiến nghị công khai thủ tục tại Trung tâm phục vụ hành chính công.",
    "Tố cáo cán bộ vi phạm quy định về đạo đức công vụ.",
    "Khiếu nại kết quả giải quyết tranh chấp đất đai.",
]


def _cases(root: Organization) -> None:
    communes = list(Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("code"))
    office = Organization.objects.filter(parent=root, name__startswith="Sở Nội vụ").first()
    rows = []
    for index, (kind, received, status, accepted, closed, result) in enumerate(CASES):
        commune = communes[index % len(communes)] if communes else root
        person = (
            Person.objects.filter(organization__path__startswith=commune.path)
            .order_by("code")
            .first()
        )
        accept_due, resolve_due = due_dates(kind, received)
        rows.append(
            Case(
                kind=kind,
                number=f"{index + 1:02d}/ĐT-2026",
                received_on=received,
                source=CaseSource.CITIZEN if index % 3 else CaseSource.CADRE,
                sender_name=SENDERS[index],
                sender_contact="Bản Nà Khum",
                summary=SUMMARIES[index],
                organization=commune,
                person=person,
                handling_body=office if kind == CaseKind.DENUNCIATION and office else commune,
                accept_due=accept_due,
                resolve_due=resolve_due,
                status=status,
                accepted_on=accepted,
                closed_on=closed,
                result=result,
            )
        )
    Case.objects.bulk_create(rows)


def _inspections() -> None:
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


def _inventories() -> None:
    """Each commune holds most of its norm; some machines are old or broken."""
    rng = random.Random(7)
    rows = []
    for commune in Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("code"):
        units = list(Organization.objects.filter(path__startswith=commune.path))
        for unit in units:
            if unit.pk == commune.pk:
                for item in ("photocopier", "projector"):
                    if rng.random() < 0.6:
                        rows.append(_item(rng, unit, item))
                continue
            staff = Person.objects.filter(organization=unit).count()
            for _n in range(max(0, staff - rng.randint(0, 2))):
                rows.append(_item(rng, unit, "computer"))
            for item in ("printer", "scanner"):
                if rng.random() < 0.7:
                    rows.append(_item(rng, unit, item))
    InventoryItem.objects.bulk_create(rows)


def _item(rng: random.Random, unit: Organization, item: str) -> InventoryItem:
    year = rng.randint(2014, 2026)
    broken = year < 2018 and rng.random() < 0.5
    state = ItemState.BROKEN if broken else ItemState.WORN if year < 2020 else ItemState.GOOD
    return InventoryItem(organization=unit, item=item, year=year, state=state)
