"""Pure scoring of civil servants under Decree 335/2025/NĐ-CP (stdlib only, no Django)."""

from canbo.scoring.aggregate import score_quarter, score_year
from canbo.scoring.cases import run_json
from canbo.scoring.classify import (
    COMPLETE,
    EXCELLENT,
    FAIL,
    GOOD,
    LABELS,
    LEVELS,
    OVERRIDES,
    classify,
    level_for,
    lower_than,
)
from canbo.scoring.criteria import CriteriaGroup, CriteriaSet, Criterion
from canbo.scoring.criteria_data import CRITERIA_SETS
from canbo.scoring.items import compute_task
from canbo.scoring.numfmt import fmt, to_fraction
from canbo.scoring.period import NO_ITEMS, score_general, score_period
from canbo.scoring.quota import check_quota, exceeds_quota, quota_cap
from canbo.scoring.rulebook import (
    DEFAULT_RULEBOOK,
    RULEBOOKS,
    Rulebook,
    get_rulebook,
    rulebook_for,
)
from canbo.scoring.text import _
from canbo.scoring.types import (
    LEADER,
    STAFF,
    Classification,
    GroupQuota,
    Item,
    LeaderInput,
    PeriodResult,
    QuotaEntry,
    QuotaReport,
    ScoringInputError,
    Step,
    TaskResult,
    YearPeriod,
    YearResult,
)

__all__ = [
    "COMPLETE",
    "CRITERIA_SETS",
    "DEFAULT_RULEBOOK",
    "EXCELLENT",
    "FAIL",
    "GOOD",
    "LABELS",
    "LEADER",
    "LEVELS",
    "NO_ITEMS_TEXT",
    "OVERRIDES",
    "RULEBOOKS",
    "STAFF",
    "Classification",
    "CriteriaGroup",
    "CriteriaSet",
    "Criterion",
    "GroupQuota",
    "Item",
    "LeaderInput",
    "PeriodResult",
    "QuotaEntry",
    "QuotaReport",
    "Rulebook",
    "ScoringInputError",
    "Step",
    "TaskResult",
    "YearPeriod",
    "YearResult",
    "check_quota",
    "exceeds_quota",
    "classify",
    "compute_task",
    "fmt",
    "get_rulebook",
    "level_for",
    "lower_than",
    "quota_cap",
    "rulebook_for",
    "run_json",
    "score_general",
    "score_period",
    "score_quarter",
    "score_year",
    "to_fraction",
]


def __getattr__(name: str) -> str:
    # NO_ITEMS_TEXT is a text: it is read in the language active when it is looked up (a
    # constant computed at import would be English, before the translator is installed).
    if name == "NO_ITEMS_TEXT":
        return _(NO_ITEMS)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
