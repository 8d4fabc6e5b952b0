"""One demo month of evaluations, filled in memory and saved with one bulk insert.

Staff first, then leaders from the deputies up: a leader's d reads the approved results of the
people in their charge filled before them. `MonthFacts` holds the month's tasks and those
results in memory, so a leader sheet costs no query; the leader rules themselves (`leader_kind`,
`scope_of`) run once per leader for the whole seed (`Leaders`), and the scores still come only
from canbo.scoring through the same bridge the workflow uses.
"""

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import chain

from django.utils import timezone

from canbo.evaluation.choices import PeriodStatus, SheetStatus
from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet
from canbo.evaluation.services.leaders import (
    APPROVED,
    CHAIRMAN,
    DEPUTY,
    FAIL,
    HEAD,
    VICE_CHAIRMAN,
    LeaderScope,
    leader_kind,
    scope_of,
)
from canbo.evaluation.services.periods import create_sheets, new_sheets
from canbo.evaluation.services.result import ScopeFacts, as_json, compute, stored_total
from canbo.org.models import Organization
from canbo.people.leave import not_worked_months
from canbo.people.models import Person
from canbo.scoring import STAFF, CriteriaSet, rulebook_for, score_period, to_fraction
from canbo.work.loader import scored_tasks, task_item

# General criteria around 18.5 of 30, 2 more in every second commune (generous reviews):
# about a fifth of the monthly results are "excellent", and half the communes exceed the
# quota at the end of the year.
GENERAL_MEAN, GENEROUS_BONUS, PERSON_SPREAD, MONTH_SPREAD = 18.5, 2.0, 1.3, 0.8
KEEP_DRAFT = {"congchuc.tanphong"}  # left for the acceptance walk-through
RANK = {None: 0, DEPUTY: 1, HEAD: 2, VICE_CHAIRMAN: 3, CHAIRMAN: 4}


@dataclass(frozen=True)
class Leaders:
    """Everyone who may get a sheet (by code, the order sheets are filled in), and each
    leader's kind and scope, read once for all the months."""

    people: dict[int, Person]
    kinds: dict[int, str | None]
    scopes: dict[int, LeaderScope | None]

    @classmethod
    def load(cls) -> "Leaders":
        people = {
            p.pk: p
            for p in Person.objects.select_related("profile__user", "title", "organization")
            .exclude(organization=None)
            .order_by("code")
        }
        leaders = [p for p in people.values() if p.title is not None and p.title.is_leader]
        kinds = {p.pk: leader_kind(p) for p in leaders}
        return cls(people, kinds, {p.pk: scope_of(p) for p in leaders})

    def level(self, sheet: EvaluationSheet) -> str | None:
        return self.kinds.get(sheet.person_id) if sheet.is_leader else None


class MonthFacts:
    """The month's scored tasks by assignee and by assigner, and the approved "fail" results
    stored so far: what `scope_items` and `failed_in_charge` would read."""

    def __init__(self, month: date):
        self.own: dict[int, list] = defaultdict(list)
        self.assigned: dict[int, list] = defaultdict(list)
        for task in scored_tasks((month,)).order_by("id"):
            row = (task.pk, task_item(task))
            self.own[task.assignee_id].append(row)
            if task.assigner_id is not None:
                self.assigned[task.assigner_id].append(row)
        self.failed = dict(
            EvaluationSheet.objects.filter(
                period__kind="month",
                period__start=month,
                status__in=APPROVED,
                classification=FAIL,
            ).values_list("person_id", "person__full_name")
        )

    def items_of(self, person_id: int) -> list:
        return [item for _pk, item in self.own.get(person_id, [])]

    def of_leader(self, person_id: int, scope: LeaderScope | None) -> ScopeFacts:
        if scope is None:
            return ScopeFacts(None, self.items_of(person_id), [])
        rows = dict(
            chain(
                self.own.get(person_id, []),
                self.assigned.get(person_id, []),
                *(self.own.get(pk, []) for pk in scope.in_charge),
            )
        )
        failed = sorted(self.failed[pk] for pk in scope.in_charge if pk in self.failed)
        return ScopeFacts(scope, [rows[pk] for pk in sorted(rows)], failed)

    def store(self, sheets: list[EvaluationSheet]) -> None:
        for sheet in sheets:
            if sheet.status in APPROVED and sheet.classification == FAIL:
                self.failed[sheet.person_id] = sheet.person.full_name


def general_points(rng: random.Random, merit: float) -> list[float]:
    """The three group totals (0.5 steps, each ≤ 10) around the person's level."""
    total = max(12.0, min(29.0, merit + rng.gauss(0, MONTH_SPREAD)))
    points = [round(total / 3 * 2) / 2] * 3
    points[rng.randrange(3)] += round((total - sum(points)) * 2) / 2
    return [max(0.0, min(10.0, p)) for p in points]


def seed_month(
    root: Organization,
    month: date,
    rng: random.Random,
    merit: dict[int, float],
    leaders: Leaders,
    locked: bool,
) -> EvaluationPeriod:
    """Fill the month's sheets level by level, then save them (and the months not worked)."""
    period = _period(root, month, locked)
    sheets = new_sheets(period)
    order = {pk: n for n, pk in enumerate(leaders.people)}
    ordered = sorted(sheets, key=lambda s: order[s.person_id])
    for sheet in ordered:
        sheet.person = leaders.people[sheet.person_id]
    off = not_worked_months([s.person_id for s in sheets], month.year)
    facts = MonthFacts(month)
    moment = timezone.make_aware(datetime.combine(period.approval_due, time(9)))
    for level in sorted({leaders.level(s) for s in ordered}, key=RANK.get):
        batch = [s for s in ordered if leaders.level(s) == level]
        for sheet in batch:
            state = SheetStatus.PUBLISHED if locked else _open_state(sheet, rng)
            if month in off.get(sheet.person_id, {}):
                state = SheetStatus.DRAFT  # on leave: nothing to evaluate
            general = general_points(rng, merit.get(sheet.person_id, GENERAL_MEAN))
            if sheet.is_leader:
                inputs = facts.of_leader(sheet.person_id, leaders.scopes.get(sheet.person_id))
            else:
                inputs = ScopeFacts(None, facts.items_of(sheet.person_id), [])
            _fill(sheet, state, inputs, general, rng, moment)
        facts.store(batch)
    # Saved with `worked` still set: create_sheets marks the months on leave (and audits it).
    create_sheets(period, sheets)
    return period


def _period(root: Organization, month: date, locked: bool) -> EvaluationPeriod:
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return EvaluationPeriod.objects.create(
        organization=root,
        start=month,
        self_assessment_due=end.replace(day=3),
        review_due=end.replace(day=6),
        approval_due=end.replace(day=9),
        status=PeriodStatus.LOCKED if locked else PeriodStatus.OPEN,
    )


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


def _fill(sheet, state: str, inputs: ScopeFacts, general: list, rng: random.Random, moment):
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
    if sheet.is_leader:
        sheet.result = compute(sheet, reviewed, inputs)
    else:
        sheet.result = _score(inputs.items, reviewed, sheet)
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
