"""Demo evaluations: January–October 2026 approved and locked, November open with a mix of
states, one contested sheet. Called by the demo seed after the tasks exist.

Bulk writes without per-sheet audit entries (the demo has no real actors); scores still come
only from canbo.scoring through the same bridge the workflow uses.
"""

import random
from collections import defaultdict
from datetime import date, datetime, time
from decimal import Decimal

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from canbo.evaluation.choices import ComplaintStatus, PeriodStatus, SheetStatus
from canbo.evaluation.models import Complaint, EvaluationPeriod, EvaluationSheet
from canbo.evaluation.services.annual import compute_annual
from canbo.evaluation.services.periods import create_sheets
from canbo.evaluation.services.result import as_json
from canbo.org.models import Organization
from canbo.scoring import (
    LEADER,
    STAFF,
    CriteriaSet,
    LeaderInput,
    rulebook_for,
    score_period,
    to_fraction,
)
from canbo.work.loader import scored_tasks, task_item

YEAR = 2026
LOCKED_MONTHS = range(1, 11)
OPEN_MONTH = 11
# Mostly "good": most people score 21–25 of 30 on the general criteria (totals of a, b, c).
GENERAL_CHOICES = [(7, 7, 6.5), (7.5, 7, 7), (8, 7.5, 7), (8, 8, 7.5), (8, 7.5, 7.5),
                   (8.5, 8, 8), (9, 9, 8.5), (7.5, 7.5, 7)]
KEEP_DRAFT = {"congchuc.tanphong"}  # left for the acceptance walk-through
PERSONNEL_OFFICER = "sonoivu"


def seed_evaluation(stdout=None) -> int:
    root = Organization.objects.filter(depth=0).first()
    if root is None or EvaluationPeriod.objects.filter(organization=root).exists():
        return 0
    rng = random.Random(2026)
    with transaction.atomic():
        for month in LOCKED_MONTHS:
            _seed_month(root, date(YEAR, month, 1), rng, locked=True)
        _seed_month(root, date(YEAR, OPEN_MONTH, 1), rng, locked=False)
        officer = User.objects.filter(username=PERSONNEL_OFFICER).first()
        if officer is not None:  # draft annual results, so the quota screen has data
            compute_annual(officer, YEAR, root)
    if stdout is not None:
        stdout.write(f"Đánh giá: {EvaluationSheet.objects.count()} phiếu "
                     f"(tháng 1–10/{YEAR} đã khoá, tháng {OPEN_MONTH} đang mở).")
    return EvaluationSheet.objects.count()


def _period(root: Organization, month: date, locked: bool) -> EvaluationPeriod:
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    period = EvaluationPeriod.objects.create(
        organization=root, start=month, self_assessment_due=end.replace(day=3),
        review_due=end.replace(day=6), approval_due=end.replace(day=9),
        status=PeriodStatus.LOCKED if locked else PeriodStatus.OPEN)
    create_sheets(period)
    return period


def _items_by_person(month: date) -> dict[int, list]:
    items = defaultdict(list)
    for task in scored_tasks((month,)).order_by("id"):
        items[task.assignee_id].append(task_item(task))
    return items


def demo_general_points(rng: random.Random, criteria: CriteriaSet) -> list[float]:
    """One person's general points for the sheet's criteria set: the three group totals
    are drawn from GENERAL_CHOICES (one draw), each spread evenly over its group's lines."""
    totals = rng.choice(GENERAL_CHOICES)
    points: list[float] = []
    for group, total in zip(criteria.groups, totals, strict=True):
        steps = to_fraction(total) / group.items[0].step  # a group's lines share one step
        base, extra = divmod(int(steps), len(group.items))
        points += [float((base + (n < extra)) * item.step) for n, item in enumerate(group.items)]
    return points


def _coordination_line(criteria: CriteriaSet) -> int:
    """The line a reviewer lowers for late coordination: the last line of group b / II."""
    return sum(len(g.items) for g in criteria.groups[:2]) - 1


def _score(sheet: EvaluationSheet, items: list, general: list) -> dict:
    leader = LeaderInput(True, "full", "full") if sheet.is_leader else None
    result = score_period(items, general, criteria=sheet.criteria_set,
                          role=LEADER if sheet.is_leader else STAFF, leader=leader,
                          rulebook=rulebook_for(sheet.period.start))
    return as_json(result)


def _seed_month(root, month: date, rng: random.Random, locked: bool) -> None:
    period = _period(root, month, locked)
    items = _items_by_person(month)
    moment = timezone.make_aware(datetime.combine(period.approval_due, time(9)))
    sheets = list(period.sheets.select_related("person__profile__user").order_by("person__code"))
    for sheet in sheets:
        state = SheetStatus.PUBLISHED if locked else _open_state(sheet, rng)
        _fill(sheet, state, items.get(sheet.person_id, []), rng, moment)
    EvaluationSheet.objects.bulk_update(sheets, [
        "status", "general_self", "general_review", "adjust_reasons", "self_comment",
        "review_comment", "result", "total", "classification", "submitted_at", "reviewed_at",
        "approved_at", "version"], batch_size=1000)
    if not locked:
        _contest_one(period)


def _open_state(sheet: EvaluationSheet, rng: random.Random) -> str:
    profile = getattr(sheet.person, "profile", None)
    if profile is not None and profile.user.username in KEEP_DRAFT:
        return SheetStatus.DRAFT
    return rng.choice([SheetStatus.DRAFT, SheetStatus.SELF_ASSESSED, SheetStatus.SELF_ASSESSED,
                       SheetStatus.REVIEWED, SheetStatus.PUBLISHED])


def _fill(sheet, state: str, items: list, rng: random.Random, moment) -> None:
    sheet.status, sheet.version = state, 1
    if state == SheetStatus.DRAFT:
        return
    criteria = rulebook_for(sheet.period.start).criteria_set(sheet.criteria_set)
    general = demo_general_points(rng, criteria)
    sheet.general_self, sheet.submitted_at = general, moment
    sheet.self_comment = "Hoàn thành các nhiệm vụ được giao trong tháng."
    reviewed = list(general)
    if state != SheetStatus.SELF_ASSESSED:
        if rng.random() < 0.15:
            line = _coordination_line(criteria)
            reviewed[line] = max(0, reviewed[line] - 0.5)
            sheet.adjust_reasons = {str(line): "Phối hợp với đồng nghiệp chưa kịp thời."}
        sheet.general_review, sheet.reviewed_at = reviewed, moment
        sheet.review_comment = "Thống nhất với nội dung tự đánh giá."
    sheet.result = _score(sheet, items, reviewed)
    total = sheet.result["total"]
    sheet.total = None if total is None else Decimal(str(round(total, 4)))
    sheet.classification = sheet.result["classification"] or ""
    if state == SheetStatus.PUBLISHED:
        sheet.approved_at = moment


def _contest_one(period: EvaluationPeriod) -> None:
    sheet = period.sheets.filter(status=SheetStatus.PUBLISHED,
                                 person__organization__name__contains="Kinh tế",
                                 person__organization__parent__name="Phường Đoàn Kết").first()
    sheet = sheet or period.sheets.filter(status=SheetStatus.PUBLISHED).first()
    if sheet is None:
        return
    owner = User.objects.filter(profile__person=sheet.person).first()
    Complaint.objects.create(sheet=sheet, filed_by=owner, status=ComplaintStatus.OPEN,
                             reason="Tôi đã hoàn thành báo cáo đúng hạn nhưng bị tính chậm.")
    EvaluationSheet.objects.filter(pk=sheet.pk).update(status=SheetStatus.CONTESTED)
