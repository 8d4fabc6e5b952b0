"""Bridge from a sheet to the pure scoring engine: load inputs, call it, keep the JSON.

The formulas live only in canbo.scoring; this module only gathers the inputs.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

from canbo.evaluation.choices import Level, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.leaders import (
    CHAIRMAN,
    LeaderScope,
    failed_in_charge,
    scope_items,
    scope_of,
)
from canbo.evaluation.signals import agency_result_requested
from canbo.scoring import (
    LEADER,
    STAFF,
    CriteriaSet,
    LeaderInput,
    ScoringInputError,
    Step,
    rulebook_for,
    score_general,
    score_period,
)
from canbo.scoring.numfmt import json_number, rounded
from canbo.work.loader import task_items


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
        raise EvaluationError(
            _("Score all %(count)s general criteria.") % {"count": len(criteria.items)}
        )
    try:
        score_general(points, criteria)
    except ScoringInputError as exc:
        index = int(exc.field.split("[")[-1].rstrip("]")) if "[" in exc.field else 0
        item = criteria.items[index]
        raise EvaluationError(
            _("Criterion %(code)s “%(label)s”: %(error)s")
            % {"code": item.code, "label": item.label, "error": exc.message}
        ) from None
    return [float(p) for p in points]


@dataclass(frozen=True)
class ScopeFacts:
    """What a leader's result is computed from: the scope, its items, the names of the people
    in charge whose approved result of the month is "fail" (d)."""

    scope: LeaderScope | None
    items: list
    failed: list[str]


def scope_facts(sheet: EvaluationSheet) -> ScopeFacts:
    month = sheet.period.start
    scope = scope_of(sheet.person)
    if scope is None:  # a leader sheet of a person who no longer holds a leader title
        return ScopeFacts(None, task_items(sheet.person_id, month), [])
    return ScopeFacts(
        scope, scope_items(sheet.person, scope, month), failed_in_charge(scope, month)
    )


def _leader_inputs(
    sheet: EvaluationSheet, facts: ScopeFacts
) -> tuple[list, LeaderInput, list[Step]]:
    """A leader's items are those of their scope; d follows the approved results in it."""
    scope, items, failed = facts.scope, facts.items, facts.failed
    count = 0 if scope is None else len(scope.in_charge)
    organising, agency_step = _organising(sheet, scope)
    leader = LeaderInput(not failed, organising, sheet.leader_third or Level.FULL)
    text = _(
        "Leadership scope: %(tasks)s tasks (own, assigned by them, and of %(count)s "
        "people in their charge)."
    ) % {"tasks": len(items), "count": count}
    article = _("Article 15, Decree 335/2025/NĐ-CP")
    steps = [Step("leader_scope", article, text)]
    if failed:
        steps.append(
            Step(
                "leader_unit_detail",
                article,
                _("Approved results at the level Failed to complete tasks: %(names)s.")
                % {"names": ", ".join(failed)},
            )
        )
    if agency_step is not None:
        steps.append(agency_step)
    return items, leader, steps


def _organising(sheet: EvaluationSheet, scope) -> tuple[str, Step | None]:
    """đ as reviewed; with the rulebook switch on, a commune chairman whose commune was
    classified "fail" as an agency gets the partial level (DOMAIN §6, unconfirmed)."""
    chosen = sheet.leader_organising or Level.FULL
    rulebook = rulebook_of(sheet)
    if not rulebook.agency_informs_leader or scope is None or scope.kind != CHAIRMAN:
        return chosen, None
    answers = agency_result_requested.send(
        sender=EvaluationSheet, organization=sheet.person.organization, year=sheet.period.start.year
    )
    result = next((answer for _receiver, answer in answers if answer), None)
    if result is None or result.get("level") != "fail":
        return chosen, None
    text = _(
        "The agency (commune) was rated Failed to complete tasks in %(year)s (total "
        "%(total)s): đ counts at the partial level."
    ) % {"year": result["year"], "total": result["total"]}
    return Level.PARTIAL, Step("leader_agency", rulebook.basis_for("agency_informs_leader"), text)


def compute(
    sheet: EvaluationSheet, general: list | None = None, facts: ScopeFacts | None = None
) -> dict:
    """Score the sheet now; JSON-ready. Without general criteria only the task part counts.
    `facts`: a leader's scope facts gathered by the caller (the demo seed, from memory)."""
    general = general if general is not None else sheet.general
    rulebook, criteria = rulebook_of(sheet), criteria_of(sheet)
    points = general if general is not None else [0] * len(criteria.items)
    leader, scope_steps = None, []
    if sheet.is_leader:
        items, leader, scope_steps = _leader_inputs(sheet, facts or scope_facts(sheet))
    else:
        items = task_items(sheet.person_id, sheet.period.start)
    result = score_period(
        items,
        points,
        criteria=criteria,
        role=LEADER if sheet.is_leader else STAFF,
        leader=leader,
        rulebook=rulebook,
    )
    data = as_json(result)
    data["explanation"] = [s.as_dict() for s in scope_steps] + data["explanation"]
    if general is None:
        data.update(general_score=None, total=None, classification=None, label=None)
    return data


STORED_PLACES = 4  # EvaluationSheet.total and AnnualResult.average keep 4 decimals


def stored_total(result: dict) -> Decimal | None:
    """The total as a sheet stores it: the exact fraction rounded half up once, to 4 decimals
    (not from the JSON float: round(93.90625, 4) gives 93.9062, the rule 93.9063)."""
    if result.get("total") is None:
        return None
    return rounded(Fraction(result["total_exact"]), STORED_PLACES)


def as_json(result) -> dict:
    """The result kept on the sheet and sent by the API and webhooks. Scores stay JSON numbers
    (the contract), each the double nearest its exact fraction; the exact total as text."""
    return {
        "rulebook": None,
        "a": json_number(result.a),
        "b": json_number(result.b),
        "c": json_number(result.c),
        "d": json_number(result.d),
        "dd": json_number(result.dd),
        "e": json_number(result.e),
        "task_score": json_number(result.task_score),
        "general_score": json_number(result.general_score),
        "total": json_number(result.total),
        "total_exact": None if result.total is None else str(result.total),
        "classification": result.classification,
        "label": result.label,
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
