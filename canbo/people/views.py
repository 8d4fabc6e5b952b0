from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.core.access import can, require, writable_orgs
from canbo.org.communes import commune_names
from canbo.org.models import Organization
from canbo.people.accounts import can_unlock_account, is_account_locked, unlock_account
from canbo.people.errors import AccountError, RecordError
from canbo.people.filters import PeopleFilterForm
from canbo.people.forms import PersonRecordForm, PostForm
from canbo.people.models import Person
from canbo.people.services import (
    log_personal_data_view,
    record_post,
    update_person_record,
)
from canbo.scoring import LABELS

PAGE_SIZE = 50


def people_list(request):
    require(request.user, "people.list")
    form = PeopleFilterForm(request.GET or None, user=request.user)
    people = Person.objects.visible_to(request.user).select_related(
        "organization", "job_position", "title"
    )
    if form.is_bound:
        people = form.apply(people)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "today": timezone.localdate(),
        "communes": commune_names(request.user),
    }
    return render(request, "people/list.html", context)


def person_detail(request, pk: int):
    require(request.user, "people.view")
    person = get_object_or_404(
        Person.objects.visible_to(request.user).select_related(
            "organization", "job_position", "title", "hometown"
        ),
        pk=pk,
    )
    log_personal_data_view(request, person)
    posts = person.posts.select_related("organization", "job_position", "title")
    today = timezone.localdate()
    context = {
        "person": person,
        "posts": posts,
        "age": person.age(today),
        "retirement_date": person.retirement_date,
        "years_left": person.years_left(today),
        "is_local": person.organization and person.is_local_to(person.organization),
        "annual": _annual_results(request.user, person),
        "can_unlock": can_unlock_account(request.user, person),
        "can_edit": can(request.user, "people.record.edit"),
        "past": person.past_classifications.all(),
    }
    context["account_locked"] = context["can_unlock"] and is_account_locked(person)
    return render(request, "people/detail.html", context)


@require_POST
def person_unlock(request, pk: int):
    require(request.user, "people.account.unlock")
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=pk)
    try:
        unlock_account(request.user, person)
        messages.success(request, _("The account is unlocked."))
    except AccountError as error:
        messages.error(request, error.message)
    return redirect("people:detail", pk=person.pk)


def _annual_results(user, person: Person) -> list[dict]:
    """The person's annual classifications (the evaluation app's rows, through the reverse
    relation: people does not import evaluation), newest first."""
    rows = person.annual_results.visible_to(user).order_by("-year")
    return [
        {
            "year": r.year,
            "average": r.average,
            "label": r.label,
            "final": LABELS.get(r.final_level, ""),
            "decision": r.final_decision,
            "reason": r.final_reason,
            "status": r.get_status_display(),
        }
        for r in rows
    ]


def _editable(request, pk: int) -> Person:
    require(request.user, "people.record.edit")
    return get_object_or_404(Person.objects.visible_to(request.user), pk=pk)


def person_edit(request, pk: int):
    """A personnel officer edits the record (audited, logged as personal-data access)."""
    person = _editable(request, pk)
    log_personal_data_view(request, person, "person.edit")
    form = PersonRecordForm(request.POST or None, instance=Person.objects.get(pk=person.pk))
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            update_person_record(request.user, person, changes, timezone.localdate())
            messages.success(request, _("The personnel record is saved."))
            return redirect("people:detail", pk=person.pk)
        except RecordError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "people/form.html",
        {"title": _("Edit the personnel record"), "person": person, "form": form},
    )


def post_new(request, pk: int):
    """Record a post held (past, with its end date) or a new current post."""
    person = _editable(request, pk)
    log_personal_data_view(request, person, "person.post")
    orgs = writable_orgs(Organization.objects.all(), request.user)
    form = PostForm(request.POST or None, orgs=orgs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_post(
                request.user,
                person,
                data["organization"],
                data["start"],
                data["end"],
                timezone.localdate(),
                data["job_position"],
                data["title"],
                data["concurrent"],
                data["decision"],
            )
            messages.success(request, _("The post is recorded."))
            return redirect("people:detail", pk=person.pk)
        except RecordError as error:
            form.add_error(None, error.message)
    return render(
        request, "people/form.html", {"title": _("Record a post"), "person": person, "form": form}
    )
