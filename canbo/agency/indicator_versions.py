"""A new version of an indicator set, made when the set changes after communes entered
actuals: the old version is kept (superseded, with its actuals), the targets are carried
over, and so are the actuals of every indicator whose meaning did not change."""

from django.utils.translation import gettext as _

from canbo.agency.inputs import EDITABLE
from canbo.agency.models import (
    Actual,
    AgencyEvaluation,
    EvaluationStatus,
    Indicator,
    IndicatorSet,
    SetStatus,
    Target,
)
from canbo.core import audit

MEANING = ("name", "unit", "direction")  # a change here makes the old actuals meaningless


def attach_set(indicator_set: IndicatorSet) -> None:
    """Evaluations of the year not yet published use the set in force."""
    (
        AgencyEvaluation.objects.filter(year=indicator_set.year)
        .exclude(status=EvaluationStatus.PUBLISHED)
        .update(indicator_set=indicator_set)
    )


def make_version(
    actor, old: IndicatorSet, changed: Indicator | None, fields: dict, reason: str = ""
):
    old.status = SetStatus.SUPERSEDED
    old.save(update_fields=["status"])
    new = IndicatorSet.objects.create(
        year=old.year,
        version=old.version + 1,
        name=old.name,
        description=old.description,
        previous=old,
    )
    result = None
    for indicator in old.indicators.all():
        is_changed = changed is not None and indicator.pk == changed.pk
        values = fields if is_changed else {k: getattr(indicator, k) for k in EDITABLE}
        meaning_changed = is_changed and any(values[k] != getattr(indicator, k) for k in MEANING)
        copy = _copy_indicator(new, indicator, values, keep_actuals=not meaning_changed)
        if is_changed:
            result = copy
    attach_set(new)
    audit.record(
        actor,
        "agency.new_indicator_version",
        new,
        {"version": old.version},
        {"version": new.version},
        reason=_("Changed after actuals were entered: %(name)s")
        % {"name": changed.name if changed is not None else reason},
    )
    return result if changed is not None else new


def _copy_indicator(new: IndicatorSet, indicator: Indicator, values: dict, keep_actuals: bool):
    """The indicator in the new version, with its targets (and its actuals, when kept)."""
    copy = Indicator.objects.create(
        indicator_set=new,
        code=indicator.code,
        order=indicator.order,
        **{k: values[k] for k in EDITABLE},
    )
    Target.objects.bulk_create(
        [
            Target(indicator=copy, organization_id=t.organization_id, value=t.value)
            for t in indicator.targets.all()
        ]
    )
    if keep_actuals:
        Actual.objects.bulk_create([_copy_actual(a, copy) for a in indicator.actuals.all()])
    return copy


def _copy_actual(actual: Actual, indicator: Indicator) -> Actual:
    return Actual(
        indicator=indicator,
        organization_id=actual.organization_id,
        value=actual.value,
        source=actual.source,
        evidence=actual.evidence,
        evidence_file=actual.evidence_file.name,
        status=actual.status,
        entered_by_id=actual.entered_by_id,
        reviewed_by_id=actual.reviewed_by_id,
        reviewed_at=actual.reviewed_at,
        review_note=actual.review_note,
    )
