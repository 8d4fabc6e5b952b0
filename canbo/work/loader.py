"""Load scoring inputs from tasks: one grouped query per period for the bulk recompute,
one row per task (with names) when a single person's month is explained."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db.models import BooleanField, Case, F, IntegerField, Q, Sum, Value, When

from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.scoring import Item, to_fraction
from canbo.work.choices import TaskStatus
from canbo.work.models import Task

Key = tuple[int, date]  # (person id, month)
GROUP_FIELDS = ("assignee_id", "period", "quantity", "completed", "counted_q", "counted_d")
_DONE = Q(status=TaskStatus.COMPLETED)


def scored_tasks(months: tuple[date, ...], org: Organization | None = None):
    """Tasks that count in the months: assigned to a person and not cancelled."""
    tasks = Task.objects.filter(period__gte=months[0], period__lte=months[-1],
                                assignee__isnull=False).exclude(status=TaskStatus.CANCELLED)
    if org is not None:
        # Select by the person's current organisation so a transferred person's whole month is
        # scored together (the new agency receives the old agency's results, Art. 21).
        tasks = tasks.filter(assignee__organization__path__startswith=org.path)
    return tasks


def grouped_items(months: tuple[date, ...], org: Organization | None = None) -> dict[Key, list]:
    """GROUP BY person, month and every scoring input but the coefficient, whose sum is taken.

    Lines of one quantity and the same counted failures/delays differ only in coefficient, and
    every term of the rules is proportional to the coefficient (w = n × k; a deduction is
    r × k × failures; max(0, k(n − r·f)) = k·max(0, n − r·f)), so one Item with the summed
    coefficient scores exactly like the lines apart (tests/scoring checks this property).
    Failures and delays of an unfinished task are not counted (the engine refuses them): they
    count once the task is completed.
    """
    rows = (
        scored_tasks(months, org)
        .annotate(
            completed=Case(When(_DONE, then=Value(True)), default=Value(False),
                           output_field=BooleanField()),
            counted_q=_when_done(F("quality_failures") - F("objective_quality_failures")),
            counted_d=_when_done(F("delays") - F("objective_delays")),
        )
        .values(*GROUP_FIELDS)
        .annotate(coefficients=Sum("coefficient"))
        .values_list(*GROUP_FIELDS, "coefficients")
        .order_by()
    )
    items: dict[Key, list] = defaultdict(list)
    cache = ItemCache()
    for person_id, month, quantity, completed, counted_q, counted_d, coefficients in rows:
        item = cache.get(quantity, coefficients, bool(completed), counted_q, counted_d, 1)
        items[(person_id, month)].append(item)
    return items


def _when_done(expression) -> Case:
    return Case(When(_DONE, then=expression), default=Value(0), output_field=IntegerField())


class ItemCache:
    """Identical lines recur across thousands of people: build each Item (and its exact
    numbers) once."""

    def __init__(self) -> None:
        self._items: dict[tuple, Item] = {}
        self._numbers: dict[Decimal, object] = {}

    def get(self, quantity, coefficient, completed, counted_q, counted_d, n) -> Item:
        key = (quantity, coefficient, completed, counted_q, counted_d, n)
        item = self._items.get(key)
        if item is None:
            item = Item(self._exact(quantity), self._exact(coefficient), completed,
                        quality_failures=counted_q, delays=counted_d, count=n)
            self._items[key] = item
        return item

    def _exact(self, value: Decimal):
        number = self._numbers.get(value)
        if number is None:
            number = self._numbers[value] = to_fraction(value)
        return number


def task_items(person_id: int, month: date) -> list[Item]:
    """One named Item per task, with objective causes kept apart for the explanation."""
    tasks = scored_tasks((month,)).filter(assignee_id=person_id).order_by("id")
    return [task_item(task) for task in tasks]


def task_item(task: Task) -> Item:
    done = task.status == TaskStatus.COMPLETED
    return Item(
        task.quantity, task.coefficient, done,
        quality_failures=task.quality_failures if done else 0,
        objective_quality_failures=task.objective_quality_failures if done else 0,
        delays=task.delays if done else 0,
        objective_delays=task.objective_delays if done else 0,
        name=f"#{task.pk} {task.name}",
    )


def people_in_scope(org: Organization | None) -> list[int]:
    people = Person.objects.filter(organization__isnull=False)
    if org is not None:
        people = people.filter(organization__path__startswith=org.path)
    return list(people.values_list("id", flat=True))
