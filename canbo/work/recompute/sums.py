"""The four weight sums of every person and month of a period, summed by the database.

A line's contribution is its coefficient times the engine's contribution of its pattern for a
coefficient of 1 (canbo.scoring.bulk explains why that is exact). So, in one transaction:
1. one scan of the tasks groups them per person, month and pattern, summing coefficients, into
   a temporary table (the only pass over the tasks);
2. the engine weighs the table's few distinct patterns (canbo.scoring.bulk.unit_factors);
3. one query per rulebook in force multiplies each group's coefficients by its pattern's
   factors and sums per person and month.
Failures and delays of an unfinished task are not counted (the engine refuses them): they count
once the task is completed.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Case, F, IntegerField, Q, Sum, Value, When

from canbo.org.models import Organization
from canbo.scoring import rulebook_for
from canbo.scoring.bulk import Pattern, Sums, unit_factors
from canbo.work.choices import TaskStatus
from canbo.work.loader import scored_tasks
from canbo.work.models import Task

Key = tuple[int, date]  # (person id, month)
PATTERN = ("n", "done", "cq", "cd")
PLACES = {
    name: Task._meta.get_field(field).decimal_places
    for name, field in (("k", "coefficient"), ("n", "quantity"))
}
GROUPS = "score_groups"  # the temporary table of step 1
_DONE = Q(status=TaskStatus.COMPLETED)


@dataclass(frozen=True)
class WeightSums:
    """Per (person, month): the assigned, completed, quality and progress weights × scale."""

    scale: int
    sums: dict[Key, Sums]


def weight_sums(months: tuple[date, ...], org: Organization | None = None) -> WeightSums:
    """The sums of every person with scored tasks in the months (of `org`'s people if given)."""
    by_rulebook: dict[str, list[date]] = defaultdict(list)
    rulebooks = {}
    for month in months:
        rulebook = rulebook_for(month)
        rulebooks[rulebook.code] = rulebook
        by_rulebook[rulebook.code].append(month)
    sums: dict[Key, Sums] = {}
    with transaction.atomic(), connection.cursor() as cursor:
        _group(cursor, scored_tasks(months, org))
        cursor.execute(f"SELECT DISTINCT {', '.join(PATTERN)} FROM {GROUPS}")
        patterns = [(_quantity(n), int(d), int(q), int(dl)) for n, d, q, dl in cursor.fetchall()]
        scale, factors = unit_factors(patterns, list(rulebooks.values()))
        for code, group in by_rulebook.items():
            if factors[code]:  # else there is no task at all
                sums.update(_summed(cursor, factors[code], group))
        cursor.execute(f"DROP TABLE {GROUPS}")
    return WeightSums(scale * 10 ** PLACES["k"], sums)


def _group(cursor, tasks) -> None:
    grouped = (
        tasks.annotate(
            person=F("assignee_id"),
            month=F("period"),
            n=F("quantity"),
            done=Case(When(_DONE, then=Value(1)), default=Value(0), output_field=IntegerField()),
            cq=_when_done(F("quality_failures") - F("objective_quality_failures")),
            cd=_when_done(F("delays") - F("objective_delays")),
        )
        .values("person", "month", *PATTERN)
        .annotate(k=Sum("coefficient"))
        .order_by()
    )
    sql, params = grouped.query.sql_with_params()
    cursor.execute(f"DROP TABLE IF EXISTS {GROUPS}")  # left by an outer transaction's failure
    cursor.execute(f"CREATE TEMPORARY TABLE {GROUPS} AS {sql}", params)


def _when_done(expression) -> Case:
    return Case(When(_DONE, then=expression), default=Value(0), output_field=IntegerField())


def _quantity(value) -> Decimal:
    # SQLite keeps decimals as floats: back to the field's exact value.
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-PLACES["n"]))


def _summed(cursor, factors: dict[Pattern, Sums], months: list[date]) -> dict[Key, Sums]:
    # Factors are integers and quantities exact Decimals: written as literals, so that no
    # parameter limit applies however many patterns there are.
    values = ", ".join(
        f"({format(n, 'f')}, {d}, {q}, {dl}, {', '.join(map(str, f))})"
        for (n, d, q, dl), f in factors.items()
    )
    total = ", ".join(
        f"CAST(ROUND(SUM(g.k * f.{c}) * {10 ** PLACES['k']}) AS BIGINT)"
        for c in ("fa", "fc", "fq", "fp")
    )
    cursor.execute(
        f"WITH f (n, done, cq, cd, fa, fc, fq, fp) AS (VALUES {values}) "
        f"SELECT g.person, g.month, {total} FROM {GROUPS} g JOIN f ON g.n = f.n "
        f"AND g.done = f.done AND g.cq = f.cq AND g.cd = f.cd "
        f"WHERE g.month IN ({', '.join(['%s'] * len(months))}) GROUP BY g.person, g.month",
        months,
    )
    by_text = {m.isoformat(): m for m in months}  # SQLite returns dates as text
    return {
        (person, by_text.get(month, month)): (int(a), int(c), int(q), int(p))
        for person, month, a, c, q, p in cursor.fetchall()
    }
