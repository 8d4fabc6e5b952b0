"""Equipment: the province summary of shortfalls, and one commune's yearly review."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from canbo.core.access import can, require, visible_oversight, within, writable_orgs
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight import xlsx
from canbo.oversight.equipment import (
    InventoryItem,
    ItemState,
    norms,
    province_summary,
    review,
)
from canbo.oversight.errors import OversightError
from canbo.oversight.register_services import add_inventory_item


class InventoryForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=gettext_lazy("Held by"), queryset=Organization.objects.none()
    )
    item = forms.ChoiceField(label=gettext_lazy("Item"))
    year = forms.IntegerField(label=gettext_lazy("Year acquired"))
    state = forms.ChoiceField(label=gettext_lazy("State"), choices=ItemState.choices)
    label = forms.CharField(label=gettext_lazy("Description"), required=False, max_length=200)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = units
        self.fields["item"].choices = [(code, row[0]) for code, row in norms().items()]


def _communes(user):
    return visible_oversight(
        Organization.objects.filter(kind__in=COMMUNE_KINDS),
        user,
        "oversight.plan.view",
        path="path",
    ).order_by("name")


def equipment(request):
    require(request.user, "oversight.plan.view")
    table = norms()
    rows = province_summary(list(_communes(request.user)), table)
    items = list(table.items())
    table = [(c, [totals.get(code, 0) for code, _row in items]) for c, totals in rows]
    sums = [sum(values[i] for _c, values in table) for i in range(len(items))]
    if request.GET.get("format") == "xlsx":
        headers = [_("Commune or ward")] + [row[0] for _code, row in items]
        body = [[c.name, *values] for c, values in table] + [[_("Whole province"), *sums]]
        return xlsx.response(
            xlsx.workbook(
                _("Equipment shortfalls against the norm"), headers, body, [28] + [14] * len(items)
            ),
            "thieu-trang-thiet-bi.xlsx",
        )
    return render(
        request,
        "oversight/equipment.html",
        {"items": [row[0] for _code, row in items], "table": table, "sums": sums},
    )


def equipment_commune(request, pk: int):
    require(request.user, "oversight.plan.view")
    commune = get_object_or_404(_communes(request.user), pk=pk)
    return _commune_page(request, commune)


def _commune_page(request, commune, form=None, status=200):
    lines = review(commune)
    if request.GET.get("format") == "xlsx":
        headers = [
            _("Organisation unit"),
            _("Item"),
            _("Norm"),
            _("Usable"),
            _("Broken: to replace"),
            _("Shortfall"),
        ]
        body = [[ln.unit, ln.name, ln.required, ln.usable, ln.broken, ln.shortfall] for ln in lines]
        return xlsx.response(
            xlsx.workbook(
                _("Equipment review of %(commune)s") % {"commune": commune.name},
                headers,
                body,
                [30, 20, 10, 10, 14, 10],
            ),
            "ra-soat-trang-thiet-bi.xlsx",
        )
    units = _units(request.user, commune)
    manage = can(request.user, "oversight.equipment.manage") and units.exists()
    if manage and form is None:
        form = InventoryForm(units=units, initial={"year": timezone.localdate().year})
    inventory = within(InventoryItem.objects.visible_to(request.user), commune.path).select_related(
        "organization"
    )
    names = {code: row[0] for code, row in norms().items()}
    inventory = list(inventory)
    for found in inventory:
        found.norm_name = names.get(found.item, found.item)
    return render(
        request,
        "oversight/equipment_commune.html",
        {
            "commune": commune,
            "lines": lines,
            "form": form if manage else None,
            "inventory": inventory,
        },
        status=status,
    )


@require_POST
def equipment_add(request, pk: int):
    require(request.user, "oversight.equipment.manage")
    commune = get_object_or_404(_communes(request.user), pk=pk)
    units = _units(request.user, commune)
    form = InventoryForm(request.POST, units=units)
    if not form.is_valid():
        return _commune_page(request, commune, form, 400)
    try:
        add_inventory_item(request.user, **form.cleaned_data)
    except OversightError as error:
        form.add_error(None, error.message)
        return _commune_page(request, commune, form, 400)
    messages.success(request, _("Equipment recorded."))
    return redirect("oversight:equipment_commune", pk=commune.pk)


def _units(user, commune: Organization):
    """The units of the commune the user may record equipment for."""
    return writable_orgs(Organization.objects.subtree(commune), user)
