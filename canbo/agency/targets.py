"""The province's targets for each commune and indicator of the set in force: one at a time,
or a whole table at once, all or nothing."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.agency.errors import AgencyError, FieldErrors
from canbo.agency.inputs import parse_number
from canbo.agency.models import Direction, Indicator, IndicatorSet, SetStatus, Target
from canbo.agency.steps import require_capability
from canbo.core import audit
from canbo.org.models import Organization


@transaction.atomic
def set_target(actor, indicator: Indicator, commune: Organization, raw) -> Target:
    require_capability(actor, "agency.manage_indicators")
    if indicator.indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _("This version of the indicator set is superseded: revise the one in force.")
        )
    value = parse_number(raw, _("Target of %(name)s") % {"name": indicator.name})
    before_row = Target.objects.filter(indicator=indicator, organization=commune).first()
    before = audit.snapshot(before_row, ["value"]) if before_row else {}
    target, _created = Target.objects.update_or_create(
        indicator=indicator, organization=commune, defaults={"value": value}
    )
    audit.record(
        actor,
        "agency.set_target",
        target,
        before,
        audit.snapshot(target, ["value"]),
        reason=f"{commune.name}: {indicator.name}",
    )
    return target


def _target_value(indicator: Indicator, raw) -> Decimal:
    value = parse_number(raw, _("Target of %(name)s") % {"name": indicator.name})
    if value < 0:
        raise AgencyError(_("A target cannot be negative."))
    if value == 0 and indicator.direction == Direction.HIGHER:
        raise AgencyError(_("When higher is better, the target must be above 0."))
    return value


@transaction.atomic
def set_targets(actor, indicator_set: IndicatorSet, entries: dict) -> int:
    """Targets of many communes at once, all or nothing.

    `entries` maps (indicator, commune) to the raw text entered; a blank leaves a commune
    without a target but cannot remove one already assigned. Every refused input is reported
    (FieldErrors keyed by (indicator pk, commune pk)) and then nothing is written. Returns the
    number of targets written (unchanged ones are not rewritten)."""
    require_capability(actor, "agency.manage_indicators")
    if indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _("This version of the indicator set is superseded: revise the one in force.")
        )
    errors, changes = _target_changes(indicator_set, entries)
    if errors:
        raise FieldErrors(
            _("%(n)s targets are wrong: nothing was saved. Correct them and save again.")
            % {"n": len(errors)},
            errors,
        )
    for indicator, commune, value in changes:
        set_target(actor, indicator, commune, value)
    return len(changes)


def _target_changes(indicator_set: IndicatorSet, entries: dict) -> tuple[dict, list]:
    """The errors of the cells refused, and the (indicator, commune, value) that change."""
    current = {
        (t.indicator_id, t.organization_id): t.value
        for t in Target.objects.filter(indicator__indicator_set=indicator_set)
    }
    errors, changes = {}, []
    for (indicator, commune), raw in entries.items():
        if indicator.indicator_set_id != indicator_set.pk:
            raise AgencyError(_("This indicator is not in the set in force."))
        key = (indicator.pk, commune.pk)
        if not str(raw if raw is not None else "").strip():
            if key in current:
                errors[key] = _("An assigned target cannot be removed; enter a number.")
            continue
        try:
            value = _target_value(indicator, raw)
        except AgencyError as exc:
            errors[key] = exc.message
            continue
        if current.get(key) != value:
            changes.append((indicator, commune, value))
    return errors, changes
