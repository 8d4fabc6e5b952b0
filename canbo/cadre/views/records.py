"""Commendation, discipline and personnel decisions; a person's cadre record."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.forms import DecisionFilterForm, DecisionForm
from canbo.cadre.gaps import compute_gaps
from canbo.cadre.models import PersonnelDecision
from canbo.cadre.models.records import CATEGORY_LABELS, KINDS_BY_CATEGORY, NOMINATION_KINDS
from canbo.cadre.scope import people_of, posted_person, scoped
from canbo.cadre.services.planning import YOUNG_AGE, compose_people
from canbo.cadre.services.records import override_details, record_decision
from canbo.cadre.tables import Link, Table, render_listing
from canbo.core.access import can, require
from canbo.people.leave import not_worked_months
from canbo.people.services import log_personal_data_view
from canbo.scoring import OVERRIDES


def decisions(request):
    require(request.user, "cadre.own")
    form = DecisionFilterForm(request.GET or None)
    rows = scoped(
        PersonnelDecision.objects.select_related("person__organization", "person__job_position"),
        request.user,
    )
    if form.is_valid():
        if form.cleaned_data["category"]:
            rows = rows.filter(kind__in=KINDS_BY_CATEGORY[form.cleaned_data["category"]])
        if form.cleaned_data["year"]:
            rows = rows.filter(decision_date__year=form.cleaned_data["year"])
    table = Table(
        _("Commendation, discipline and personnel decisions"),
        [
            _("Full name"),
            _("Organisation"),
            _("Category"),
            _("Kind"),
            _("Decision number"),
            _("Decision date"),
            _("Issuing authority"),
            _("Reason"),
            _("Violation in public duties"),
        ],
    )
    for d in rows:
        table.add(
            Link(d.person.full_name, reverse("cadre:person", args=[d.person_id])),
            str(d.person.organization or ""),
            str(CATEGORY_LABELS[d.category]),
            d.get_kind_display(),
            d.decision_number,
            d.decision_date.strftime("%d/%m/%Y"),
            d.issuing_authority,
            d.reason,
            _("Yes") if d.in_public_duties else "",
        )
    links = (
        [Link(_("Record a decision"), reverse("cadre:decision_new"))]
        if can(request.user, "cadre.manage")
        else []
    )
    return render_listing(
        request,
        _("Commendation and discipline"),
        [table, _nominations(rows)],
        "khen-thuong-ky-luat",
        form=form,
        links=links,
    )


def _nominations(rows) -> Table:
    """Composition of the nominations (introductions and the province's opinions) listed."""
    table = Table(
        _("Composition of the nominations"),
        [
            _("Kind"),
            _("People"),
            _("Young (under %(age)s)") % {"age": YOUNG_AGE},
            _("Young (%)"),
            _("Female"),
            _("Female (%)"),
            _("Ethnic minority"),
            _("Ethnic minority (%)"),
            _("Science and technology"),
            _("Science and technology (%)"),
        ],
    )
    for kind in NOMINATION_KINDS:
        chosen = [d for d in rows if d.kind == kind]
        if not chosen:
            continue
        on = min(d.decision_date for d in chosen)
        comp = compose_people(list({d.person_id: d.person for d in chosen}.values()), on)
        table.add(
            chosen[0].get_kind_display(),
            comp.total,
            comp.young,
            comp.share(comp.young),
            comp.female,
            comp.share(comp.female),
            comp.minority,
            comp.share(comp.minority),
            comp.sci_tech,
            comp.share(comp.sci_tech),
        )
    return table


def decision_new(request):
    require(request.user, "cadre.manage")
    if request.method == "POST":
        posted_person(request)  # a person outside the scope is a 404, not a form error
    form = DecisionForm(request.POST or None, people=people_of(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            record_decision(request.user, **form.cleaned_data)
            messages.success(request, _("Decision recorded."))
            return redirect("cadre:decisions")
        except CadreError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {"title": _("Record a decision"), "form": form, "back": reverse("cadre:decisions")},
    )


def person(request, pk: int):
    """One person's qualifications, gaps, training, planning, rotations, decisions, leave and
    conclusions."""
    require(request.user, "cadre.own")
    person = get_object_or_404(
        people_of(request.user).select_related("organization", "job_position", "title"), pk=pk
    )
    log_personal_data_view(request, person, "cadre.person")
    today = clock.today()
    leaves = list(person.leaves.all())
    return render(
        request,
        "cadre/person.html",
        {
            "person": person,
            "gaps": compute_gaps(person),
            "retirement_date": person.retirement_date,
            "years_left": person.years_left(today),
            "enrolments": person.enrolments.select_related("training_class__programme"),
            "decisions": person.decisions.all(),
            "planning": person.planning.filter(active=True).select_related("term", "title"),
            "rotations": person.rotations.select_related("to_org", "title"),
            "overrides": [
                row | {"text": OVERRIDES[row["code"]]}
                for row in override_details(today.year, [person.pk]).get(person.pk, [])
            ],
            "leaves": leaves,
            "absent": _absent_months(person, leaves),
            "conclusions": person.conclusions.all(),
            "manage_leave": can(request.user, "people.leave.manage"),
            "manage": can(request.user, "cadre.manage"),
        },
    )


def _absent_months(person, leaves) -> list[tuple]:
    """(month, reason) of every month the person's leave keeps out of the evaluation."""
    years = sorted({leave.start.year for leave in leaves})
    return [
        (month, reason)
        for year in years
        for month, reason in not_worked_months([person.pk], year).get(person.pk, {}).items()
    ]
