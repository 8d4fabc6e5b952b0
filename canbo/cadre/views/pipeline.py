"""The people pipeline: key titles, recruitment needs and rounds, the student talent pool."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.models import (
    RecruitmentCandidate,
    RecruitmentRound,
    TalentRecord,
    TalentStatus,
)
from canbo.cadre.pipeline_forms import (
    AppointForm,
    CandidateForm,
    KeyTitleFilterForm,
    MoveToRecruitmentForm,
    PositionForm,
    ResultForm,
    RoundDecisionForm,
    RoundForm,
    TalentForm,
    YearForm,
    my_orgs,
)
from canbo.cadre.scope import people_of
from canbo.cadre.services.pipeline import (
    appoint_candidate,
    communes_of,
    key_title_rows,
    move_talent_to_recruitment,
    qualification_problems,
    record_result,
    recruitment_needs,
    talent_summary,
    update_round,
)
from canbo.cadre.tables import Link, Table, render_listing
from canbo.core import audit
from canbo.core.access import can, require
from canbo.people.services import log_personal_data_access


def _yes(flag: bool) -> str:
    return _("Yes") if flag else ""


def key_titles(request):
    require(request.user, "cadre.view")
    form = KeyTitleFilterForm(request.GET or None)
    show_all = form.is_valid() and form.cleaned_data["show"] == "all"
    rows = [r for r in key_title_rows(communes_of(request.user)) if show_all or r.problem]
    table = Table(
        _("Key titles"),
        [_("Commune / ward"), _("Title"), _("Holder"), _("Code"), _("Local person"), _("Vacant")],
    )
    for r in rows:
        holder = (
            Link(r.person.full_name, reverse("cadre:person", args=[r.person.pk]))
            if r.person
            else ""
        )
        table.add(
            str(r.commune),
            str(r.title),
            holder,
            r.person.code if r.person else "",
            _yes(r.local),
            _yes(r.vacant),
            css="warn" if r.problem else "",
        )
    log_personal_data_access(request, [r.person.pk for r in rows if r.person], "cadre.key_titles")
    return render_listing(
        request,
        _("Key titles: local holders and vacancies"),
        [table],
        "chuc-danh-chu-chot",
        form=form,
        intro=_(
            "The plan requires the Party secretary, the People's Committee "
            "chairman and the chairman of the Inspection Committee not to be "
            "local people."
        ),
    )


def _needs(user):
    return recruitment_needs(people_of(user), my_orgs(user))


def needs(request):
    require(request.user, "cadre.view")
    table = Table(
        _("Recruitment needs"),
        [_("Commune / ward"), _("Field"), _("Staffing quota"), _("Actual"), _("Shortage")],
    )
    for r in _needs(request.user):
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


def _year(request) -> tuple[YearForm, int]:
    form = YearForm(request.GET or None)
    year = form.cleaned_data["year"] if form.is_valid() and form.cleaned_data["year"] else None
    return form, year or clock.today().year


def talent(request):
    require(request.user, "cadre.view")
    form, year = _year(request)
    records = (
        TalentRecord.objects.visible_to(request.user).filter(year=year).select_related("origin")
    )
    manage = can(request.user, "cadre.manage")
    table = Table(
        _("Talent pool"),
        [
            _("Full name"),
            _("Commune of origin"),
            _("Ethnicity"),
            _("School"),
            _("Major"),
            _("Expected graduation"),
            _("Support received"),
            _("Commits to return"),
            _("Status"),
        ],
    )
    for r in records:
        actions = (
            [Link(_("Move to recruitment"), reverse("cadre:talent_recruit", args=[r.pk]))]
            if manage and r.status in (TalentStatus.STUDYING, TalentStatus.GRADUATED)
            else []
        )
        table.add(
            r.full_name,
            str(r.origin),
            r.get_ethnicity_display(),
            r.school,
            r.major,
            r.graduation_year,
            r.support,
            _yes(r.commits_to_return),
            r.get_status_display(),
            actions=actions,
        )
    summary = Table(
        _("By major and graduation year against the shortages"),
        [
            _("Field"),
            _("Major"),
            _("Graduation year"),
            _("Students"),
            _("Committed to return"),
            _("Shortage in the field"),
        ],
    )
    for s in talent_summary(records, _needs(request.user)):
        summary.add(
            s.field_label,
            s.major,
            s.graduation_year,
            s.students,
            s.committed,
            s.shortage,
            css="warn" if s.shortage > s.committed else "",
        )
    links = [Link(_("Add a student"), reverse("cadre:talent_new"))] if manage else []
    return render_listing(
        request,
        _("Student talent pool %(year)s") % {"year": year},
        [table, summary],
        f"nguon-sinh-vien-{year}",
        form=form,
        links=links,
    )


def talent_new(request):
    require(request.user, "cadre.manage")
    form = TalentForm(request.POST or None, user=request.user, initial={"year": clock.today().year})
    if request.method == "POST" and form.is_valid():
        record = form.save()
        audit.record(request.user, "cadre.add_talent", record, after={"year": record.year})
        messages.success(request, _("Student recorded."))
        return redirect("cadre:talent")
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Add a student to the talent pool"),
            "form": form,
            "back": reverse("cadre:talent"),
        },
    )


def talent_recruit(request, pk: int):
    require(request.user, "cadre.manage")
    record = get_object_or_404(TalentRecord.objects.visible_to(request.user), pk=pk)
    form = MoveToRecruitmentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            candidate = move_talent_to_recruitment(
                request.user, record, form.cleaned_data["position"]
            )
            messages.success(
                request, _("%(name)s is now a candidate.") % {"name": record.full_name}
            )
            return redirect("cadre:round_detail", pk=candidate.position.round_id)
        except CadreError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Move to recruitment"),
            "subtitle": str(record),
            "form": form,
            "back": reverse("cadre:talent"),
        },
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


def _round(request, pk: int) -> RecruitmentRound:
    return get_object_or_404(
        RecruitmentRound.objects.visible_to(request.user).select_related("organization"), pk=pk
    )


def round_detail(request, pk: int):
    require(request.user, "cadre.view")
    record = _round(request, pk)
    manage = can(request.user, "cadre.manage")
    positions = Table(_("Positions"), [_("Commune / ward"), _("Job position"), _("Places")])
    for p in record.positions.select_related("organization", "job_position"):
        positions.add(str(p.organization), str(p.job_position), p.places)
    candidates = Table(
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
        candidates.add(
            c.full_name,
            str(c.position),
            _yes(c.local),
            _yes(c.ethnic_minority),
            _yes(c.excellent_graduate),
            "; ".join(problems) or _("Meets"),
            c.score if c.score is not None else "",
            result,
            c.person.code if c.person else "",
            css="warn" if problems else "",
            actions=actions,
        )
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
        [candidates, positions],
        f"tuyen-dung-{record.pk}",
        links=links,
        intro=f"{record.get_method_display()} · {record.get_status_display()} · {record.plan}",
    )


def position_add(request, pk: int):
    require(request.user, "cadre.manage")
    record = _round(request, pk)
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


def candidate_add(request, pk: int):
    require(request.user, "cadre.manage")
    record = _round(request, pk)
    form = CandidateForm(request.POST or None, round=record)
    if request.method == "POST" and form.is_valid():
        candidate = form.save()
        audit.record(
            request.user, "cadre.add_recruitment_candidate", candidate, after={"round": record.pk}
        )
        return redirect("cadre:round_detail", pk=pk)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Add an applicant"),
            "form": form,
            "subtitle": str(record),
            "back": reverse("cadre:round_detail", args=[pk]),
        },
    )


def _candidate(request, pk: int) -> RecruitmentCandidate:
    return get_object_or_404(
        RecruitmentCandidate.objects.filter(
            position__round__in=RecruitmentRound.objects.visible_to(request.user)
        ).select_related("position__round", "position__organization", "position__job_position"),
        pk=pk,
    )


def candidate_result(request, pk: int):
    require(request.user, "cadre.manage")
    candidate = _candidate(request, pk)
    form = ResultForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record_result(
            request.user, candidate, form.cleaned_data["score"], form.cleaned_data["passed"]
        )
        return redirect("cadre:round_detail", pk=candidate.position.round_id)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Record the result"),
            "subtitle": str(candidate),
            "form": form,
            "back": reverse("cadre:round_detail", args=[candidate.position.round_id]),
        },
    )


def candidate_appoint(request, pk: int):
    require(request.user, "cadre.manage")
    candidate = _candidate(request, pk)
    form = AppointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            person = appoint_candidate(
                request.user,
                candidate,
                data["code"].strip(),
                data["start"],
                data["decision"],
                clock.today(),
            )
            messages.success(
                request,
                _("%(name)s is appointed; the post is recorded.") % {"name": person.full_name},
            )
            return redirect("cadre:round_detail", pk=candidate.position.round_id)
        except CadreError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Appoint the candidate"),
            "subtitle": str(candidate),
            "form": form,
            "warnings": qualification_problems(candidate),
            "back": reverse("cadre:round_detail", args=[candidate.position.round_id]),
        },
    )


def round_edit(request, pk: int):
    require(request.user, "cadre.manage")
    record = _round(request, pk)
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
