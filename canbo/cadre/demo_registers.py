"""Demo leave periods and conclusions: seeded before the evaluations, so that the months of
leave are not worked and the conclusion forces "Không hoàn thành" in the annual results.

Deterministic (people picked by code among the seeded civil servants without a demo account)
and idempotent (each record is keyed on its decision number).
"""

from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from canbo.cadre.models import Conclusion, ConclusionKind
from canbo.cadre.services.records import record_conclusion
from canbo.org.models import Organization
from canbo.people.choices import Gender, LeaveKind
from canbo.people.errors import LeaveError
from canbo.people.leave import record_leave
from canbo.people.models import LeavePeriod, Person

OFFICER = "sonoivu"  # the province's personnel officer records them
MATERNITY = (
    "Phường Tân Phong",
    LeaveKind.MATERNITY,
    date(2026, 3, 1),
    date(2026, 6, 30),
    "QĐ 45/QĐ-UBND ngày 20/02/2026 của UBND phường Tân Phong",
)
# 07–25/09/2026: 15 of the month's 22 working days.
SICK = (
    "Phường Đoàn Kết",
    LeaveKind.SICK,
    date(2026, 9, 7),
    date(2026, 9, 25),
    "Giấy ra viện số 1287/BVĐK ngày 25/09/2026, Bệnh viện Đa khoa tỉnh",
)
DEGRADATION = (
    "Phường Tân Phong",
    "Ủy ban kiểm tra Đảng ủy phường Tân Phong",
    "08-KL/UBKT",
    date(2026, 2, 20),
    "Kết luận vi phạm trách nhiệm nêu gương, suy thoái về lối sống (dữ liệu mẫu).",
)


def _civil_servants(ward: str):
    """Non-leaders of the ward without a demo account, by code."""
    return Person.objects.filter(
        organization__path__startswith=Organization.objects.get(name=ward).path,
        title__code="CONG_CHUC",
        title__is_leader=False,
        profile__isnull=True,
    ).order_by("code")


@transaction.atomic
def seed_leave_and_conclusions(stdout=None) -> None:
    officer = User.objects.filter(username=OFFICER).first()
    wards = {MATERNITY[0], SICK[0], DEGRADATION[0]}
    if officer is None or Organization.objects.filter(name__in=wards).count() != len(wards):
        _say(stdout, "Bỏ qua thời gian nghỉ và kết luận mẫu: chưa có tỉnh mẫu.\n")
        return
    mother = _civil_servants(MATERNITY[0]).filter(gender=Gender.FEMALE).first()
    # The first Đoàn Kết civil servant carries the demo reprimand: take the second one.
    patient = _civil_servants(SICK[0])[1:2].first()
    concluded = _civil_servants(DEGRADATION[0]).exclude(pk=getattr(mother, "pk", None)).first()
    for person, (_, kind, start, end, evidence) in ((mother, MATERNITY), (patient, SICK)):
        if person and not LeavePeriod.objects.filter(evidence=evidence).exists():
            try:
                record_leave(officer, person, kind, start, end, evidence, "Dữ liệu mẫu")
            except LeaveError as error:  # an older demo whose months are already locked
                _say(stdout, f"Bỏ qua thời gian nghỉ mẫu: {error.message}\n")
    _, issuer, number, day, content = DEGRADATION
    if concluded and not Conclusion.objects.filter(number=number).exists():
        record_conclusion(
            officer, concluded, ConclusionKind.DEGRADATION, issuer, number, day, content
        )
    _say(
        stdout,
        f"Thời gian nghỉ: {LeavePeriod.objects.count()}; "
        f"kết luận của cấp có thẩm quyền: {Conclusion.objects.count()}.\n",
    )


def _say(stdout, text: str) -> None:
    if stdout is not None:
        stdout.write(text)
