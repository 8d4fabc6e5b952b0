"""Bridge from a sheet to the pure scoring engine: load inputs, call it, keep the JSON.

The formulas live only in canbo.scoring; this module only gathers the inputs.
"""

from fractions import Fraction

from canbo.evaluation.choices import Level, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import EvaluationSheet
from canbo.scoring import (
    LEADER,
    STAFF,
    CriteriaSet,
    LeaderInput,
    ScoringInputError,
    rulebook_for,
    score_general,
    score_period,
)
from canbo.work.loader import task_items

FAIL = "fail"


def rulebook_of(sheet: EvaluationSheet):
    return rulebook_for(sheet.period.start)


def criteria_of(sheet: EvaluationSheet) -> CriteriaSet:
    """The general criteria set this sheet is scored with (kept when the default changes)."""
    try:
        return rulebook_of(sheet).criteria_set(sheet.criteria_set)
    except ScoringInputError as exc:
        raise EvaluationError(exc.message) from None


def check_general(sheet: EvaluationSheet, points: list) -> list:
    """Validate points against the sheet's criteria set; return them as numbers."""
    criteria = criteria_of(sheet)
    if len(points) != len(criteria.items):
        raise EvaluationError(f"Cần chấm đủ {len(criteria.items)} tiêu chí chung.")
    try:
        score_general(points, criteria)
    except ScoringInputError as exc:
        index = int(exc.field.split("[")[-1].rstrip("]")) if "[" in exc.field else 0
        item = criteria.items[index]
        raise EvaluationError(f"Tiêu chí {item.code} “{item.label}”: {exc.message}") from None
    return [float(p) for p in points]


def unit_all_complete(sheet: EvaluationSheet) -> bool:
    """d: every civil servant the leader manages is at least 'complete' this period."""
    org = sheet.person.organization
    if org is None:
        return True
    others = EvaluationSheet.objects.filter(
        period=sheet.period, person__organization__path__startswith=org.path,
    ).exclude(pk=sheet.pk)
    return not others.filter(classification=FAIL).exists()


def compute(sheet: EvaluationSheet, general: list | None = None) -> dict:
    """Score the sheet now; JSON-ready. Without general criteria only the task part counts."""
    general = general if general is not None else sheet.general
    rulebook, criteria = rulebook_of(sheet), criteria_of(sheet)
    points = general if general is not None else [0] * len(criteria.items)
    leader = None
    if sheet.is_leader:
        leader = LeaderInput(unit_all_complete(sheet),
                             sheet.leader_organising or Level.FULL,
                             sheet.leader_third or Level.FULL)
    result = score_period(task_items(sheet.person_id, sheet.period.start), points,
                          criteria=criteria, role=LEADER if sheet.is_leader else STAFF,
                          leader=leader, rulebook=rulebook)
    data = as_json(result)
    if general is None:
        data.update(general_score=None, total=None, classification=None, label=None)
    return data


def as_json(result) -> dict:
    def number(value: Fraction | None):
        return None if value is None else float(value)

    return {
        "rulebook": None,
        "a": number(result.a), "b": number(result.b), "c": number(result.c),
        "d": number(result.d), "dd": number(result.dd), "e": number(result.e),
        "task_score": number(result.task_score), "general_score": number(result.general_score),
        "total": number(result.total),
        "total_exact": None if result.total is None else str(result.total),
        "classification": result.classification, "label": result.label,
        "no_items": result.no_items,
        "explanation": [step.as_dict() for step in result.explanation],
    }


FROZEN = (SheetStatus.PUBLISHED, SheetStatus.CONTESTED)


def displayed_result(sheet: EvaluationSheet) -> dict:
    """What the sheet page and every export show: the result frozen at approval, or the
    current computation while the sheet is still open."""
    if sheet.status in FROZEN and sheet.result:
        return sheet.result
    return compute(sheet)
