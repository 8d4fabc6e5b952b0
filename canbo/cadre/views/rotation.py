"""Rotation and transfer proposals, decisions, and the staffing balance."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.forms import DecideForm, RotationFilterForm, RotationForm, UnitFieldForm
from canbo.cadre.models import RotationRecord, RotationStatus
from canbo.cadre.scope import people_of, posted_person, scoped
from canbo.cadre.services.rotation import (
    check_rotation,
    decide_rotation,
    propose_rotation,
    single_holder_incumbents,
)
from canbo.cadre.services.staffing import staffing_rows, suggest_moves
from canbo.cadre.tables import Link, Table, render_listing
from canbo.core.access import can, narrowed_to, require
from canbo.org.models import Organization


def _date(day) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def rotations(request):
    require(request.user, "cadre.view")
    form = RotationFilterForm(request.GET or None)
    rows = scoped(
        RotationRecord.objects.select_related("person", "from_org", "to_org", "title"), request.user
    )
    if form.is_valid() and form.cleaned_data["status"]:
        rows = rows.filter(status=form.cleaned_data["status"])
    manage = can(request.user, "cadre.manage")
    table = Table(
        _("Transfers and rotations"),
        [
            _("Full name"),
            _("Kind"),
            _("From"),
            _("To"),
            _("Title"),
            _("Status"),
            _("Decision number"),
            _("Decision date"),
            _("Effective date"),
            _("Warnings"),
        ],
    )
    for r in rows:
        actions = (
            [Link(_("Decide"), reverse("cadre:rotation_decide", args=[r.pk]))]
            if manage and r.status == RotationStatus.PROPOSED
            else []
        )
        table.add(
            Link(r.person.full_name, reverse("cadre:person", args=[r.person_id])),
            r.get_kind_display(),
            str(r.from_org or ""),
            str(r.to_org),
            str(r.title or ""),
            r.get_status_display(),
            r.decision_number,
            _date(r.decision_date),
            _date(r.effective_date),
            " ".join(r.warnings),
            css="warn" if r.warnings else "",
            actions=actions,
        )
    links = (
        [Link(_("Propose a transfer or rotation"), reverse("cadre:rotation_new"))] if manage else []
    )
    return render_listing(
        request, _("Transfers and rotations"), [table], "luan-chuyen", form=form, links=links
    )


def rotation_new(request):
    require(request.user, "cadre.manage")
    if request.method == "POST":
        posted_person(request)  # a person outside the scope is a 404, not a form error
    form = RotationForm(request.POST or None, user=request.user, people=people_of(request.user))
    context = {
        "title": _("Propose a transfer or rotation"),
        "form": form,
        "back": reverse("cadre:rotations"),
        "buttons": [("action", "check", _("Check")), ("action", "propose", _("Propose"))],
    }
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") != "propose":
            context["warnings"] = check_rotation(
                data["person"], data["to_org"], data["title"], clock.today()
            )
            context["checked"] = True
        else:
            propose_rotation(
                request.user,
                data["person"],
                data["kind"],
                data["to_org"],
                data["title"],
                data["job_position"],
                data["note"],
                clock.today(),
            )
            messages.success(request, _("Proposal recorded."))
            return redirect("cadre:rotations")
    return render(request, "cadre/form.html", context)


def rotation_decide(request, pk: int):
    require(request.user, "cadre.manage")
    record = get_object_or_404(
        scoped(
            RotationRecord.objects.filter(status=RotationStatus.PROPOSED).select_related(
                "person", "to_org", "title"
            ),
            request.user,
        ),
        pk=pk,
    )
    form = DecideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decide_rotation(
                request.user,
                record,
                data["decision_number"],
                data["decision_date"],
                data["effective_date"],
                end_incumbent=data["end_incumbent"],
            )
            messages.success(request, _("Decision recorded; the post history is updated."))
            return redirect("cadre:rotations")
        except CadreError as error:
            form.add_error(None, error.message)
    warnings = list(record.warnings) + [
        _("Current holder of this single-holder title: %(name)s (since %(start)s).")
        % {"name": post.person.full_name, "start": _date(post.start)}
        for post in single_holder_incumbents(record)
    ]
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Decide the rotation"),
            "subtitle": str(record),
            "form": form,
            "warnings": warnings,
            "back": reverse("cadre:rotations"),
        },
    )


def staffing(request):
    require(request.user, "cadre.view")
    form = UnitFieldForm(request.GET or None, user=request.user)
    values = form.values()
    orgs = Organization.objects.visible_to(request.user)
    people = people_of(request.user)
    orgs = narrowed_to(orgs, values["unit"], "path")
    people = narrowed_to(people, values["unit"])
    rows = [
        r for r in staffing_rows(people, orgs) if not values["field"] or r.field == values["field"]
    ]
    balance = Table(
        _("Quota and actual staff"),
        [
            _("Commune / agency"),
            _("Field"),
            _("Staffing quota"),
            _("Actual"),
            _("Balance"),
            _("Assessment"),
        ],
    )
    for r in rows:
        state = _("Surplus") if r.balance > 0 else _("Shortage") if r.balance < 0 else _("Balanced")
        balance.add(
            str(r.unit),
            r.field_label,
            r.quota,
            r.actual,
            r.balance,
            state,
            css="warn" if r.balance < 0 else "",
        )
    moves = Table(
        _("Suggested moves"), [_("Field"), _("From (surplus)"), _("To (shortage)"), _("People")]
    )
    for move in suggest_moves(rows):
        moves.add(move.field_label, str(move.source), str(move.target), move.count)
    return render_listing(
        request, _("Staffing by commune and field"), [balance, moves], "bien-che", form=form
    )
