"""Recruitment: the needs by commune and field, the rounds, their positions and decisions."""

from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.models import RecruitmentCandidate, RecruitmentRound
from canbo.cadre.pipeline_forms import PositionForm, RoundDecisionForm, RoundForm, my_orgs
from canbo.cadre.scope import people_of
from canbo.cadre.services.appointment import qualification_problems
from canbo.cadre.services.pipeline import recruitment_needs
from canbo.cadre.services.recruitment import update_round
from canbo.cadre.tables import Link, Table, render_listing, yes
from canbo.core import audit
from canbo.core.access import can, require


def needs_of(user):
    return recruitment_needs(people_of(user), my_orgs(user))


def needs(request):
    require(request.user, "cadre.view")
    table = Table(
        _("Recruitment needs"),
        [_("Commune / ward"), _("Field"), _("Staffing quota"), _("Actual"), _("Shortage")],
    )
    for r in needs_of(request.user):
        table.add(str(r.unit), r.field_label, r.quota, r.actual, r.shortage, css="warn")
    return render_listing(
        request,
        _("Recruitment needs by commune and field"),
        [table],
        "nhu-cau-tuyen-dung",
        intro=_(
            "Derived from the staffing quotas of the job positions "
            "2026–2031 against the staff in post."
        ),
    )


def rounds(request):
    require(request.user, "cadre.view")
    table = Table(
        _("Recruitment rounds"),
        [_("Name"), _("Year"), _("Organiser"), _("Method"), _("Status"), _("Decision number")],
    )
    for r in RecruitmentRound.objects.visible_to(request.user).select_related("organization"):
        table.add(
            Link(r.name, reverse("cadre:round_detail", args=[r.pk])),
            r.year,
            str(r.organization),
            r.get_method_display(),
            r.get_status_display(),
            r.decision_number,
        )
    links = [Link(_("Recruitment needs"), reverse("cadre:needs"))]
    if can(request.user, "cadre.manage"):
        links.append(Link(_("New recruitment round"), reverse("cadre:round_new")))
    return render_listing(request, _("Recruitment"), [table], "tuyen-dung", links=links)


def round_new(request):
    require(request.user, "cadre.manage")
    form = RoundForm(request.POST or None, user=request.user, initial={"year": clock.today().year})
    if request.method == "POST" and form.is_valid():
        record = form.save()
        audit.record(
            request.user, "cadre.create_recruitment_round", record, after={"status": record.status}
        )
        return redirect("cadre:round_detail", pk=record.pk)
    return render(
        request,
        "cadre/form.html",
        {"title": _("New recruitment round"), "form": form, "back": reverse("cadre:rounds")},
    )


def round_of(request, pk: int) -> RecruitmentRound:
    return get_object_or_404(
        RecruitmentRound.objects.visible_to(request.user).select_related("organization"), pk=pk
    )


def round_detail(request, pk: int):
    require(request.user, "cadre.view")
    record = round_of(request, pk)
    manage = can(request.user, "cadre.manage")
    positions = Table(_("Positions"), [_("Commune / ward"), _("Job position"), _("Places")])
    for p in record.positions.select_related("organization", "job_position"):
        positions.add(str(p.organization), str(p.job_position), p.places)
    links = []
    if manage:
        links = [
            Link(_("Status and decision"), reverse("cadre:round_edit", args=[pk])),
            Link(_("Add a position"), reverse("cadre:position_add", args=[pk])),
            Link(_("Add an applicant"), reverse("cadre:applicant_add", args=[pk])),
        ]
    return render_listing(
        request,
        str(record),
        [_candidates(record, manage), positions],
        f"tuyen-dung-{record.pk}",
        links=links,
        intro=f"{record.get_method_display()} · {record.get_status_display()} · {record.plan}",
    )


def _candidates(record: RecruitmentRound, manage: bool) -> Table:
    table = Table(
        _("Candidates"),
        [
            _("Full name"),
            _("Position"),
            _("Local person"),
            _("Ethnic minority"),
            _("Excellent graduate (205-KL/TW)"),
            _("Qualification"),
            _("Score"),
            _("Result"),
            _("Appointed"),
        ],
    )
    rows = RecruitmentCandidate.objects.filter(position__round=record).select_related(
        "position__organization", "position__job_position", "person"
    )
    for c in rows:
        problems = qualification_problems(c)
        actions = []
        if manage and not c.person_id:
            actions.append(Link(_("Result"), reverse("cadre:candidate_result", args=[c.pk])))
            if c.passed:
                actions.append(Link(_("Appoint"), reverse("cadre:candidate_appoint", args=[c.pk])))
        result = "" if c.passed is None else _("Passed") if c.passed else _("Not passed")
        table.add(
            c.full_name,
            str(c.position),
            yes(c.local),
            yes(c.ethnic_minority),
            yes(c.excellent_graduate),
            "; ".join(problems) or _("Meets"),
            c.score if c.score is not None else "",
            result,
            c.person.code if c.person else "",
            css="warn" if problems else "",
            actions=actions,
        )
    return table


def position_add(request, pk: int):
    require(request.user, "cadre.manage")
    record = round_of(request, pk)
    form = PositionForm(request.POST or None, round=record)
    if request.method == "POST" and form.is_valid():
        position = form.save(commit=False)
        position.round = record
        position.save()
        audit.record(
            request.user,
            "cadre.add_recruitment_position",
            record,
            after={"position": str(position), "places": position.places},
        )
        return redirect("cadre:round_detail", pk=pk)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Add a position"),
            "form": form,
            "subtitle": str(record),
            "back": reverse("cadre:round_detail", args=[pk]),
        },
    )


def round_edit(request, pk: int):
    require(request.user, "cadre.manage")
    record = round_of(request, pk)
    form = RoundDecisionForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            update_round(
                request.user,
                RecruitmentRound.objects.get(pk=pk),
                data["status"],
                data["plan"],
                data["decision_number"],
                data["decision_date"],
                clock.today(),
            )
            return redirect("cadre:round_detail", pk=pk)
        except CadreError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Status and decision"),
            "subtitle": str(record),
            "form": form,
            "back": reverse("cadre:round_detail", args=[pk]),
        },
    )
