"""The student talent pool: students of the province, set against the recruitment shortages."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.models import TalentRecord, TalentStatus
from canbo.cadre.pipeline_forms import MoveToRecruitmentForm, TalentForm, YearForm
from canbo.cadre.services.pipeline import talent_summary
from canbo.cadre.services.recruitment import move_talent_to_recruitment
from canbo.cadre.tables import Link, Table, render_listing, yes
from canbo.cadre.views.recruitment import needs_of
from canbo.core import audit
from canbo.core.access import can, require


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
    links = [Link(_("Add a student"), reverse("cadre:talent_new"))] if manage else []
    return render_listing(
        request,
        _("Student talent pool %(year)s") % {"year": year},
        [_students(records, manage), _summary(records, needs_of(request.user))],
        f"nguon-sinh-vien-{year}",
        form=form,
        links=links,
    )


def _students(records, manage: bool) -> Table:
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
            yes(r.commits_to_return),
            r.get_status_display(),
            actions=actions,
        )
    return table


def _summary(records, needs) -> Table:
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
    for s in talent_summary(records, needs):
        summary.add(
            s.field_label,
            s.major,
            s.graduation_year,
            s.students,
            s.committed,
            s.shortage,
            css="warn" if s.shortage > s.committed else "",
        )
    return summary


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
