"""Succession planning: lists per term and organisation, checks, composition, changes."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.forms import (
    CandidateForm,
    PlanningFilterForm,
    ReasonForm,
    ReviewForm,
    TermForm,
    units_of,
)
from canbo.cadre.models import PlanningCandidate, PlanningReview
from canbo.cadre.scope import people_of, posted_person, scoped
from canbo.cadre.services.planning import (
    YOUNG_AGE,
    add_candidate,
    check_candidate,
    compose,
    create_term,
    record_review,
    remove_candidate,
    term_start,
)
from canbo.cadre.tables import Link, Table, render_listing
from canbo.core.access import can, narrowed_to, require
from canbo.people.retirement import age_on


def _candidates(request, form):
    rows = scoped(
        PlanningCandidate.objects.select_related("term", "title", "organization", "person"),
        request.user,
    )
    if form.is_valid():
        if form.cleaned_data["term"]:
            rows = rows.filter(term=form.cleaned_data["term"])
        rows = narrowed_to(rows, form.cleaned_data["unit"])
    return list(rows)


def planning(request):
    require(request.user, "cadre.view")
    form = PlanningFilterForm(request.GET or None, user=request.user)
    rows = _candidates(request, form)
    active = [c for c in rows if c.active]
    tables = [
        _candidate_table(request, active),
        _composition_table(active),
        _removed_table([c for c in rows if not c.active]),
        _review_table(request),
    ]
    return render_listing(
        request,
        _("Succession planning"),
        tables,
        "quy-hoach",
        form=form,
        links=_planning_links(request.user),
    )


def _planning_links(user) -> list[Link]:
    links = []
    if can(user, "cadre.catalogue"):
        links.append(Link(_("New planning term"), reverse("cadre:term_new")))
    if can(user, "cadre.manage"):
        links += [
            Link(_("Add a candidate"), reverse("cadre:candidate_add")),
            Link(_("Record the yearly review"), reverse("cadre:review_add")),
        ]
    return links


def _candidate_table(request, active) -> Table:
    table = Table(
        _("Candidates"),
        [
            _("Term"),
            _("Organisation"),
            _("Title"),
            _("Full name"),
            _("Gender"),
            _("Ethnicity"),
            _("Age at the start of the term"),
            _("Criteria"),
            _("Reason for adding"),
        ],
    )
    manage = can(request.user, "cadre.manage")
    for c in active:
        person = c.person
        checks = check_candidate(c)
        text = "; ".join(("✓ " if ch.ok else "✗ ") + ch.text for ch in checks)
        age = age_on(person.birth, term_start(c.term)) if person.birth else ""
        actions = (
            [Link(_("Remove"), reverse("cadre:candidate_remove", args=[c.pk]))] if manage else []
        )
        table.add(
            str(c.term),
            str(c.organization),
            str(c.title),
            Link(person.full_name, reverse("cadre:person", args=[person.pk])),
            person.get_gender_display(),
            person.get_ethnicity_display(),
            age,
            text,
            c.added_reason,
            css="" if all(ch.ok for ch in checks) else "warn",
            actions=actions,
        )
    return table


def _composition_table(active) -> Table:
    table = Table(
        _("Composition of each list"),
        [
            _("Term"),
            _("Organisation"),
            _("Candidates"),
            _("Young (under %(age)s)") % {"age": YOUNG_AGE},
            _("Young (%)"),
            _("Female"),
            _("Female (%)"),
            _("Ethnic minority"),
            _("Ethnic minority (%)"),
        ],
    )
    groups: dict = {}
    for c in active:
        groups.setdefault((c.term, c.organization), []).append(c)
    for (term, org), members in sorted(
        groups.items(), key=lambda kv: (kv[0][0].start_year, kv[0][1].path)
    ):
        comp = compose(members, term)
        table.add(
            str(term),
            str(org),
            comp.total,
            comp.young,
            comp.share(comp.young),
            comp.female,
            comp.share(comp.female),
            comp.minority,
            comp.share(comp.minority),
        )
    return table


def _removed_table(removed) -> Table:
    table = Table(
        _("Removed from the list"),
        [
            _("Term"),
            _("Organisation"),
            _("Title"),
            _("Full name"),
            _("Removed on"),
            _("Reason for removal"),
        ],
    )
    for c in removed:
        table.add(
            str(c.term),
            str(c.organization),
            str(c.title),
            c.person.full_name,
            c.removed_on.strftime("%d/%m/%Y") if c.removed_on else "",
            c.removed_reason,
        )
    return table


def _review_table(request) -> Table:
    table = Table(_("Yearly reviews"), [_("Term"), _("Organisation"), _("Year"), _("Conclusion")])
    units = units_of(request.user)
    for r in PlanningReview.objects.filter(organization__in=units).select_related(
        "term", "organization"
    ):
        table.add(str(r.term), str(r.organization), r.year, r.conclusion)
    return table


def term_new(request):
    require(request.user, "cadre.catalogue")
    form = TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        term = create_term(request.user, form.cleaned_data["start_year"])
        messages.success(request, _("Planning term %(term)s ready.") % {"term": term})
        return redirect("cadre:planning")
    return _form(request, _("New planning term"), form)


def _form(request, title, form, subtitle=""):
    return render(
        request,
        "cadre/form.html",
        {"title": title, "form": form, "subtitle": subtitle, "back": reverse("cadre:planning")},
    )


def candidate_add(request):
    require(request.user, "cadre.manage")
    if request.method == "POST":
        posted_person(request)  # a person outside the scope is a 404, not a form error
    form = CandidateForm(request.POST or None, user=request.user, people=people_of(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            add_candidate(
                request.user,
                data["term"],
                data["title"],
                data["organization"],
                data["person"],
                data["reason"],
                clock.today(),
            )
            messages.success(request, _("Candidate added."))
            return redirect("cadre:planning")
        except CadreError as error:
            form.add_error(None, error.message)
    return _form(request, _("Add a planning candidate"), form)


def candidate_remove(request, pk: int):
    require(request.user, "cadre.manage")
    candidate = get_object_or_404(
        scoped(PlanningCandidate.objects.filter(active=True), request.user), pk=pk
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            remove_candidate(request.user, candidate, form.cleaned_data["reason"], clock.today())
            messages.success(request, _("Candidate removed from the list."))
            return redirect("cadre:planning")
        except CadreError as error:
            form.add_error(None, error.message)
    return _form(request, _("Remove from the planning list"), form, str(candidate))


def review_add(request):
    require(request.user, "cadre.manage")
    form = ReviewForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_review(
                request.user, data["term"], data["organization"], data["year"], data["conclusion"]
            )
            messages.success(request, _("Review recorded."))
            return redirect("cadre:planning")
        except CadreError as error:
            form.add_error(None, error.message)
    return _form(request, _("Yearly review of the planning list"), form)
