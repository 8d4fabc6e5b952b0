"""Load scoring inputs from tasks: the tasks that count, and one named Item per task when a
single person's month is explained (the bulk recompute sums weights: canbo.work.recompute.sums)."""

from datetime import date

from canbo.core.access import narrowed_to
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.scoring import Item
from canbo.work.choices import TaskStatus
from canbo.work.models import Task


def scored_tasks(months: tuple[date, ...], org: Organization | None = None):
    """Tasks that count in the months: assigned to a person and not cancelled."""
    tasks = Task.objects.filter(
        period__gte=months[0], period__lte=months[-1], assignee__isnull=False
    ).exclude(status=TaskStatus.CANCELLED)
    # Select by the person's current organisation so a transferred person's whole month is
    # scored together (the new agency receives the old agency's results, Art. 21).
    return narrowed_to(tasks, org, "assignee__organization__path")


def task_items(person_id: int, month: date) -> list[Item]:
    """One named Item per task, with objective causes kept apart for the explanation."""
    tasks = scored_tasks((month,)).filter(assignee_id=person_id).order_by("id")
    return [task_item(task) for task in tasks]


def task_item(task: Task) -> Item:
    done = task.status == TaskStatus.COMPLETED
    return Item(
        task.quantity,
        task.coefficient,
        done,
        quality_failures=task.quality_failures if done else 0,
        objective_quality_failures=task.objective_quality_failures if done else 0,
        delays=task.delays if done else 0,
        objective_delays=task.objective_delays if done else 0,
        name=f"#{task.pk} {task.name}",
    )


def people_in_scope(org: Organization | None) -> list[int]:
    people = narrowed_to(Person.objects.filter(organization__isnull=False), org)
    return list(people.values_list("id", flat=True))
