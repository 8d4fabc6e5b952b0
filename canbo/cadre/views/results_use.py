"""Use of the annual results (Art. 23): the lists after the year and the recorded decisions."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.models import ACTIONS_BY_BASIS, ResultBasis
from canbo.cadre.pipeline_forms import ResultUseForm, YearForm
from canbo.cadre.scope import people_of
from canbo.cadre.services.results_use import bases, record_result_use, result_rows, year_levels
from canbo.cadre.tables import Link, Table, render_listing
from canbo.core.access import can, require


def results_use(request):
    require(request.user, "cadre.view")
    form = YearForm(request.GET or None)
    year = (
        form.cleaned_data["year"]
        if form.is_valid() and form.cleaned_data["year"]
        else clock.today().year
    )
    manage = can(request.user, "cadre.manage")
    tables = []
    rows = result_rows(people_of(request.user), year)
    for basis in (ResultBasis.FAIL_TWICE, ResultBasis.FAIL, ResultBasis.EXCELLENT):
        table = Table(
            ResultBasis(basis).label,
            [
                _("Full name"),
                _("Organisation"),
                _("Title"),
                _("Actions to consider"),
                _("Decision"),
                _("Decision number"),
                _("Decision date"),
            ],
        )
        for r in rows:
            if r.basis != basis:
                continue
            actions = (
                [
                    Link(
                        _("Record the decision"),
                        reverse("cadre:result_use_new", args=[year, r.person.pk]),
                    )
                ]
                if manage and r.use is None
                else []
            )
            table.add(
                Link(r.person.full_name, reverse("cadre:person", args=[r.person.pk])),
                str(r.person.organization or ""),
                str(r.person.title or ""),
                ", ".join(str(a.label) for a in ACTIONS_BY_BASIS[basis][:-1]),
                r.use.get_action_display() if r.use else "",
                r.use.decision_number if r.use else "",
                r.use.decision_date.strftime("%d/%m/%Y") if r.use else "",
                css="" if r.use else "warn",
                actions=actions,
            )
        tables.append(table)
    return render_listing(
        request,
        _("Use of the annual results %(year)s") % {"year": year},
        tables,
        f"su-dung-ket-qua-{year}",
        form=form,
        intro=_(
            "Decree 335 Art. 23: after the year, those classified as not "
            "completing tasks (this year, two years running) are considered "
            "for a lower position or dismissal; those classified excellent "
            "for a higher position and commendation."
        ),
    )


def result_use_new(request, year: int, pk: int):
    require(request.user, "cadre.manage")
    person = get_object_or_404(people_of(request.user), pk=pk)
    people = people_of(request.user).filter(pk=pk)
    found = bases(year_levels(people, year).get(pk), year_levels(people, year - 1).get(pk))
    form = ResultUseForm(request.POST or None, basis=found[0] if found else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            record_result_use(
                request.user,
                person,
                year,
                data["action"],
                data["decision_number"],
                data["decision_date"],
                data["note"],
                clock.today(),
            )
            messages.success(request, _("Decision recorded."))
            return redirect(reverse("cadre:results_use") + f"?year={year}")
        except CadreError as error:
            form.add_error(None, error.message)
    subtitle = f"{person} · {year}" + (f" · {ResultBasis(found[0]).label}" if found else "")
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Record the decision on the annual result"),
            "subtitle": subtitle,
            "form": form,
            "back": reverse("cadre:results_use"),
        },
    )
