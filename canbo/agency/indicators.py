"""The province's socio-economic indicator sets, each commune's targets and actuals.

A set that communes have already entered actuals against is never rewritten: a change makes a
new version (the old one is kept, superseded, with its actuals); the communes' targets and the
actuals of indicators whose meaning did not change are carried over.
"""

from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.agency.errors import AgencyError, FieldErrors
from canbo.agency.models import (
    Actual,
    ActualStatus,
    AgencyEvaluation,
    Direction,
    EvaluationStatus,
    Indicator,
    IndicatorSet,
    SetStatus,
    Target,
)
from canbo.core import audit
from canbo.core.access import can, visible_agency_rows
from canbo.org.models import Organization

EVIDENCE_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".doc", ".xls")
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024
EDITABLE = ("name", "unit", "direction", "max_points", "full_ratio", "zero_ratio")
MEANING = ("name", "unit", "direction")  # a change here makes the old actuals meaningless


def _require(user, capability: str) -> None:
    if user is not None and not can(user, capability):
        raise AgencyError(_("You are not allowed to do this."))


def _number(raw, what: str) -> Decimal:
    text = str(raw if raw is not None else "").strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")  # Vietnamese 1.234,5
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise AgencyError(
            _("%(what)s: “%(value)s” is not a number.") % {"what": what, "value": raw}
        ) from None
    if not value.is_finite() or abs(value) >= Decimal(10) ** 14:
        raise AgencyError(
            _("%(what)s: “%(value)s” is not a number.") % {"what": what, "value": raw}
        )
    return value.quantize(Decimal("0.01"))


def _check_indicator(fields: dict) -> dict:
    if not str(fields.get("name", "")).strip() or not str(fields.get("unit", "")).strip():
        raise AgencyError(_("An indicator needs a name and a unit."))
    if fields.get("direction", Direction.HIGHER) not in Direction.values:
        raise AgencyError(_("The direction must be “higher is better” or “lower is better”."))
    most = _number(fields.get("max_points", 0), _("Maximum points"))
    full = _number(fields.get("full_ratio", 1), _("Ratio for full points"))
    zero = _number(fields.get("zero_ratio", "0.5"), _("Ratio for no points"))
    if most <= 0:
        raise AgencyError(_("The maximum points of an indicator must be above 0."))
    if not 0 <= zero < full:
        raise AgencyError(
            _("The ratio for no points must be at least 0 and below the ratio for full points.")
        )
    return {**fields, "max_points": most, "full_ratio": full, "zero_ratio": zero}


@transaction.atomic
def create_indicator_set(
    actor, year: int, name: str, indicators: list[dict], description: str = ""
) -> IndicatorSet:
    _require(actor, "agency.manage_indicators")
    if IndicatorSet.objects.filter(year=year, status=SetStatus.ACTIVE).exists():
        raise AgencyError(
            _("The year %(year)s already has an indicator set: revise it.") % {"year": year}
        )
    if not indicators:
        raise AgencyError(_("An indicator set needs at least one indicator."))
    checked = [_check_indicator(i) for i in indicators]
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
    _attach(indicator_set)
    audit.record(
        actor,
        "agency.create_indicator_set",
        indicator_set,
        after={"name": name, "year": year, "indicators": len(checked)},
    )
    return indicator_set


def _attach(indicator_set: IndicatorSet) -> None:
    """Evaluations of the year not yet published use the set in force."""
    (
        AgencyEvaluation.objects.filter(year=indicator_set.year)
        .exclude(status=EvaluationStatus.PUBLISHED)
        .update(indicator_set=indicator_set)
    )


@transaction.atomic
def revise_indicator(
    actor, indicator: Indicator, changes: dict, new_version: bool = False
) -> Indicator:
    """Change an indicator; once actuals exist, only as a new version of the whole set."""
    _require(actor, "agency.manage_indicators")
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    indicator_set = indicator.indicator_set
    if indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _("This version of the indicator set is superseded: revise the one in force.")
        )
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise AgencyError(_("Unknown fields: %(names)s.") % {"names": ", ".join(unknown)})
    fields = _check_indicator({**{k: getattr(indicator, k) for k in EDITABLE}, **changes})
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
    return _new_version(actor, indicator_set, indicator, fields)


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
    _require(actor, "agency.manage_indicators")
    indicator_set = IndicatorSet.objects.select_for_update().get(pk=indicator_set.pk)
    if indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _("This version of the indicator set is superseded: revise the one in force.")
        )
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise AgencyError(_("Unknown fields: %(names)s.") % {"names": ", ".join(unknown)})
    checked = _check_indicator(fields)
    if has_actuals(indicator_set):
        if not new_version:
            raise _version_refused(indicator_set)
        new = _new_version(actor, indicator_set, None, {}, reason=checked["name"])
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


def _new_version(
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
        meaning_changed = is_changed and any(values[k] != getattr(indicator, k) for k in MEANING)
        if not meaning_changed:
            Actual.objects.bulk_create([_copy_actual(a, copy) for a in indicator.actuals.all()])
        if is_changed:
            result = copy
    _attach(new)
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


def _commune_in_scope(actor, commune: Organization) -> None:
    if actor is None:
        return
    if not visible_agency_rows(Organization.objects.filter(pk=commune.pk), actor, "path"):
        raise AgencyError(_("This commune is outside your scope."))


@transaction.atomic
def set_target(actor, indicator: Indicator, commune: Organization, raw) -> Target:
    _require(actor, "agency.manage_indicators")
    if indicator.indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _("This version of the indicator set is superseded: revise the one in force.")
        )
    value = _number(raw, _("Target of %(name)s") % {"name": indicator.name})
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
    value = _number(raw, _("Target of %(name)s") % {"name": indicator.name})
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
    _require(actor, "agency.manage_indicators")
    if indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _("This version of the indicator set is superseded: revise the one in force.")
        )
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
    if errors:
        raise FieldErrors(
            _("%(n)s targets are wrong: nothing was saved. Correct them and save again.")
            % {"n": len(errors)},
            errors,
        )
    for indicator, commune, value in changes:
        set_target(actor, indicator, commune, value)
    return len(changes)


def check_evidence_file(upload) -> None:
    if upload is None:
        return
    if Path(upload.name).suffix.lower() not in EVIDENCE_TYPES:
        raise AgencyError(
            _("The evidence file must be a PDF, an image (JPG, PNG), a Word or an Excel file.")
        )
    if upload.size > EVIDENCE_MAX_BYTES:
        raise AgencyError(_("The evidence file is larger than 5 MB."))
    if upload.size == 0:
        raise AgencyError(_("The evidence file is empty."))


@transaction.atomic
def enter_actual(
    actor,
    indicator: Indicator,
    commune: Organization,
    raw,
    source: str,
    evidence: str,
    evidence_file=None,
) -> Actual:
    """A commune's actual for an indicator, with its source and evidence (re-entry allowed
    until the province accepts it)."""
    _require(actor, "agency.enter_actuals")
    _commune_in_scope(actor, commune)
    name = indicator.name
    if indicator.indicator_set.status != SetStatus.ACTIVE:
        raise AgencyError(
            _(
                "This version of the indicator set is superseded: enter the actual "
                "in the version in force."
            )
        )
    if not Target.objects.filter(indicator=indicator, organization=commune).exists():
        raise AgencyError(
            _(
                "%(name)s: the province has not assigned a target to %(commune)s "
                "yet; the actual cannot be entered."
            )
            % {"name": name, "commune": commune.name}
        )
    value = _number(raw, _("Actual of %(name)s") % {"name": name})
    source, evidence = (source or "").strip(), (evidence or "").strip()
    if not source:
        raise AgencyError(_("%(name)s: give the source of the figure.") % {"name": name})
    if not evidence and evidence_file is None:
        raise AgencyError(
            _("%(name)s: an actual needs its evidence (document number or a file).")
            % {"name": name}
        )
    check_evidence_file(evidence_file)
    actual = (
        Actual.objects.select_for_update().filter(indicator=indicator, organization=commune).first()
    )
    if actual is not None and actual.status == ActualStatus.ACCEPTED:
        raise AgencyError(
            _(
                "%(name)s: the province has already accepted the actual; it can no "
                "longer be changed."
            )
            % {"name": name}
        )
    before = audit.snapshot(actual, ["value", "source", "evidence", "status"]) if actual else {}
    actual = actual or Actual(indicator=indicator, organization=commune)
    actual.value, actual.source, actual.evidence = value, source, evidence
    actual.status, actual.entered_by = ActualStatus.ENTERED, _user(actor)
    if evidence_file is not None:
        actual.evidence_file = evidence_file
    actual.save()
    audit.record(
        actor,
        "agency.enter_actual",
        actual,
        before,
        audit.snapshot(actual, ["value", "source", "evidence", "status"]),
        reason=f"{commune.name}: {name}",
    )
    return actual


@transaction.atomic
def review_actual(actor, actual: Actual, accept: bool, note: str = "") -> Actual:
    _require(actor, "agency.manage_indicators")
    actual = Actual.objects.select_for_update().get(pk=actual.pk)
    note = (note or "").strip()
    if not accept and not note:
        raise AgencyError(_("Give the reason for rejecting the actual."))
    before = audit.snapshot(actual, ["status", "review_note"])
    actual.status = ActualStatus.ACCEPTED if accept else ActualStatus.REJECTED
    actual.review_note, actual.reviewed_by = note, _user(actor)
    actual.reviewed_at = timezone.now()
    actual.save()
    audit.record(
        actor,
        "agency.review_actual",
        actual,
        before,
        audit.snapshot(actual, ["status", "review_note"]),
        reason=note,
    )
    return actual


def _user(actor):
    return actor if getattr(actor, "pk", None) else None
