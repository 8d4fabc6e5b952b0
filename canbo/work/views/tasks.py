"""Task pages: my tasks, a unit's tasks, and one task with its reviews, delays and score."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from canbo.core.access import can_for_other, own_rows, require, scope_for
from canbo.org.communes import commune_names
from canbo.work import task_services
from canbo.work.errors import WorkError
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
    # A user without a civil-servant record has no tasks of their own.
    tasks = own_rows(Task.objects.visible_to(request.user), request.user, "assignee_id")
    tasks = tasks.select_related("organization")
    form = TaskFilterForm(request.GET, user=request.user)
    page, query = _page(request, tasks, form)
    scores = own_rows(PeriodScore.objects.filter(kind="month"), request.user)
    scores = scores.order_by("-period_start")[:12]
    context = {
        "form": form,
        "page": page,
        "query": query,
        "scores": scores,
        "has_person": person_id is not None,
    }
    return render(request, "work/my_tasks.html", context)


def unit_tasks(request):
    require(request.user, "work.tasks.list")
    tasks = Task.objects.visible_to(request.user).select_related("assignee", "organization")
    form = TaskFilterForm(request.GET, user=request.user)
    page, query = _page(request, tasks, form)
    return render(
        request,
        "work/unit_tasks.html",
        {"form": form, "page": page, "query": query, "communes": commune_names(request.user)},
    )


def task_detail(request, pk: int):
    task = _visible_task(request, pk)
    score = None
    if task.assignee_id:
        score = PeriodScore.objects.filter(
            person_id=task.assignee_id, kind="month", period_start=task.period
        ).first()
    steps = score.explanation if score else []
    marker = f"(#{task.pk} "
    context = {
        "task": task,
        "score": score,
        "reviews": task.reviews.select_related("reviewer", "certified_by"),
        "delays": task.delay_records.select_related("certified_by"),
        "steps": [dict(step, mine=marker in step["text"]) for step in steps],
        "itemised": any(step["rule"] == "quantity" for step in steps),
        "can_judge": _may_judge(request.user, task),
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


def _may_judge(user, task: Task) -> bool:
    """Heads and commune leaders judge quality and delays, never on their own tasks."""
    return can_for_other(user, "work.tasks.judge", task.assignee_id)


# What each judgment did, said to the user after it succeeds.
JUDGED = {
    "review": _("Saved: the quality review was recorded."),
    "certify_review": _("Saved: the failure was certified as due to an objective cause."),
    "certify_delay": _("Saved: the delay was certified as due to an objective cause."),
    "extend": _("Saved: the deadline was extended (counted as one delay)."),
    "complete": _("Saved: the task was marked completed."),
}


@require_POST
def task_act(request, pk: int):
    """Quality review, objective-cause certification, deadline extension or completion."""
    task = _visible_task(request, pk)
    if not _may_judge(request.user, task):
        raise PermissionDenied
    try:
        _judge(request, task, request.POST)
        messages.success(request, JUDGED.get(request.POST.get("action", ""), _("Saved.")))
    except WorkError as exc:
        messages.error(request, str(exc))
    except (ValueError, ValidationError):
        messages.error(request, _("Invalid data: check the dates and choices."))
    return redirect("work:task", task.pk)


def _judge(request, task: Task, data) -> None:
    user, action = request.user, data.get("action", "")
    if action == "review":
        task_services.record_quality_review(
            user, task, data.get("passed") == "yes", data.get("note", "")
        )
    elif action == "certify_review":
        review = get_object_or_404(task.reviews, pk=data.get("record"))
        task_services.certify_objective_cause(user, review, data.get("reason", ""))
    elif action == "certify_delay":
        delay = get_object_or_404(task.delay_records, pk=data.get("record"))
        task_services.certify_objective_cause(user, delay, data.get("reason", ""))
    elif action == "extend":
        task_services.extend_deadline(
            user, task, date.fromisoformat(data.get("due", "")), data.get("reason", "")
        )
    elif action == "complete":
        task_services.complete_task(user, task, date.fromisoformat(data.get("day", "")))
    else:
        raise WorkError(_("Unknown action."))
