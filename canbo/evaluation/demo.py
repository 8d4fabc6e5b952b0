"""Demo evaluations: January–October 2026 approved and locked, November open with a mix of
states, one contested sheet. Called by the demo seed after the tasks exist; the year-end
(`seed_year_end`) after the cadre records (discipline, conclusions, leave).

Bulk writes without per-sheet audit entries (the demo has no real actors); scores still come
only from canbo.scoring through the same bridge the workflow uses (`demo_month`).
"""

import random
from datetime import date

from django.contrib.auth.models import User
from django.db import transaction

from canbo.evaluation.choices import ComplaintStatus, SheetStatus
from canbo.evaluation.demo_month import (
    GENERAL_MEAN,
    GENEROUS_BONUS,
    PERSON_SPREAD,
    Leaders,
    seed_month,
)
from canbo.evaluation.models import (
    AnnualResult,
    Complaint,
    EvaluationPeriod,
    EvaluationSheet,
    LeaderCharge,
)
from canbo.evaluation.services.annual import compute_annual, finalise_annual
from canbo.evaluation.services.leaders import VICE_CHAIRMAN, leader_kind
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.people.models import Person

YEAR = 2026
LOCKED_MONTHS = range(1, 11)
OPEN_MONTH = 11
PERSONNEL_OFFICER = "sonoivu"


def seed_evaluation(stdout=None) -> int:
    root = Organization.objects.filter(depth=0).first()
    if root is None or EvaluationPeriod.objects.filter(organization=root).exists():
        return 0
    rng = random.Random(2026)
    with transaction.atomic():
        seed_charges()
        merit, leaders = _merit(rng), Leaders.load()
        for month in LOCKED_MONTHS:
            seed_month(root, date(YEAR, month, 1), rng, merit, leaders, locked=True)
        period = seed_month(root, date(YEAR, OPEN_MONTH, 1), rng, merit, leaders, locked=False)
        _contest_one(period)
    if stdout is not None:
        stdout.write(
            f"Đánh giá: {EvaluationSheet.objects.count()} phiếu "
            f"(tháng 1–10/{YEAR} đã khoá, tháng {OPEN_MONTH} đang mở)."
        )
    return EvaluationSheet.objects.count()


def seed_year_end(stdout=None) -> int:
    """The annual results, after discipline, conclusions and leave are recorded: the communes
    within the quota are finalised, the others are left over the cap with their margins."""
    root = Organization.objects.filter(depth=0).first()
    if root is None or AnnualResult.objects.filter(year=YEAR).exists():
        return 0
    with transaction.atomic():
        compute_annual(None, YEAR, root, operator=True)
        outcome = finalise_annual(None, YEAR, root, operator=True)
    if stdout is not None:
        stdout.write(
            f"Xếp loại năm {YEAR}: đã chốt {len(outcome.finalised)} xã, phường; "
            f"{len(outcome.refused)} xã, phường còn vượt tỷ lệ “xuất sắc”."
        )
    return outcome.rows


# The two vice chairmen share the departments: the first the Office and Culture-Society, the
# second the Economy department and the Service Centre (DOMAIN §1).
CHARGES = (("Văn phòng", "Văn hóa"), ("Kinh tế", "Trung tâm"))


def seed_charges() -> int:
    charges = []
    for commune in Organization.objects.filter(kind__in=COMMUNE_KINDS):
        vices = [
            p
            for p in Person.objects.filter(organization=commune, title__is_leader=True)
            .select_related("title", "organization")
            .order_by("code")
            if leader_kind(p) == VICE_CHAIRMAN
        ]
        for vice, words in zip(vices, CHARGES, strict=False):
            for unit in Organization.objects.filter(parent=commune):
                if any(word in unit.name for word in words):
                    charges.append(LeaderCharge(leader=vice, organization=unit))
    LeaderCharge.objects.bulk_create(charges, ignore_conflicts=True)
    return len(charges)


def _merit(rng: random.Random) -> dict[int, float]:
    """A steady level per person, plus a "generous" review in every second commune."""
    communes = {
        c.pk: i
        for i, c in enumerate(Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("path"))
    }
    merit = {}
    for person in Person.objects.exclude(organization=None).select_related("organization"):
        commune = person.organization.commune()
        generous = commune is not None and communes.get(commune.pk, 0) % 2 == 1
        merit[person.pk] = (
            GENERAL_MEAN + (GENEROUS_BONUS if generous else 0) + rng.gauss(0, PERSON_SPREAD)
        )
    return merit


def _contest_one(period: EvaluationPeriod) -> None:
    sheet = period.sheets.filter(
        status=SheetStatus.PUBLISHED,
        person__organization__name__contains="Kinh tế",
        person__organization__parent__name="Phường Đoàn Kết",
    ).first()
    sheet = sheet or period.sheets.filter(status=SheetStatus.PUBLISHED).first()
    if sheet is None:
        return
    owner = User.objects.filter(profile__person=sheet.person).first()
    Complaint.objects.create(
        sheet=sheet,
        filed_by=owner,
        status=ComplaintStatus.OPEN,
        reason="Tôi đã hoàn thành báo cáo đúng hạn nhưng bị tính chậm.",
    )
    EvaluationSheet.objects.filter(pk=sheet.pk).update(status=SheetStatus.CONTESTED)
