"""Demo evaluations: January–October 2026 approved and locked, November open with a mix of
states, one contested sheet. Called by the demo seed after the tasks exist; the year-end
(`seed_year_end`) after the cadre records (discipline, conclusions, leave).

Bulk writes without per-sheet audit entries (the demo has no real actors); scores still come
only from canbo.scoring through the same bridge the workflow uses.
"""

import random
from collections import defaultdict
from datetime import date, datetime, time

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from canbo.evaluation.choices import ComplaintStatus, PeriodStatus, SheetStatus
from canbo.evaluation.models import (
    AnnualResult,
    Complaint,
    EvaluationPeriod,
    EvaluationSheet,
    LeaderCharge,
)
from canbo.evaluation.services.annual import compute_annual, finalise_annual
from canbo.evaluation.services.leaders import (
    CHAIRMAN,
    DEPUTY,
    HEAD,
    VICE_CHAIRMAN,
    leader_kind,
)
from canbo.evaluation.services.periods import create_sheets
from canbo.evaluation.services.result import as_json, compute, stored_total
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.scoring import STAFF, CriteriaSet, rulebook_for, score_period, to_fraction
from canbo.work.loader import scored_tasks, task_item

YEAR = 2026
LOCKED_MONTHS = range(1, 11)
OPEN_MONTH = 11
# General criteria around 18.5 of 30, 2 more in every second commune (generous reviews):
# about a fifth of the monthly results are "excellent", and half the communes exceed the
# quota at the end of the year.
GENERAL_MEAN, GENEROUS_BONUS, PERSON_SPREAD, MONTH_SPREAD = 18.5, 2.0, 1.3, 0.8
KEEP_DRAFT = {"congchuc.tanphong"}  # left for the acceptance walk-through
PERSONNEL_OFFICER = "sonoivu"


def seed_evaluation(stdout=None) -> int:
    root = Organization.objects.filter(depth=0).first()
    if root is None or EvaluationPeriod.objects.filter(organization=root).exists():
        return 0
    rng = random.Random(2026)
    with transaction.atomic():
        seed_charges()
        people = _merit(rng)
        for month in LOCKED_MONTHS:
            _seed_month(root, date(YEAR, month, 1), rng, people, locked=True)
        _seed_month(root, date(YEAR, OPEN_MONTH, 1), rng, people, locked=False)
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


def general_points(rng: random.Random, merit: float) -> list[float]:
    """The three group totals (0.5 steps, each ≤ 10) around the person's level."""
    total = max(12.0, min(29.0, merit + rng.gauss(0, MONTH_SPREAD)))
    points = [round(total / 3 * 2) / 2] * 3
    points[rng.randrange(3)] += round((total - sum(points)) * 2) / 2
    return [max(0.0, min(10.0, p)) for p in points]


def _period(root: Organization, month: date, locked: bool) -> EvaluationPeriod:
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    period = EvaluationPeriod.objects.create(
        organization=root,
        start=month,
        self_assessment_due=end.replace(day=3),
        review_due=end.replace(day=6),
        approval_due=end.replace(day=9),
        status=PeriodStatus.LOCKED if locked else PeriodStatus.OPEN,
    )
    create_sheets(period)
    return period


def _items_by_person(month: date) -> dict[int, list]:
    items = defaultdict(list)
    for task in scored_tasks((month,)).order_by("id"):
        items[task.assignee_id].append(task_item(task))
    return items


RANK = {None: 0, DEPUTY: 1, HEAD: 2, VICE_CHAIRMAN: 3, CHAIRMAN: 4}


def spread_over_lines(totals: list[float], criteria: CriteriaSet) -> list[float]:
    """The three group totals (a, b, c / I, II, III) spread evenly over the set's lines."""
    points: list[float] = []
    for group, total in zip(criteria.groups, totals, strict=True):
        steps = to_fraction(total) / group.items[0].step  # a group's lines share one step
        base, extra = divmod(int(steps), len(group.items))
        points += [float((base + (n < extra)) * item.step) for n, item in enumerate(group.items)]
    return points


def _coordination_line(criteria: CriteriaSet) -> int:
    """The line a reviewer lowers for late coordination: the last line of group b / II."""
    return sum(len(g.items) for g in criteria.groups[:2]) - 1


def _seed_month(root, month: date, rng: random.Random, merit: dict, locked: bool) -> None:
    """Staff first, then leaders from the deputies up, each level stored before the next:
    a leader's d reads the approved results of the people in their charge."""
    period = _period(root, month, locked)
    items = _items_by_person(month)
    moment = timezone.make_aware(datetime.combine(period.approval_due, time(9)))
    sheets = list(
        period.sheets.select_related(
            "person__profile__user", "person__title", "person__organization"
        ).order_by("person__code")
    )
    kinds = {s.pk: leader_kind(s.person) if s.is_leader else None for s in sheets}
    for level in sorted(set(kinds.values()), key=RANK.get):
        batch = [s for s in sheets if kinds[s.pk] == level]
        for sheet in batch:
            state = SheetStatus.PUBLISHED if locked else _open_state(sheet, rng)
            if not sheet.worked:
                state = SheetStatus.DRAFT  # on leave: nothing to evaluate
            general = general_points(rng, merit.get(sheet.person_id, GENERAL_MEAN))
            _fill(sheet, state, items.get(sheet.person_id, []), general, rng, moment)
        EvaluationSheet.objects.bulk_update(
            batch,
            [
                "status",
                "general_self",
                "general_review",
                "adjust_reasons",
                "self_comment",
                "review_comment",
                "result",
                "total",
                "classification",
                "submitted_at",
                "reviewed_at",
                "approved_at",
                "version",
                "leader_organising",
            ],
            batch_size=1000,
        )
    if not locked:
        _contest_one(period)


def _open_state(sheet: EvaluationSheet, rng: random.Random) -> str:
    profile = getattr(sheet.person, "profile", None)
    if profile is not None and profile.user.username in KEEP_DRAFT:
        return SheetStatus.DRAFT
    return rng.choice(
        [
            SheetStatus.DRAFT,
            SheetStatus.SELF_ASSESSED,
            SheetStatus.SELF_ASSESSED,
            SheetStatus.REVIEWED,
            SheetStatus.PUBLISHED,
        ]
    )


def _fill(sheet, state: str, items: list, general: list, rng: random.Random, moment) -> None:
    sheet.status, sheet.version = state, 1
    if state == SheetStatus.DRAFT:
        return
    criteria = rulebook_for(sheet.period.start).criteria_set(sheet.criteria_set)
    general = spread_over_lines(general, criteria)
    sheet.general_self, sheet.submitted_at = general, moment
    sheet.self_comment = "Hoàn thành các nhiệm vụ được giao trong tháng."
    reviewed = list(general)
    if state != SheetStatus.SELF_ASSESSED:
        line = _coordination_line(criteria)
        if rng.random() < 0.15 and reviewed[line] >= 0.5:
            reviewed[line] -= 0.5
            sheet.adjust_reasons = {str(line): "Phối hợp với đồng nghiệp chưa kịp thời."}
        sheet.general_review, sheet.reviewed_at = reviewed, moment
        sheet.review_comment = "Thống nhất với nội dung tự đánh giá."
    if sheet.is_leader and rng.random() < 0.05:
        sheet.leader_organising = "partial"  # a planned task of the unit was not done on time
    # The same bridge as the workflow: a leader's scope and d come from canbo.evaluation.
    sheet.result = compute(sheet, reviewed) if sheet.is_leader else _score(items, reviewed, sheet)
    sheet.total = stored_total(sheet.result)
    sheet.classification = sheet.result["classification"] or ""
    if state == SheetStatus.PUBLISHED:
        sheet.approved_at = moment


def _score(items: list, general: list, sheet) -> dict:
    result = score_period(
        items,
        general,
        criteria=sheet.criteria_set,
        role=STAFF,
        rulebook=rulebook_for(sheet.period.start),
    )
    return as_json(result)


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
