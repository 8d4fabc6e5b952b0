"""The province's socio-economic indicator sets: created, revised, extended (the communes'
targets are in `targets`, their actuals in `actuals`).

A set that communes have already entered actuals against is never rewritten: a change makes a
new version (the old one is kept, superseded, with its actuals); the communes' targets and the
actuals of indicators whose meaning did not change are carried over.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.agency.errors import AgencyError
from canbo.agency.indicator_versions import attach_set, make_version
from canbo.agency.inputs import EDITABLE, check_indicator
from canbo.agency.models import Actual, Indicator, IndicatorSet, SetStatus
from canbo.agency.steps import require_capability
from canbo.core import audit


@transaction.atomic
def create_indicator_set(
    actor, year: int, name: str, indicators: list[dict], description: str = ""
) -> IndicatorSet:
    require_capability(actor, "agency.manage_indicators")
    if IndicatorSet.objects.filter(year=year, status=SetStatus.ACTIVE).exists():
        raise AgencyError(
            _("The year %(year)s already has an indicator set: revise it.") % {"year": year}
        )
    if not indicators:
        raise AgencyError(_("An indicator set needs at least one indicator."))
    checked = [check_indicator(i) for i in indicators]
    version = (
        IndicatorSet.objects.filter(year=year)
        .order_by("-version")
        .values_list("version", flat=True)
        .first()
        or 0
    ) + 1
    indicator_set = IndicatorSet.objects.create(
        year=year, version=version, name=name, description=description
    )
    for order, fields in enumerate(checked):
        Indicator.objects.create(
            indicator_set=indicator_set,
            order=order,
            code=fields.get("code") or f"CT{order + 1}",
            **{k: fields[k] for k in EDITABLE if k in fields},
        )
    attach_set(indicator_set)
    audit.record(
        actor,
        "agency.create_indicator_set",
        indicator_set,
        after={"name": name, "year": year, "indicators": len(checked)},
    )
    return indicator_set


@transaction.atomic
def revise_indicator(
    actor, indicator: Indicator, changes: dict, new_version: bool = False
) -> Indicator:
    """Change an indicator; once actuals exist, only as a new version of the whole set."""
    require_capability(actor, "agency.manage_indicators")
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    indicator_set = indicator.indicator_set
    if indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _("This version of the indicator set is superseded: revise the one in force.")
        )
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise AgencyError(_("Unknown fields: %(names)s.") % {"names": ", ".join(unknown)})
    fields = check_indicator({**{k: getattr(indicator, k) for k in EDITABLE}, **changes})
    if all(fields[k] == getattr(indicator, k) for k in EDITABLE):
        return indicator  # nothing changed: no write, and never a new version for nothing
    if not has_actuals(indicator_set):
        before = audit.snapshot(indicator, list(EDITABLE))
        for name in EDITABLE:
            setattr(indicator, name, fields[name])
        indicator.save()
        audit.record(
            actor,
            "agency.revise_indicator",
            indicator,
            before,
            audit.snapshot(indicator, list(EDITABLE)),
        )
        return indicator
    if not new_version:
        raise _version_refused(indicator_set)
    return make_version(actor, indicator_set, indicator, fields)


def has_actuals(indicator_set: IndicatorSet) -> bool:
    """Whether communes have entered actuals against this version (a change makes a new one)."""
    return Actual.objects.filter(indicator__indicator_set=indicator_set).exists()


def _version_refused(indicator_set: IndicatorSet) -> AgencyError:
    return AgencyError(
        _(
            "Communes have already entered actuals against “%(set)s” (version %(v)s): it "
            "cannot be changed in place. Confirm to create version %(next)s; the current "
            "version and its actuals are kept."
        )
        % {
            "set": indicator_set.name,
            "v": indicator_set.version,
            "next": indicator_set.version + 1,
        }
    )


@transaction.atomic
def add_indicator(
    actor, indicator_set: IndicatorSet, fields: dict, new_version: bool = False
) -> Indicator:
    """Add an indicator to the set in force; once actuals exist, only as a new version of the
    whole set (the other indicators, their targets and actuals are carried over)."""
    require_capability(actor, "agency.manage_indicators")
    indicator_set = IndicatorSet.objects.select_for_update().get(pk=indicator_set.pk)
    if indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _("This version of the indicator set is superseded: revise the one in force.")
        )
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise AgencyError(_("Unknown fields: %(names)s.") % {"names": ", ".join(unknown)})
    checked = check_indicator(fields)
    if has_actuals(indicator_set):
        if not new_version:
            raise _version_refused(indicator_set)
        new = make_version(actor, indicator_set, None, {}, reason=checked["name"])
        return _append_indicator(actor, new, checked)
    return _append_indicator(actor, indicator_set, checked)


def _append_indicator(actor, indicator_set: IndicatorSet, fields: dict) -> Indicator:
    existing = list(indicator_set.indicators.values_list("code", "order"))
    codes = {code for code, _order in existing}
    order = max((o for _code, o in existing), default=-1) + 1
    number = len(existing) + 1
    while f"CT{number}" in codes:
        number += 1
    indicator = Indicator.objects.create(
        indicator_set=indicator_set,
        order=order,
        code=f"CT{number}",
        **{k: fields[k] for k in EDITABLE if k in fields},
    )
    audit.record(
        actor,
        "agency.add_indicator",
        indicator,
        after=audit.snapshot(indicator, list(EDITABLE)),
        reason=f"{indicator_set}",
    )
    return indicator
