"""Yearly training plans per organisation and field, with progress."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from canbo.cadre.forms import TrainingPlanForm, UnitFieldForm
from canbo.cadre.models import TrainingPlan
from canbo.cadre.services.training import plan_progress, set_training_plan
from canbo.cadre.tables import Table, render_listing
from canbo.core.access import can, narrowed_to, require
from canbo.org.models import Organization
from canbo.scoring.numfmt import percent


def plans(request):
    require(request.user, "cadre.view")
    manage = can(request.user, "cadre.manage")
    plan_form = TrainingPlanForm(request.POST or None, user=request.user) if manage else None
    if request.method == "POST":
        require(request.user, "cadre.manage")
        if plan_form.is_valid():
            set_training_plan(request.user, **plan_form.cleaned_data)
            messages.success(request, _("Training plan saved."))
            return redirect("cadre:plans")
    form = UnitFieldForm(request.GET or None, user=request.user)
    values = form.values()
    rows = TrainingPlan.objects.filter(
        organization__in=Organization.objects.visible_to(request.user)
    ).select_related("organization")
    rows = narrowed_to(rows, values["unit"])
    if values["field"]:
        rows = rows.filter(field=values["field"])
    table = Table(
        _("Training plans"),
        [
            _("Organisation"),
            _("Year"),
            _("Field"),
            _("Target"),
            _("Completed"),
            _("Progress (%)"),
            _("Note"),
        ],
    )
    for plan in rows:
        done = plan_progress(plan)
        share = percent(done, plan.target)
        table.add(
            str(plan.organization),
            plan.year,
            plan.get_field_display(),
            plan.target,
            done,
            share,
            plan.note,
            css="warn" if done < plan.target else "",
        )
    return render_listing(
        request,
        _("Yearly training plans"),
        [table],
        "ke-hoach-dao-tao",
        form=form,
        plan_form=plan_form,
        after="cadre/plan_form.html",
    )
