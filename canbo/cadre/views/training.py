"""Training: classes and programmes, enrolment, completion, enrolment lists, plans."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.cadre.errors import CadreError
from canbo.cadre.forms import (
    EnrolmentFilterForm,
    EnrolmentUpdateForm,
    ProgrammeForm,
    TrainingClassForm,
)
from canbo.cadre.models import Enrolment, EnrolmentStatus, Programme, TrainingClass
from canbo.cadre.scope import people_of, posted_person, scoped
from canbo.cadre.services.training import (
    change_enrolment_status,
    enrol_person,
    mark_completion,
    save_catalogue_entry,
)
from canbo.cadre.tables import Button, Link, Table, render_listing
from canbo.core.access import can, require
from canbo.people.models import Person


def _date(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def _person_to_enrol(request) -> Person | None:
    pk = request.GET.get("person", "")
    if not pk.isdigit() or not can(request.user, "cadre.manage"):
        return None
    return people_of(request.user).filter(pk=int(pk)).first()


def classes(request):
    require(request.user, "cadre.view")
    person = _person_to_enrol(request)
    table = Table(
        _("Training classes"),
        [
            _("Class"),
            _("Programme"),
            _("Field"),
            _("Organiser"),
            _("Start"),
            _("End"),
            _("Capacity"),
            _("Enrolled"),
            _("Completed"),
        ],
    )
    for tc in TrainingClass.objects.select_related("programme"):
        counts = {s: tc.enrolments.filter(status=s).count() for s in EnrolmentStatus.values}
        actions = (
            [
                Button(
                    _("Enrol %(person)s") % {"person": person},
                    reverse("cadre:enrol", args=[tc.pk]),
                    {"person": person.pk},
                )
            ]
            if person
            else []
        )
        table.add(
            Link(tc.name, reverse("cadre:class_detail", args=[tc.pk])),
            str(tc.programme),
            tc.programme.get_field_display(),
            tc.organiser,
            _date(tc.start),
            _date(tc.end),
            tc.capacity,
            sum(counts.values()) - counts[EnrolmentStatus.DROPPED],
            counts[EnrolmentStatus.COMPLETED],
            actions=actions,
        )
    links = []
    if can(request.user, "cadre.catalogue"):
        links = [
            Link(_("New programme"), reverse("cadre:programme_new")),
            Link(_("New class"), reverse("cadre:class_new")),
        ]
    return render_listing(
        request,
        _("Training classes"),
        [table, _programme_table()],
        "lop-dao-tao",
        links=links,
        intro=_("Choose a class to enrol %(person)s.") % {"person": person} if person else "",
    )


def _programme_table() -> Table:
    table = Table(_("Programmes"), [_("Programme"), _("Kind"), _("Field"), _("Grants")])
    for p in Programme.objects.all():
        table.add(p.name, p.get_kind_display(), p.get_field_display(), _grants_text(p))
    return table


def _grants_text(p: Programme) -> str:
    parts = [
        p.get_grants_education_display() if p.grants_education is not None else "",
        p.grants_major,
        _("political theory: %(level)s") % {"level": p.get_grants_political_theory_display()}
        if p.grants_political_theory is not None
        else "",
        _("state management: %(level)s") % {"level": p.get_grants_state_management_display()}
        if p.grants_state_management is not None
        else "",
        p.grants_it_certificate,
    ]
    return "; ".join(part for part in parts if part)


def class_detail(request, pk: int):
    require(request.user, "cadre.view")
    tc = get_object_or_404(TrainingClass.objects.select_related("programme"), pk=pk)
    manage = can(request.user, "cadre.manage")
    table = Table(
        _("Enrolments"),
        [
            _("Full name"),
            _("Code"),
            _("Organisation"),
            _("Status"),
            _("Completed on"),
            _("Certificate number"),
        ],
    )
    enrolments = scoped(tc.enrolments.select_related("person__organization"), request.user)
    for e in enrolments:
        actions = (
            [Link(_("Update"), reverse("cadre:enrolment_update", args=[e.pk]))]
            if manage and e.status != EnrolmentStatus.COMPLETED
            else []
        )
        table.add(
            Link(e.person.full_name, reverse("cadre:person", args=[e.person_id])),
            e.person.code,
            str(e.person.organization or ""),
            e.get_status_display(),
            _date(e.completed_on),
            e.certificate_number,
            actions=actions,
        )
    found = Table(_("Find a person to enrol"), [_("Full name"), _("Code"), _("Organisation")])
    query = request.GET.get("q", "").strip()
    if manage and query:
        for person in people_of(request.user).search(query).select_related("organization")[:20]:
            found.add(
                person.full_name,
                person.code,
                str(person.organization or ""),
                actions=[
                    Button(_("Enrol"), reverse("cadre:enrol", args=[tc.pk]), {"person": person.pk})
                ],
            )
    tables = [table, found] if query else [table]
    return render_listing(
        request,
        str(tc),
        tables,
        f"lop-{tc.pk}",
        before="cadre/class_search.html",
        manage=manage,
        training_class=tc,
        q=query,
        intro=f"{tc.programme} · {tc.organiser} · {_date(tc.start)}–{_date(tc.end)}",
    )


@require_POST
def enrol(request, pk: int):
    require(request.user, "cadre.manage")
    tc = get_object_or_404(TrainingClass, pk=pk)
    person = posted_person(request)
    try:
        enrol_person(request.user, tc, person)
        messages.success(
            request, _("%(person)s enrolled in %(class)s.") % {"person": person, "class": tc}
        )
    except CadreError as error:
        messages.error(request, error.message)
    return redirect("cadre:class_detail", pk=tc.pk)


def enrolment_update(request, pk: int):
    require(request.user, "cadre.manage")
    enrolment = get_object_or_404(
        scoped(
            Enrolment.objects.select_related("person", "training_class__programme"), request.user
        ),
        pk=pk,
    )
    form = EnrolmentUpdateForm(request.POST or None, initial={"status": enrolment.status})
    if request.method == "POST" and form.is_valid():
        try:
            _apply_update(request, enrolment, form.cleaned_data)
            return redirect("cadre:class_detail", pk=enrolment.training_class_id)
        except CadreError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Update enrolment"),
            "subtitle": str(enrolment),
            "form": form,
            "back": reverse("cadre:class_detail", args=[enrolment.training_class_id]),
        },
    )


def _apply_update(request, enrolment: Enrolment, data: dict) -> None:
    if data["status"] != EnrolmentStatus.COMPLETED:
        change_enrolment_status(request.user, enrolment, data["status"])
        messages.success(request, _("Enrolment updated."))
        return
    enrolment = mark_completion(
        request.user, enrolment, data["completed_on"], data["certificate_number"]
    )
    person = enrolment.person
    messages.success(
        request,
        _("Completion recorded; %(person)s's record now reads: %(education)s, %(major)s.")
        % {
            "person": person,
            "education": person.get_education_display(),
            "major": person.major or "—",
        },
    )


def enrolments(request):
    require(request.user, "cadre.own")
    form = EnrolmentFilterForm(request.GET or None)
    rows = scoped(
        Enrolment.objects.select_related("person__organization", "training_class__programme"),
        request.user,
    )
    if form.is_valid() and form.cleaned_data["status"]:
        rows = rows.filter(status=form.cleaned_data["status"])
    table = Table(
        _("Training records"),
        [
            _("Full name"),
            _("Organisation"),
            _("Class"),
            _("Programme"),
            _("Status"),
            _("Completed on"),
            _("Certificate number"),
        ],
    )
    for e in rows:
        table.add(
            Link(e.person.full_name, reverse("cadre:person", args=[e.person_id])),
            str(e.person.organization or ""),
            str(e.training_class),
            str(e.training_class.programme),
            e.get_status_display(),
            _date(e.completed_on),
            e.certificate_number,
        )
    return render_listing(request, _("Training records"), [table], "qua-trinh-dao-tao", form=form)


def programme_new(request):
    return _catalogue_form(request, ProgrammeForm, _("New training programme"))


def class_new(request):
    return _catalogue_form(request, TrainingClassForm, _("New training class"))


def _catalogue_form(request, form_class, title):
    require(request.user, "cadre.catalogue")
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        save_catalogue_entry(request.user, form)
        messages.success(request, _("Saved."))
        return redirect("cadre:classes")
    return render(
        request, "cadre/form.html", {"title": title, "form": form, "back": reverse("cadre:classes")}
    )
