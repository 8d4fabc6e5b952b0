"""Qualification gaps, university-training candidates and missing political theory."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.cadre import clock
from canbo.cadre.analysis import (
    assess,
    lacking_theory,
    select,
    summarise,
    university_candidates,
)
from canbo.cadre.forms import GapFilterForm
from canbo.cadre.gaps import GAP_KINDS, SHORT_FIELDS, THEORY, required_theory
from canbo.cadre.scope import filter_people, people_of
from canbo.cadre.tables import Link, Table, count_link, render_listing
from canbo.core.access import can, require
from canbo.org.choices import Field, PoliticalTheory


def index(request):
    me = getattr(getattr(request.user, "profile", None), "person", None)
    return render(
        request,
        "cadre/index.html",
        {
            "me": me,
            "can_view": can(request.user, "cadre.view"),
            "can_manage": can(request.user, "cadre.manage"),
        },
    )


def _assessed(request):
    form = GapFilterForm(request.GET or None, user=request.user)
    values = form.values()
    return form, values, assess(filter_people(people_of(request.user), values))


def _drill(unit=None, field="", kind="") -> str:
    params = {
        k: v for k, v in {"unit": unit.pk if unit else "", "field": field, "gap": kind}.items() if v
    }
    return f"{reverse('cadre:gap_people')}?{urlencode(params)}"


def _count_headers(first: str) -> list:
    return [first, _("People"), _("With some gap"), *GAP_KINDS.values()]


def gap_summary(request):
    require(request.user, "cadre.view")
    form, values, rows = _assessed(request)
    by_field = Table(_("By field"), _count_headers(_("Field")) + [_("Short field in the plan")])
    for field, count in sorted(summarise(rows, lambda r: r.field).items()):
        short = field in SHORT_FIELDS
        by_field.add(
            str(Field(field).label) if field else _("No job position"),
            count.people,
            count_link(count.with_gap, _drill(field=field or "")),
            *[
                count_link(n, _drill(field=field, kind=k))
                for k, n in zip(GAP_KINDS, count.kinds(), strict=True)
            ],
            _("Yes") if short else "",
            css="short" if short else "",
        )
    by_unit = Table(_("By commune"), _count_headers(_("Commune / agency")))
    units = summarise(rows, lambda r: r.unit)
    for unit, count in sorted(units.items(), key=lambda kv: kv[0].name if kv[0] else ""):
        by_unit.add(
            str(unit or "—"),
            count.people,
            count_link(count.with_gap, _drill(unit)),
            *[
                count_link(n, _drill(unit, values["field"], k))
                for k, n in zip(GAP_KINDS, count.kinds(), strict=True)
            ],
        )
    return render_listing(
        request,
        _("Qualification gaps"),
        [by_field, by_unit],
        "thieu-chuan",
        form=form,
        intro=_(
            "Highlighted: fields the plan names as short of qualified "
            "staff (IT, construction, land management, archives)."
        ),
    )


def _person_cells(row) -> list:
    person = row.person
    return [
        Link(person.full_name, reverse("cadre:person", args=[person.pk])),
        person.code,
        str(row.unit or ""),
        str(person.job_position or ""),
        str(person.title or ""),
    ]


_PERSON_HEADERS = [
    gettext_lazy("Full name"),
    gettext_lazy("Code"),
    gettext_lazy("Commune / agency"),
    gettext_lazy("Job position"),
    gettext_lazy("Title"),
]


def _headers(*extra) -> list:
    return [str(h) for h in _PERSON_HEADERS] + list(extra)


def gap_people(request):
    require(request.user, "cadre.view")
    form, values, rows = _assessed(request)
    table = Table(_("People with gaps"), _headers(_("Gaps")))
    for row in select(rows, kind=values["gap"]):
        table.add(*_person_cells(row), "; ".join(g.text for g in row.gaps))
    return render_listing(
        request, _("People with qualification gaps"), [table], "danh-sach-thieu-chuan", form=form
    )


def _enrol_action(request, person):
    if not can(request.user, "cadre.manage"):
        return []
    return [Link(_("Enrol"), f"{reverse('cadre:classes')}?person={person.pk}")]


def training_candidates(request):
    require(request.user, "cadre.view")
    form, _values, rows = _assessed(request)
    today = clock.today()
    table = Table(
        _("University-training candidates"),
        _headers(
            _("Education level"),
            _("Major"),
            _("Retirement date"),
            _("Years of service left"),
            _("Gaps"),
        ),
    )
    for row in university_candidates(rows, today):
        person = row.person
        table.add(
            *_person_cells(row),
            person.get_education_display(),
            person.major,
            person.retirement_date.strftime("%d/%m/%Y"),
            round(person.years_left(today), 1),
            "; ".join(g.text for g in row.gaps),
            actions=_enrol_action(request, person),
        )
    return render_listing(
        request,
        _("University-training candidates"),
        [table],
        "ung-vien-dao-tao",
        form=form,
        intro=_(
            "Below the professional standard with more than 6 years of service left "
            "(computed on %(day)s)."
        )
        % {"day": today.strftime("%d/%m/%Y")},
    )


def theory_lacking(request):
    require(request.user, "cadre.view")
    form, _values, rows = _assessed(request)
    table = Table(
        _("Lacking political theory"),
        _headers(_("Political theory"), _("Required"), _("Retirement date")),
    )
    for row in lacking_theory(rows):
        person = row.person
        retire = person.retirement_date
        table.add(
            *_person_cells(row),
            person.get_political_theory_display(),
            str(PoliticalTheory(required_theory(person)).label),
            retire.strftime("%d/%m/%Y") if retire else "",
            actions=_enrol_action(request, person),
        )
    return render_listing(
        request,
        _("Lacking the political theory their title requires"),
        [table],
        "thieu-ly-luan-chinh-tri",
        form=form,
        gap_kind=THEORY,
    )
