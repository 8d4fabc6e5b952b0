"""Capacity flags: cadres judged of limited capacity or low prestige, kept out of key posts."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.forms import CapacityFlagForm, ReasonForm
from canbo.cadre.models import CapacityFlag
from canbo.cadre.scope import people_of, posted_person, scoped
from canbo.cadre.services.rotation import flag_capacity, lift_capacity_flag
from canbo.cadre.tables import Link, Table, render_listing
from canbo.core.access import can, require


def flags(request):
    require(request.user, "cadre.view")
    manage = can(request.user, "cadre.manage")
    table = Table(
        _("Capacity flags"),
        [_("Full name"), _("Organisation"), _("Reason"), _("Flagged on"), _("Status")],
    )
    for flag in scoped(CapacityFlag.objects.select_related("person__organization"), request.user):
        actions = (
            [Link(_("Lift"), reverse("cadre:flag_lift", args=[flag.pk]))]
            if manage and flag.active
            else []
        )
        table.add(
            Link(flag.person.full_name, reverse("cadre:person", args=[flag.person_id])),
            str(flag.person.organization or ""),
            flag.reason,
            flag.flagged_on.strftime("%d/%m/%Y"),
            _("In force") if flag.active else _("Lifted"),
            css="warn" if flag.active else "",
            actions=actions,
        )
    links = [Link(_("Flag a cadre"), reverse("cadre:flag_new"))] if manage else []
    return render_listing(request, _("Capacity flags"), [table], "han-che-nang-luc", links=links)


def flag_new(request):
    require(request.user, "cadre.manage")
    if request.method == "POST":
        posted_person(request)  # a person outside the scope is a 404, not a form error
    form = CapacityFlagForm(request.POST or None, people=people_of(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            flag_capacity(
                request.user,
                form.cleaned_data["person"],
                form.cleaned_data["reason"],
                clock.today(),
            )
            messages.success(request, _("Flag recorded: rotation checks will warn about it."))
            return redirect("cadre:flags")
        except CadreError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {"title": _("Flag a cadre"), "form": form, "back": reverse("cadre:flags")},
    )


def flag_lift(request, pk: int):
    require(request.user, "cadre.manage")
    flag = get_object_or_404(
        scoped(CapacityFlag.objects.filter(active=True).select_related("person"), request.user),
        pk=pk,
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            lift_capacity_flag(request.user, flag, form.cleaned_data["reason"])
            messages.success(request, _("Flag lifted."))
            return redirect("cadre:flags")
        except CadreError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "cadre/form.html",
        {
            "title": _("Lift the flag"),
            "subtitle": f"{flag.person} — {flag.reason}",
            "form": form,
            "back": reverse("cadre:flags"),
        },
    )
