"""The computed criteria of the agency evaluation, each with its explanation line.

Inputs are loaded for many communes at once (one scan of the tasks for the whole province);
formulas are canbo.scoring's: the a, b, c of the commune's tasks come from the same weight
sums as every civil servant's (canbo.work.recompute.sums), the indicator points from
canbo.scoring.agency.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from types import SimpleNamespace

from django.db.models import Count
from django.utils.translation import gettext as _

from canbo.agency.models import Actual, ActualStatus, Direction, Indicator, Source, Target
from canbo.agency.signals import procedure_measures
from canbo.cadre.analysis import unit_from_path
from canbo.cadre.gaps import compute_gaps
from canbo.cadre.models import Enrolment, EnrolmentStatus, TrainingPlan
from canbo.evaluation.models import AnnualResult
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.models import Person
from canbo.scoring import FAIL, fmt, rulebook_for
from canbo.scoring.agency import completion_ratio, mean_points, ratio_points
from canbo.scoring.numfmt import fmt_percent, to_fraction
from canbo.work.recompute.sums import weight_sums

ZERO = Fraction(0)


@dataclass
class Computed:
    points: Fraction | None
    text: str
    source: str = "computed"


@dataclass
class CadreFacts:
    people: int = 0
    meeting: int = 0
    plan_target: int = 0
    plan_done: int = 0
    results: int = 0
    failed: int = 0


@dataclass
class Inputs:
    """What the computed criteria of a set of communes need, loaded once."""

    year: int
    work: dict[int, list[int]] = field(default_factory=dict)  # assigned, done, quality, progress
    cadre: dict[int, CadreFacts] = field(default_factory=dict)
    indicators: dict[int, list[Indicator]] = field(default_factory=dict)  # by set id
    targets: dict[tuple[int, int], Fraction] = field(default_factory=dict)  # (indicator, org)
    actuals: dict[tuple[int, int], Actual] = field(default_factory=dict)


def months_of(year: int) -> tuple[date, ...]:
    return tuple(date(year, m, 1) for m in range(1, 13))


def load_inputs(year: int, communes: list[Organization], set_ids: set[int]) -> Inputs:
    ids = {c.pk for c in communes}
    single = communes[0] if len(communes) == 1 else None
    inputs = Inputs(year)
    inputs.work = _work(year, ids, single)
    inputs.cadre = _cadre(year, ids, single)
    indicators = Indicator.objects.filter(indicator_set_id__in=set_ids).order_by("order")
    for indicator in indicators:
        inputs.indicators.setdefault(indicator.indicator_set_id, []).append(indicator)
    in_sets = {"indicator__indicator_set_id__in": set_ids, "organization_id__in": ids}
    for target in Target.objects.filter(**in_sets):
        inputs.targets[(target.indicator_id, target.organization_id)] = to_fraction(target.value)
    for actual in Actual.objects.filter(**in_sets):
        inputs.actuals[(actual.indicator_id, actual.organization_id)] = actual
    return inputs


def _work(year: int, ids: set[int], single: Organization | None) -> dict[int, list[int]]:
    sums = weight_sums(months_of(year), single).sums
    paths = dict(
        Person.objects.filter(pk__in={p for p, _m in sums}).values_list("pk", "organization__path")
    )
    totals: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for (person, _month), values in sums.items():
        unit = unit_from_path(paths.get(person))
        if unit in ids:
            row = totals[unit]
            for i, value in enumerate(values):
                row[i] += value
    return dict(totals)


# What compute_gaps reads of a person, after the organisation path.
PERSON_FIELDS = (
    "organization__path",
    "job_position_id",
    "title_id",
    "education",
    "major",
    "political_theory",
    "state_management",
    "it_certificate",
    "foreign_language",
)


def _record(key: tuple, positions: dict, titles: dict) -> SimpleNamespace:
    position, title, *values = key
    return SimpleNamespace(
        job_position=positions.get(position),
        title=titles.get(title),
        **dict(zip(PERSON_FIELDS[3:], values, strict=True)),
    )


def _people(single: Organization | None):
    people = Person.objects.filter(organization__isnull=False)
    if single is not None:
        people = people.filter(organization__path__startswith=single.path)
    return people


def _cadre(year: int, ids: set[int], single: Organization | None) -> dict[int, CadreFacts]:
    facts: dict[int, CadreFacts] = defaultdict(CadreFacts)
    positions, titles = JobPosition.objects.in_bulk(), Title.objects.in_bulk()
    meets: dict[tuple, bool] = {}
    for path, *key in _people(single).values_list(*PERSON_FIELDS).iterator(chunk_size=5000):
        unit = unit_from_path(path)
        if unit not in ids:
            continue
        key = tuple(key)
        if key not in meets:  # people with the same record meet the same standards
            meets[key] = not compute_gaps(_record(key, positions, titles))
        facts[unit].people += 1
        facts[unit].meeting += meets[key]
    done: dict[tuple[str, str], int] = {}
    enrolments = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED, completed_on__year=year)
    for path, fld, n in (
        enrolments.values_list("person__organization__path", "training_class__programme__field")
        .annotate(n=Count("id"))
        .order_by()
    ):
        done[(path, fld)] = done.get((path, fld), 0) + n
    for plan in TrainingPlan.objects.filter(year=year).select_related("organization"):
        unit = unit_from_path(plan.organization.path)
        if unit not in ids:
            continue
        got = sum(
            n
            for (path, fld), n in done.items()
            if fld == plan.field and (path or "").startswith(plan.organization.path)
        )
        facts[unit].plan_target += plan.target
        facts[unit].plan_done += min(got, plan.target)
    results = AnnualResult.objects.filter(year=year).values_list(
        "person__organization__path", "final_level", "classification"
    )
    for path, final, level in results.iterator(chunk_size=5000):
        unit = unit_from_path(path)
        if unit in ids:
            facts[unit].results += 1
            facts[unit].failed += (final or level) == FAIL
    return dict(facts)


def compute_criterion(
    criterion, commune: Organization, inputs: Inputs, indicator_set_id: int | None
) -> Computed | None:
    """Points and explanation of a computed criterion; None for one entered by hand."""
    most = to_fraction(criterion.max_points)
    if criterion.source == Source.WORK:
        return work_points(most, inputs.work.get(commune.pk), inputs.year)
    if criterion.source == Source.CADRE:
        return cadre_points(most, inputs.cadre.get(commune.pk, CadreFacts()))
    if criterion.source == Source.INDICATORS:
        return indicator_points(most, commune, inputs, indicator_set_id)
    if criterion.source == Source.PROCEDURES:
        return procedure_points(most, commune, inputs.year)
    return None


def work_points(most: Fraction, sums: list[int] | None, year: int) -> Computed:
    """most × (a + b + c) / 3 over all the commune's tasks of the year (Art. 14 ratios)."""
    if not sums or not sums[0]:
        return Computed(
            ZERO, _("No task of the commune counts in %(year)s: 0 points.") % {"year": year}
        )
    assigned, done, quality, progress = (Fraction(v) for v in sums)
    a, b, c = done / assigned, quality / assigned, progress / assigned
    divisor = rulebook_for(date(year, 12, 31)).staff_divisor
    points = most * (a + b + c) / divisor
    text = _(
        "Tasks of the commune in %(year)s: a (quantity) = %(a)s, b (quality) = %(b)s, "
        "c (progress) = %(c)s; %(max)s × (a + b + c) / %(div)s = %(points)s."
    ) % {
        "year": year,
        "a": fmt_percent(a),
        "b": fmt_percent(b),
        "c": fmt_percent(c),
        "max": fmt(most),
        "div": divisor,
        "points": fmt(points),
    }
    return Computed(points, text)


def cadre_points(most: Fraction, facts: CadreFacts) -> Computed:
    """most × mean(share meeting the standards, training plan done, 1 − share failing)."""
    meeting = Fraction(facts.meeting, facts.people) if facts.people else Fraction(1)
    plan = Fraction(facts.plan_done, facts.plan_target) if facts.plan_target else Fraction(1)
    failing = Fraction(facts.failed, facts.results) if facts.results else ZERO
    points = mean_points(most, [meeting, plan, 1 - failing])
    text = _(
        "Civil servants meeting the standards of their position: %(m)s of %(p)s "
        "(%(ms)s); training plan done: %(d)s of %(t)s (%(ps)s); classified “Không hoàn "
        "thành nhiệm vụ”: %(f)s of %(r)s annual results (%(fs)s). %(max)s × mean(%(ms)s, "
        "%(ps)s, 100 %% − %(fs)s) = %(points)s."
    ) % {
        "m": facts.meeting,
        "p": facts.people,
        "ms": fmt_percent(meeting),
        "d": facts.plan_done,
        "t": facts.plan_target,
        "ps": fmt_percent(plan),
        "f": facts.failed,
        "r": facts.results,
        "fs": fmt_percent(failing),
        "max": fmt(most),
        "points": fmt(points),
    }
    return Computed(points, text)


@dataclass(frozen=True)
class IndicatorLine:
    indicator: Indicator
    target: Fraction | None
    actual: Fraction | None
    points: Fraction
    text: str


def indicator_lines(
    commune: Organization, inputs: Inputs, indicator_set_id: int | None
) -> list[IndicatorLine]:
    lines = []
    for indicator in inputs.indicators.get(indicator_set_id, []):
        target = inputs.targets.get((indicator.pk, commune.pk))
        actual_row = inputs.actuals.get((indicator.pk, commune.pk))
        counted = actual_row is not None and actual_row.status != ActualStatus.REJECTED
        actual = to_fraction(actual_row.value) if counted else None
        lines.append(_indicator_line(indicator, target, actual, actual_row))
    return lines


def _indicator_line(indicator, target, actual, row) -> IndicatorLine:
    most = to_fraction(indicator.max_points)
    names = {"name": indicator.name, "max": fmt(most)}
    if target is None:
        return IndicatorLine(
            indicator,
            None,
            actual,
            ZERO,
            _("%(name)s: no target assigned, 0 of %(max)s points.") % names,
        )
    if actual is None:
        text = _("%(name)s: no accepted actual, 0 of %(max)s points.") % names
        return IndicatorLine(indicator, target, None, ZERO, text)
    ratio = completion_ratio(target, actual, indicator.direction)
    points = ratio_points(
        ratio, most, to_fraction(indicator.full_ratio), to_fraction(indicator.zero_ratio)
    )
    formula = "TH / KH" if indicator.direction == Direction.HIGHER else "KH / TH"
    text = _(
        "%(name)s: target %(t)s, actual %(a)s %(unit)s, completion %(f)s = %(r)s, "
        "%(p)s of %(max)s points."
    ) % {
        **names,
        "t": fmt(target),
        "a": fmt(actual),
        "unit": indicator.unit,
        "f": formula,
        "r": fmt_percent(ratio),
        "p": fmt(points),
    }
    if row is not None and row.status == ActualStatus.ENTERED:
        text += " " + _("(not yet accepted by the province)")
    return IndicatorLine(indicator, target, actual, points, text)


def indicator_points(
    most: Fraction, commune: Organization, inputs: Inputs, indicator_set_id: int | None
) -> Computed:
    lines = indicator_lines(commune, inputs, indicator_set_id)
    if not lines:
        return Computed(ZERO, _("No indicator set for %(year)s: 0 points.") % {"year": inputs.year})
    got = sum((line.points for line in lines), ZERO)
    full = sum((to_fraction(line.indicator.max_points) for line in lines), ZERO)
    points = most * got / full if full else ZERO
    text = (
        " ".join(line.text for line in lines)
        + " "
        + _("Indicators: %(got)s of %(full)s points, scaled to %(max)s: %(points)s.")
        % {"got": fmt(got), "full": fmt(full), "max": fmt(most), "points": fmt(points)}
    )
    return Computed(points, text)


def procedure_points(most: Fraction, commune: Organization, year: int) -> Computed | None:
    """most × mean(on-time share, satisfaction) when a receiver answers; else entered."""
    for _receiver, answer in procedure_measures.send(
        sender=Organization, organization=commune, year=year
    ):
        if answer:
            on_time, satisfied = Fraction(answer["on_time"]), Fraction(answer["satisfaction"])
            points = mean_points(most, [on_time, satisfied])
            text = _(
                "Dossiers handled on time %(o)s, satisfaction index %(s)s: %(max)s × "
                "mean = %(points)s."
            ) % {
                "o": fmt_percent(on_time),
                "s": fmt_percent(satisfied),
                "max": fmt(most),
                "points": fmt(points),
            }
            if answer.get("text"):
                text += " " + answer["text"]
            return Computed(points, text)
    return None
