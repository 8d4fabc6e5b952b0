"""The province's indicator set of the year (agency.manage_indicators): the set in force, its
earlier versions, and the forms that create it, add an indicator or change one."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from canbo.agency import evaluations, indicators
from canbo.agency.errors import AgencyError
from canbo.agency.inputs import EDITABLE
from canbo.agency.models import Direction, Indicator, IndicatorSet, SetStatus
from canbo.agency.scope import checked_year
from canbo.core.access import require


def _set_history(year: int) -> list[IndicatorSet]:
    return list(
        IndicatorSet.objects.filter(year=year).prefetch_related("indicators").order_by("-version")
    )


def indicator_set(request, year: int):
    """The year's indicator set in force, its earlier versions, and the add/edit forms."""
    require(request.user, "agency.manage_indicators")
    return _render_set(request, checked_year(year), {})


def _render_set(request, year: int, form=None, error: str = "", status: int = 200):
    history = _set_history(year)
    current = next((s for s in history if s.status == SetStatus.ACTIVE), None)
    form = form or {}
    rows = []
    for i in current.indicators.all() if current is not None else []:
        values = {k: getattr(i, k) for k in EDITABLE}
        mine = form.get("indicator") == str(i.pk)
        rows.append({"indicator": i, "values": form if mine else values, "error": mine})
    adding = not form.get("indicator")
    context = {
        "year": year,
        "current": current,
        "rows": rows,
        "add": form
        if adding and form
        else {"direction": Direction.HIGHER, "full_ratio": "1", "zero_ratio": "0.5"},
        "add_error": error if adding else "",
        "earlier": [s for s in history if s is not current],
        "has_actuals": current is not None and indicators.has_actuals(current),
        "directions": Direction.choices,
        "error": error,
    }
    return render(request, "agency/indicator_set.html", context, status=status)


@require_POST
def indicator_save(request, year: int):
    """Create the year's set, add an indicator, or change one: through the services; a change
    after actuals were entered makes a new version (only when the officer confirms it)."""
    require(request.user, "agency.manage_indicators")
    year = checked_year(year)
    post = request.POST
    fields = {k: post.get(k, "").strip() for k in EDITABLE}
    try:
        old_version, saved = _save_indicator(request, year, fields)
    except AgencyError as exc:
        form = {
            **fields,
            "indicator": post.get("indicator", ""),
            "set_name": post.get("set_name", ""),
        }
        return _render_set(request, year, form, exc.message, status=400)
    new_version = saved.indicator_set.version
    if old_version is not None and new_version != old_version:
        messages.success(
            request,
            _(
                "Communes had entered actuals against version %(old)s, so version %(new)s "
                "was created; version %(old)s and its actuals are kept."
            )
            % {"old": old_version, "new": new_version},
        )
    else:
        messages.success(request, _("Saved."))
    return redirect("agency:indicator_set", year=year)


def _save_indicator(request, year: int, fields: dict) -> tuple[int | None, Indicator]:
    """The indicator saved, and the version of the set before (None when the set is new)."""
    post = request.POST
    confirm = post.get("new_version") == "1"
    raw_pk = post.get("indicator", "")
    current = evaluations.active_indicator_set(year)
    if raw_pk:
        indicator = get_object_or_404(
            Indicator, pk=int(raw_pk) if raw_pk.isdigit() else 0, indicator_set=current
        )
        return current.version, indicators.revise_indicator(
            request.user, indicator, fields, confirm
        )
    if current is None:
        set_name = post.get("set_name", "").strip()
        if not set_name:
            raise AgencyError(_("Give the indicator set a name."))
        created = indicators.create_indicator_set(request.user, year, set_name, [fields])
        return None, created.indicators.get()
    return current.version, indicators.add_indicator(request.user, current, fields, confirm)
