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
from canbo.scoring.criteria import CRITERIA_SETS, CriteriaGroup, CriteriaSet, Criterion
from canbo.scoring.items import compute_task
from canbo.scoring.numfmt import fmt, to_fraction
from canbo.scoring.period import NO_ITEMS_TEXT, score_general, score_period
from canbo.scoring.quota import check_quota, exceeds_quota, quota_cap
from canbo.scoring.rulebook import (
    DEFAULT_RULEBOOK,
    RULEBOOKS,
    Rulebook,
    get_rulebook,
    rulebook_for,
)
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
