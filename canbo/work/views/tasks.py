"""Task pages: my tasks, a unit's tasks, and one task with its reviews, delays and score."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from canbo.core.access import require, scope_for
from canbo.work.forms import TaskFilterForm
from canbo.work.models import PeriodScore, Task
from canbo.work.recompute import refresh_person_period

PAGE_SIZE = 50


def _page(request, tasks, form):
    page = Paginator(form.apply(tasks), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def my_tasks(request):
    require(request.user, "work.tasks.own")
    person_id = scope_for(request.user).person_id
    tasks = Task.objects.visible_to(request.user).select_related("organization")
    # A user without a civil-servant record has no tasks of their own.
    tasks = tasks.filter(assignee_id=person_id) if person_id else tasks.none()
    form = TaskFilterForm(request.GET, user=request.user)
    page, query = _page(request, tasks, form)
    scores = PeriodScore.objects.filter(person_id=person_id, kind="month").order_by(
        "-period_start")[:12]
    context = {"form": form, "page": page, "query": query, "scores": scores,
               "has_person": person_id is not None}
    return render(request, "work/my_tasks.html", context)


def unit_tasks(request):
    require(request.user, "work.tasks.list")
    tasks = Task.objects.visible_to(request.user).select_related("assignee", "organization")
    form = TaskFilterForm(request.GET, user=request.user)
    page, query = _page(request, tasks, form)
    return render(request, "work/unit_tasks.html", {"form": form, "page": page, "query": query})


def task_detail(request, pk: int):
    task = _visible_task(request, pk)
    score = None
    if task.assignee_id:
        score = PeriodScore.objects.filter(person_id=task.assignee_id, kind="month",
                                           period_start=task.period).first()
    steps = score.explanation if score else []
    marker = f"(#{task.pk} "
    context = {
        "task": task, "score": score,
        "reviews": task.reviews.select_related("reviewer", "certified_by"),
        "delays": task.delay_records.select_related("certified_by"),
        "steps": [dict(step, mine=marker in step["text"]) for step in steps],
        "itemised": any(step["rule"] == "quantity" for step in steps),
    }
    return render(request, "work/task_detail.html", context)


@require_POST
def task_explain(request, pk: int):
    """Re-score the assignee's month with the per-item explanation (safe to repeat)."""
    task = _visible_task(request, pk)
    if task.assignee_id:
        refresh_person_period(task.assignee_id, task.period)
    return redirect("work:task", task.pk)


def _visible_task(request, pk: int) -> Task:
    require(request.user, "work.tasks.view")
    tasks = Task.objects.visible_to(request.user).select_related(
        "assignee", "organization", "catalog_item__catalog", "assigner"
    )
    return get_object_or_404(tasks, pk=pk)
