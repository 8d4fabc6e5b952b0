"""JSON case runner behind `canbo score`: strict parsing, then the pure scoring functions."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any, TypeVar

from canbo.scoring.aggregate import score_year
from canbo.scoring.criteria import CriteriaSet
from canbo.scoring.numfmt import json_number, to_fraction
from canbo.scoring.period import GeneralPoints, pick_criteria, score_period
from canbo.scoring.rulebook import DEFAULT_RULEBOOK, Rulebook, get_rulebook
from canbo.scoring.text import _, gettext_noop
from canbo.scoring.types import (
    LEADER,
    Item,
    LeaderInput,
    PeriodResult,
    ScoringInputError,
    Step,
    YearPeriod,
    YearResult,
)

CASE_FIELDS = ("role", "rulebook", "criteria_set", "general", "items", "leader", "overrides")
COUNT_FIELDS = (
    "quality_failures",
    "objective_quality_failures",
    "delays",
    "objective_delays",
    "count",
)
ITEM_FIELDS = ("quantity", "coefficient", "completed", *COUNT_FIELDS, "name")
LEADER_FIELDS = ("unit_all_complete", "organising", "third")
YEAR_FIELDS = ("periods", "overrides")
PERIOD_FIELDS = ("total", "worked", "name")

T = TypeVar("T")


def _at(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _object(
    value: object, path: str, allowed: tuple[str, ...], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ScoringInputError(path or _("(root)"), _("Must be a JSON object ({...})."))
    for key in value:
        if key not in allowed:
            raise ScoringInputError(_at(path, str(key)), _("Unsupported field."))
    for key in required:
        if key not in value:
            raise ScoringInputError(_at(path, key), _("Required field missing."))
    return value


def _list(value: object, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise ScoringInputError(path, _("Must be a list ([...])."))
    return value


def _number(value: object, path: str) -> Fraction:
    # bool is an int subclass in Python; true must not silently mean 1.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ScoringInputError(path, _("Must be a real number."))
    if isinstance(value, float) and not math.isfinite(value):
        raise ScoringInputError(path, _("Must be a finite real number."))
    return to_fraction(value)


def _integer(value: object, path: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ScoringInputError(path, _("Must be a whole number."))
    if value < 0:
        raise ScoringInputError(path, _("Must not be negative."))
    return value


def _typed(value: object, path: str, kind: type[T], text: str) -> T:
    if not isinstance(value, kind):
        raise ScoringInputError(path, _(text))
    return value


def _bool(value: object, path: str) -> bool:
    return _typed(value, path, bool, gettext_noop("Must be true or false."))


def _str(value: object, path: str) -> str:
    return _typed(value, path, str, gettext_noop("Must be a text string."))


def _each(value: object, path: str, parse: Callable[[object, str], T]) -> list[T]:
    return [parse(v, _at(path, i)) for i, v in enumerate(_list(value, path))]


def _item(value: object, path: str) -> Item:
    data = _object(value, path, ITEM_FIELDS, ("quantity", "coefficient", "completed"))
    counts = {k: _integer(data[k], _at(path, k)) for k in COUNT_FIELDS if k in data}
    return Item(
        quantity=_number(data["quantity"], _at(path, "quantity")),
        coefficient=_number(data["coefficient"], _at(path, "coefficient")),
        completed=_bool(data["completed"], _at(path, "completed")),
        name=_str(data.get("name", ""), _at(path, "name")),
        **counts,
    )


def _leader(value: object, path: str) -> LeaderInput:
    data = _object(value, path, LEADER_FIELDS, ("unit_all_complete",))
    return LeaderInput(
        unit_all_complete=_bool(data["unit_all_complete"], _at(path, "unit_all_complete")),
        organising=_str(data.get("organising", "full"), _at(path, "organising")),
        third=_str(data.get("third", "full"), _at(path, "third")),
    )


def _rulebook(data: dict[str, Any], path: str) -> Rulebook:
    code = _str(data.get("rulebook", DEFAULT_RULEBOOK), _at(path, "rulebook"))
    try:
        return get_rulebook(code)
    except ScoringInputError as error:
        raise ScoringInputError(_at(path, "rulebook"), error.message) from None


GENERAL_SHAPE = gettext_noop(
    "Must be a list of points (3 points a, b, c or 7 points by Form No. 01) or an object by"
    ' criterion code, e.g. {"I.1": 5, "I.2": 4.5, ...}.'
)


def _general(value: object, path: str) -> GeneralPoints:
    """Points as a list (by the set's order) or an object keyed by item code."""
    if isinstance(value, dict):
        return {str(k): _number(v, _at(path, str(k))) for k, v in value.items()}
    if isinstance(value, list):
        return [_number(v, _at(path, i)) for i, v in enumerate(value)]
    raise ScoringInputError(path, _(GENERAL_SHAPE))


def _criteria(
    data: dict[str, Any], general: GeneralPoints, rulebook: Rulebook, path: str
) -> CriteriaSet:
    code = data.get("criteria_set")
    if code is not None:
        code = _str(code, _at(path, "criteria_set"))
    try:
        return pick_criteria(general, rulebook, code)
    except ScoringInputError as error:
        field = "criteria_set" if error.field == "criteria_set" else "general"
        raise ScoringInputError(_at(path, field), error.message) from None


def _steps(steps: tuple[Step, ...]) -> list[dict[str, str]]:
    return [step.as_dict() for step in steps]


def _case_output(result: PeriodResult, criteria: CriteriaSet) -> dict[str, Any]:
    output: dict[str, Any] = {
        "criteria_set": criteria.code,
        "a": json_number(result.a),
        "b": json_number(result.b),
        "c": json_number(result.c),
        "task_score": json_number(result.task_score),
        "general_score": json_number(result.general_score),
        "total": json_number(result.total),
        "classification": result.classification,
        "label": result.label,
    }
    if result.role == LEADER:
        output.update(d=json_number(result.d), dd=json_number(result.dd), e=json_number(result.e))
    output["explanation"] = _steps(result.explanation)
    return output


def run_case(value: object, path: str = "") -> dict[str, Any]:
    data = _object(value, path, CASE_FIELDS, ("general", "items"))
    rulebook = _rulebook(data, path)
    role = _str(data.get("role", "staff"), _at(path, "role"))
    leader = _leader(data["leader"], _at(path, "leader")) if "leader" in data else None
    items = _each(data["items"], _at(path, "items"), _item)
    general = _general(data["general"], _at(path, "general"))
    criteria = _criteria(data, general, rulebook, path)
    overrides = _each(data.get("overrides", []), _at(path, "overrides"), _str)
    try:
        result = score_period(
            items,
            general,
            criteria=criteria,
            role=role,
            leader=leader,
            overrides=overrides,
            rulebook=rulebook,
        )
    except ScoringInputError as error:
        # The core names fields relative to the case; make them absolute.
        raise error.prefixed(path) from None
    return _case_output(result, criteria)


def _period(value: object, path: str) -> YearPeriod:
    data = _object(value, path, PERIOD_FIELDS, ("total",))
    total = data["total"]
    return YearPeriod(
        total=None if total is None else _number(total, _at(path, "total")),
        worked=_bool(data.get("worked", True), _at(path, "worked")),
        name=_str(data.get("name", ""), _at(path, "name")),
    )


def _year_output(result: YearResult) -> dict[str, Any]:
    return {
        "total": json_number(result.total),
        "classification": result.classification,
        "label": result.label,
        "explanation": _steps(result.explanation),
    }


def run_year(data: dict[str, Any]) -> dict[str, Any]:
    _object(data, "", ("year", "rulebook"), ("year",))
    rulebook = _rulebook(data, "")
    year = _object(data["year"], "year", YEAR_FIELDS, ("periods",))
    periods = _each(year["periods"], "year.periods", _period)
    overrides = _each(year.get("overrides", []), "year.overrides", _str)
    try:
        result = score_year(periods, rulebook, overrides)
    except ScoringInputError as error:
        raise error.prefixed("year") from None
    return _year_output(result)


def run_json(data: object) -> dict[str, Any]:
    """Score a single case, {"cases": [...]} or {"year": {...}}; raise ScoringInputError."""
    if not isinstance(data, dict):
        raise ScoringInputError(_("(root)"), _("The data must be a JSON object ({...})."))
    if "cases" in data:
        _object(data, "", ("cases",))
        cases = _list(data["cases"], "cases")
        return {"results": [run_case(case, _at("cases", i)) for i, case in enumerate(cases)]}
    if "year" in data:
        return run_year(data)
    return run_case(data)
