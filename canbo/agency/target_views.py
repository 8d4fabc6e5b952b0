"""The province's targets (agency.manage_indicators): the communes × the year's indicators,
entered in one post, and the same table as .xlsx."""

from io import BytesIO

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from openpyxl import Workbook

from canbo.agency import evaluations, targets
from canbo.agency.errors import AgencyError, FieldErrors
from canbo.agency.models import Target
from canbo.agency.scope import checked_year
from canbo.core import xlsx
from canbo.core.access import require, visible_agency_rows
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization


def _target_communes(user) -> list[Organization]:
    return list(
        visible_agency_rows(
            Organization.objects.filter(kind__in=COMMUNE_KINDS), user, "path"
        ).order_by("path")
    )


def _target_values(user, found) -> dict:
    """{(indicator pk, commune pk): target} of the indicators shown."""
    return {
        (t.indicator_id, t.organization_id): t.value
        for t in Target.objects.visible_to(user).filter(indicator__in=found)
    }


def table(request, year: int):
    """The communes × the year's indicators: each commune's target, entered in one post,
    all or nothing (a wrong cell refuses the whole table, with its error beside it)."""
    require(request.user, "agency.manage_indicators")
    year = checked_year(year)
    current = evaluations.active_indicator_set(year)
    communes = _target_communes(request.user)
    found = list(current.indicators.all()) if current is not None else []
    values = _target_values(request.user, found)
    errors, status = {}, 200
    if request.method == "POST":
        if current is None:
            raise Http404
        entries = _posted(request, communes, found)
        try:
            count = targets.set_targets(request.user, current, entries)
        except FieldErrors as exc:
            messages.error(request, exc.message)
            errors, status = exc.errors, 400
            values = {**values, **{(i.pk, c.pk): raw for (i, c), raw in entries.items()}}
        except AgencyError as exc:
            messages.error(request, exc.message)
            status = 400
        else:
            messages.success(request, _("%(n)s targets saved.") % {"n": count})
            return redirect("agency:targets", year=year)
    rows = _rows(communes, found, values, errors)
    missing = sum(1 for r in rows for cell in r["cells"] if cell["value"] in ("", None))
    context = {
        "year": year,
        "current": current,
        "indicators": found,
        "rows": rows,
        "missing": missing,
        "has_errors": bool(errors),
    }
    return render(request, "agency/targets.html", context, status=status)


def _posted(request, communes, found) -> dict:
    """{(indicator, commune): raw text} of the cells in the post."""
    return {
        (i, c): request.POST.get(f"t_{i.pk}_{c.pk}", "")
        for c in communes
        for i in found
        if f"t_{i.pk}_{c.pk}" in request.POST
    }


def _rows(communes, found, values: dict, errors: dict) -> list[dict]:
    """One row per commune, one cell per indicator, with the value and error shown."""
    return [
        {
            "commune": c,
            "cells": [
                {
                    "name": f"t_{i.pk}_{c.pk}",
                    "value": values.get((i.pk, c.pk), ""),
                    "error": errors.get((i.pk, c.pk), ""),
                    "indicator": i,
                }
                for i in found
            ],
        }
        for c in communes
    ]


def table_xlsx(request, year: int):
    """The targets table as .xlsx (text cells through the one writer)."""
    require(request.user, "agency.manage_indicators")
    year = checked_year(year)
    current = evaluations.active_indicator_set(year)
    if current is None:
        raise Http404
    found = list(current.indicators.all())
    communes = _target_communes(request.user)
    values = _target_values(request.user, found)
    book = Workbook()
    sheet = book.active
    sheet.title = _("Targets")
    xlsx.append(sheet, [_("Commune")] + [f"{i.name} ({i.unit})" for i in found])
    for commune in communes:
        xlsx.append(
            sheet,
            # the stored decimals as they are: openpyxl writes a Decimal's digits
            [commune.name] + [values.get((i.pk, commune.pk)) for i in found],
        )
    out = BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"chi-tieu-{year}-v{current.version}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
