"""The cadre criterion: the share of the commune's civil servants meeting the standards of
their position, the training plan done, and the share failing the annual classification."""

from collections import defaultdict
from fractions import Fraction
from types import SimpleNamespace

from django.db.models import Count
from django.utils.translation import gettext as _

from canbo.agency.compute_inputs import ZERO, CadreFacts, Computed
from canbo.cadre.analysis import unit_from_path
from canbo.cadre.gaps import compute_gaps
from canbo.cadre.models import Enrolment, EnrolmentStatus, TrainingPlan
from canbo.evaluation.models import AnnualResult
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.models import Person
from canbo.scoring import FAIL, fmt
from canbo.scoring.agency import mean_points
from canbo.scoring.numfmt import fmt_percent

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


def cadre_facts(year: int, ids: set[int], single: Organization | None) -> dict[int, CadreFacts]:
    """{commune id: its CadreFacts of the year}, for the communes of `ids`."""
    facts: dict[int, CadreFacts] = defaultdict(CadreFacts)
    _count_standards(facts, ids, single)
    _count_training(facts, year, ids)
    _count_failures(facts, year, ids)
    return dict(facts)


def _count_standards(facts: dict, ids: set[int], single: Organization | None) -> None:
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


def _count_training(facts: dict, year: int, ids: set[int]) -> None:
    done = _completed(year)
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


def _completed(year: int) -> dict[tuple[str, str], int]:
    """{(organisation path, programme field): enrolments completed in the year}."""
    done: dict[tuple[str, str], int] = {}
    enrolments = Enrolment.objects.filter(status=EnrolmentStatus.COMPLETED, completed_on__year=year)
    for path, fld, n in (
        enrolments.values_list("person__organization__path", "training_class__programme__field")
        .annotate(n=Count("id"))
        .order_by()
    ):
        done[(path, fld)] = done.get((path, fld), 0) + n
    return done


def _count_failures(facts: dict, year: int, ids: set[int]) -> None:
    results = AnnualResult.objects.filter(year=year).values_list(
        "person__organization__path", "final_level", "classification"
    )
    for path, final, level in results.iterator(chunk_size=5000):
        unit = unit_from_path(path)
        if unit in ids:
            facts[unit].results += 1
            facts[unit].failed += (final or level) == FAIL


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
