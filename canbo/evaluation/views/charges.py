"""Deputies' areas of charge for one commune (personnel offices)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.core.access import require, within
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import LeaderCharge
from canbo.evaluation.services.charges import assign_charge, remove_charge
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.people.models import Person


def _commune(request, pk: int) -> Organization:
    require(request.user, "evaluation.periods")
    return get_object_or_404(
        Organization.objects.visible_to(request.user), kind__in=COMMUNE_KINDS, pk=pk
    )


def charge_list(request, pk: int):
    commune = _commune(request, pk)
    leaders = list(
        within(Person.objects.visible_to(request.user), commune.path)
        .filter(title__is_leader=True)
        .select_related("organization", "title")
        .order_by("title__rank", "full_name")
    )
    charges = LeaderCharge.objects.filter(leader__in=leaders).select_related("organization")
    by_leader: dict[int, list] = {}
    for charge in charges:
        by_leader.setdefault(charge.leader_id, []).append(charge)
    for leader in leaders:
        leader.charge_list = by_leader.get(leader.pk, [])
    units = Organization.objects.filter(parent=commune).order_by("name")
    return render(
        request, "evaluation/charges.html", {"commune": commune, "leaders": leaders, "units": units}
    )


@require_POST
def charge_action(request, pk: int):
    commune = _commune(request, pk)
    try:
        if request.POST.get("action") == "remove":
            charges = within(LeaderCharge.objects.all(), commune.path, "leader__organization__path")
            charge = get_object_or_404(charges, pk=request.POST.get("charge") or 0)
            remove_charge(request.user, charge, request.POST.get("reason", ""))
            messages.success(request, _("The charge was removed."))
        else:
            leader = get_object_or_404(
                Person.objects.visible_to(request.user), pk=request.POST.get("leader") or 0
            )
            unit = get_object_or_404(Organization, pk=request.POST.get("organization") or 0)
            assign_charge(request.user, leader, unit, request.POST.get("note", ""))
            messages.success(request, _("The charge was assigned."))
    except EvaluationError as exc:
        messages.error(request, exc.message)
    return redirect("evaluation:charges", pk=commune.pk)
