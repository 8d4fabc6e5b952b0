"""The annual classification report (Art. 20–21): per agency, the level counts of the whole
agency and of each task group against the quota, and each person's result.

Pure data: callers pass the organisations and the rows they may see (`visible_to(user)` in
the views, everything in an operator's command). The shape is the contract of
`canbo annual-report --format json`; the .xlsx and .docx are drawn from the same dict.
"""

from collections import Counter, defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from canbo.core.access import within
from canbo.evaluation.choices import AnnualStatus, PeriodKind, SheetStatus
from canbo.evaluation.groups import group_label, whole_agency
from canbo.evaluation.models import AnnualResult, EvaluationSheet, QuotaException
from canbo.org.models import Organization
from canbo.scoring import LEVELS, quota_cap, rulebook_for
from canbo.scoring.numfmt import rounded

EXCELLENT, GOOD, COMPLETE, FAIL = LEVELS
COUNTED = (SheetStatus.PUBLISHED, SheetStatus.CONTESTED)
ROW_FIELDS = (
    "organization_id",
    "task_group",
    "average",
    "average_exact",
    "periods_used",
    "periods_absent",
    "overrides",
    "classification",
    "final_level",
    "final_decision",
    "status",
    "person__code",
    "person__full_name",
)


def annual_report(year: int, organizations, results=None) -> dict:
    """The report of the agencies in `organizations` that have rows among `results`."""
    orgs = {org.pk: org for org in organizations}
    results = AnnualResult.objects.all() if results is None else results
    rows = (
        results.filter(year=year, organization_id__in=list(orgs))
        .select_related("person")
        .only(*ROW_FIELDS)
        .order_by()
    )
    by_org: dict[int, list[AnnualResult]] = defaultdict(list)
    for row in rows:
        by_org[row.organization_id].append(row)
    if not by_org:
        return {"year": year, "organizations": []}
    exceptions = set(
        QuotaException.objects.filter(year=year, organization_id__in=list(by_org)).values_list(
            "organization_id", flat=True
        )
    )
    rulebook = rulebook_for(date(year, 1, 1))
    return {
        "year": year,
        "organizations": [
            _organization(orgs[pk], by_org[pk], pk in exceptions, rulebook)
            for pk in sorted(by_org, key=lambda pk: orgs[pk].path)
        ],
    }


def _organization(org, rows: list[AnnualResult], exception: bool, rulebook) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    people = []
    for row in rows:
        group = group_label(row.task_group)
        if row.level:
            counts[whole_agency()][row.level] += 1
            counts[group][row.level] += 1
        people.append(_person(row, group))
    people.sort(key=lambda p: (p["group"], -Decimal(p["average"] or -1), p["name"]))
    ratio = rulebook.quota_exception_ratio if exception else rulebook.quota_ratio
    names = [whole_agency()] + sorted(name for name in counts if name != whole_agency())
    return {
        "code": org.code,
        "name": org.name,
        "finalised": all(row.status == AnnualStatus.FINAL for row in rows),
        "groups": [
            _group(name, counts[name], ratio, rulebook.quota_rounding, exception) for name in names
        ],
        "people": people,
    }


def _group(name: str, counts: Counter, ratio: Fraction, rounding: str, exception: bool) -> dict:
    cap = quota_cap(counts[GOOD], ratio, rounding)
    return {
        "name": name,
        **{level: counts[level] for level in LEVELS},
        "cap": cap,
        "exception": exception,
        "over": counts[EXCELLENT] > cap,
    }


def _person(row: AnnualResult, group: str) -> dict:
    return {
        "code": row.person.code,
        "name": row.person.full_name,
        "group": group,
        "months_counted": row.periods_used,
        "months_absent": row.periods_absent,
        "average": average_text(row),
        "score_level": row.classification or None,
        "final_level": row.level or None,
        "overrides": list(row.overrides or []),
        "decision": row.final_decision or None,
    }


def average_text(row: AnnualResult) -> str | None:
    """The average with 2 decimals, rounded half up from the exact fraction when stored."""
    if row.average_exact:
        return str(rounded(Fraction(row.average_exact), 2))
    if row.average is None:
        return None
    return str(Decimal(row.average).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def missing_months(year: int, report: dict, sheets=None) -> dict[str, list[int]]:
    """Per person code of the report: the months worked but not approved (not counted)."""
    codes = [p["code"] for org in report["organizations"] for p in org["people"]]
    sheets = EvaluationSheet.objects.all() if sheets is None else sheets
    pending = (
        sheets.filter(
            period__kind=PeriodKind.MONTH,
            period__start__year=year,
            worked=True,
            person__code__in=codes,
        )
        .exclude(status__in=COUNTED)
        .values_list("person__code", "period__start")
        .order_by()
    )
    missing: dict[str, list[int]] = defaultdict(list)
    for code, start in pending:
        missing[code].append(start.month)
    return {code: sorted(months) for code, months in missing.items()}


def people_at(report: dict, level: str) -> list[tuple[dict, dict]]:
    """(organisation, person) pairs finally classified at `level`, in report order."""
    return [
        (org, person)
        for org in report["organizations"]
        for person in org["people"]
        if person["final_level"] == level
    ]


def agencies_under(year: int, root, results=None):
    """The agencies holding rows of the year within `root` (a commune, or the province)."""
    results = AnnualResult.objects.all() if results is None else results
    ids = within(results.filter(year=year), root.path).values("organization_id")
    return Organization.objects.filter(pk__in=ids).order_by("path")
