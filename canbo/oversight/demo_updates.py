"""Demo data of the plan's owners: their updates on each action as at 30/11/2026, and the
communes' job-position approvals."""

import random
from datetime import date

from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight.models import ActionStatus, ActionUpdate, JobPositionApproval, PlanAction

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


def seed_updates() -> None:
    actions = {a.code: a for a in PlanAction.objects.all()}
    ActionUpdate.objects.bulk_create(
        ActionUpdate(action=actions[code], on=on, status=status, note=note)
        for code, rows in UPDATES.items()
        if code in actions
        for on, status, note in rows
    )


def seed_approvals() -> None:
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
