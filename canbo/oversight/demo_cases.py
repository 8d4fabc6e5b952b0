"""Demo data of the complaint register: one case in each state as at 30/11/2026, some late."""

from datetime import date

from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight.complaints import Case, CaseKind, CaseSource, CaseStatus, due_dates
from canbo.people.models import Person

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


def seed_cases(root: Organization) -> None:
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
