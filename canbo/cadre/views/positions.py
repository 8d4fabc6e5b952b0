"""Job positions and staffing 2026–2031, managed by the provincial personnel office."""

from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre.pipeline_forms import JobPositionForm, QuotaForm, my_orgs
from canbo.cadre.tables import Link, Table, render_listing
from canbo.core.access import can, require
from canbo.org.models import JobPosition, StaffingQuota
from canbo.org.services import (
    POSITION_FIELDS,
    OrgError,
    create_job_position,
    revise_job_position,
    set_staffing_quota,
)


def positions(request):
    require(request.user, "cadre.view")
    orgs = my_orgs(request.user)
    rows = JobPosition.objects.annotate(
        quota=Sum("staffingquota__quota", filter=Q(staffingquota__organization__in=orgs)),
        versions_count=Count("versions", distinct=True),
    )
    table = Table(
        _("Job positions"),
        [
            _("Code"),
            _("Name"),
            _("Field"),
            _("Minimum education"),
            _("Period"),
            _("Approving decision"),
            _("Version"),
            _("Staffing quota"),
        ],
    )
    for p in rows:
        table.add(
            p.code,
            Link(p.name, reverse("cadre:position_detail", args=[p.pk])),
            p.get_field_display(),
            p.get_min_education_display(),
            p.period,
            p.decision,
            p.version,
            p.quota or 0,
        )
    links = (
        [Link(_("New job position"), reverse("cadre:position_new"))]
        if can(request.user, "cadre.catalogue")
        else []
    )
    return render_listing(
        request, _("Job positions and staffing 2026–2031"), [table], "vi-tri-viec-lam", links=links
    )


def position_detail(request, pk: int):
    require(request.user, "cadre.view")
    position = get_object_or_404(JobPosition, pk=pk)
    facts = Table(_("Description"), [_("Item"), _("Content")])
    for label, value in (
        (_("Name"), position.name),
        (_("Description"), position.description),
        (_("Competency framework"), position.competency_framework),
        (_("Qualification standard"), position.qualification_standard),
        (_("Minimum education"), position.get_min_education_display()),
        (_("Required major"), position.required_major),
        (_("Approving decision"), position.decision),
        (_("Version"), position.version),
        (_("Period"), position.period),
    ):
        facts.add(str(label), value)
    quotas = Table(_("Staffing quotas"), [_("Commune / ward"), _("Staffing quota")])
    for q in (
        StaffingQuota.objects.filter(job_position=position, organization__in=my_orgs(request.user))
        .select_related("organization")
        .order_by("organization__path")
    ):
        quotas.add(str(q.organization), q.quota)
    history = Table(
        _("History of versions"),
        [_("Version"), _("Approving decision"), _("Name"), _("Qualification standard")],
    )
    for v in position.versions.all():
        history.add(
            v.version,
            v.decision,
            v.content.get("name", ""),
            v.content.get("qualification_standard", ""),
        )
    links = []
    if can(request.user, "cadre.catalogue"):
        links = [
            Link(_("New version"), reverse("cadre:position_edit", args=[pk])),
            Link(_("Set a staffing quota"), reverse("cadre:position_quota", args=[pk])),
        ]
    return render_listing(
        request,
        f"{position.code} — {position.name}",
        [quotas, facts, history],
        f"vi-tri-{position.code}",
        links=links,
    )


def position_new(request):
    require(request.user, "cadre.catalogue")
    return _position_form(request, None)


def position_edit(request, pk: int):
    require(request.user, "cadre.catalogue")
    return _position_form(request, get_object_or_404(JobPosition, pk=pk))


def _position_form(request, position):
    form = JobPositionForm(request.POST or None, instance=position)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in POSITION_FIELDS}
        try:
            if position is None:
                position = create_job_position(request.user, form.cleaned_data["code"], values)
            else:
                position = revise_job_position(request.user, position, values)
            return redirect("cadre:position_detail", pk=position.pk)
        except OrgError as error:
            form.add_error(None, error.message)
    title = _("New version of the job position") if position else _("New job position")
    return render(
        request,
        "cadre/form.html",
        {"title": title, "form": form, "back": reverse("cadre:positions")},
    )


def position_quota(request, pk: int):
    require(request.user, "cadre.catalogue")
    position = get_object_or_404(JobPosition, pk=pk)
    form = QuotaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            set_staffing_quota(
                request.user, data["organization"], position, data["quota"], data["decision"]
            )
            return redirect("cadre:position_detail", pk=pk)
        except OrgError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Set a staffing quota"),
            "subtitle": str(position),
            "form": form,
            "back": reverse("cadre:position_detail", args=[pk]),
        },
    )
