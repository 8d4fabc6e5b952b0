"""A leader's scope (Art. 15, DOMAIN §2.1): who they are in charge of, and which items count.

- the head of a unit (the commune chairman, a department head) answers for the whole unit;
- a deputy answers for the units of their "phụ trách" assignment (`LeaderCharge`); a department
  deputy without one answers for their department (except the head);
- a vice chairman without an assignment answers only for their own and assigned items.

The head of a unit is the leader holding the highest-ranked leader title there (lowest rank).
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Min, Q

from canbo.core.paths import commune_path
from canbo.evaluation.models import EvaluationSheet, LeaderCharge
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.loader import scored_tasks, task_item

CHAIRMAN, VICE_CHAIRMAN, HEAD, DEPUTY = "chairman", "vice_chairman", "head", "deputy"
APPROVED = ("published", "contested")
FAIL = "fail"


@dataclass(frozen=True)
class LeaderScope:
    kind: str
    in_charge: frozenset[int]  # person ids of the people the leader answers for


def _top_rank(org: Organization) -> int | None:
    return Person.objects.filter(organization=org, title__is_leader=True).aggregate(
        top=Min("title__rank")
    )["top"]


def leader_kind(person: Person) -> str | None:
    """chairman | vice_chairman | head | deputy, or None for a person without a leader title."""
    title, org = person.title, person.organization
    if title is None or not title.is_leader or org is None:
        return None
    is_head = title.rank <= (_top_rank(org) or title.rank)
    if org.is_commune:
        return CHAIRMAN if is_head else VICE_CHAIRMAN
    return HEAD if is_head else DEPUTY


def _subtree(paths: list[str]) -> Q:
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(organization__path__startswith=path)
    return query


def _charge_paths(person: Person) -> list[str]:
    return list(
        LeaderCharge.objects.filter(leader=person).values_list("organization__path", flat=True)
    )


def _unit_heads(org: Organization) -> set[int]:
    top = _top_rank(org)
    return set(
        Person.objects.filter(
            organization=org, title__is_leader=True, title__rank__lte=top
        ).values_list("pk", flat=True)
    )


def scope_of(person: Person) -> LeaderScope | None:
    kind = leader_kind(person)
    if kind is None:
        return None
    org = person.organization
    paths, excluded = _charge_paths(person), {person.pk}
    if kind in (CHAIRMAN, HEAD):
        paths = [org.path]
    elif kind == DEPUTY and not paths:
        paths, excluded = [org.path], excluded | _unit_heads(org)
    ids = (
        set(Person.objects.filter(_subtree(paths)).values_list("pk", flat=True)) if paths else set()
    )
    return LeaderScope(kind, frozenset(ids - excluded))


def scope_items(person: Person, scope: LeaderScope, month: date) -> list:
    """Own items, items the leader assigned or directs, items of the people in charge."""
    tasks = (
        scored_tasks((month,))
        .filter(
            Q(assignee_id=person.pk)
            | Q(assigner_id=person.pk)
            | Q(assignee_id__in=list(scope.in_charge))
        )
        .distinct()
        .order_by("id")
    )
    return [task_item(task) for task in tasks]


def failed_in_charge(scope: LeaderScope, month: date) -> list[str]:
    """Names of the people in charge whose APPROVED result of the month is "fail" (d)."""
    rows = EvaluationSheet.objects.filter(
        person_id__in=list(scope.in_charge),
        period__kind="month",
        period__start=month,
        status__in=APPROVED,
        classification=FAIL,
    ).values_list("person__full_name", flat=True)
    return sorted(rows)


def leaders_answering_for(person_ids: set[int], month: date) -> list[EvaluationSheet]:
    """The month's leader sheets whose scope includes any of the people given."""
    paths = set(
        Person.objects.filter(pk__in=person_ids)
        .exclude(organization=None)
        .values_list("organization__path", flat=True)
    )
    communes = {commune_path(p) for p in paths}
    if not communes:
        return []
    in_communes = Q(pk__in=[])
    for path in communes:
        in_communes |= Q(person__organization__path__startswith=path)
    sheets = (
        EvaluationSheet.objects.filter(
            in_communes,
            is_leader=True,
            period__kind="month",
            period__start=month,
        )
        .exclude(person_id__in=person_ids)
        .select_related("period", "person__organization", "person__title")
    )
    return [s for s in sheets if (scope := scope_of(s.person)) and scope.in_charge & person_ids]
