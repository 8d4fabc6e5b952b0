"""Each commune's actuals of the indicators, with their source and evidence, and the
province's check of them (accepted or rejected with a reason)."""

from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.agency.errors import AgencyError
from canbo.agency.inputs import parse_number
from canbo.agency.models import Actual, ActualStatus, Indicator, SetStatus, Target
from canbo.agency.steps import acting_user, require_capability
from canbo.core import audit
from canbo.core.access import visible_agency_rows
from canbo.org.models import Organization

EVIDENCE_TYPES = (".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".doc", ".xls")
EVIDENCE_MAX_BYTES = 5 * 1024 * 1024


def _commune_in_scope(actor, commune: Organization) -> None:
    if actor is None:
        return
    if not visible_agency_rows(Organization.objects.filter(pk=commune.pk), actor, "path"):
        raise AgencyError(_("This commune is outside your scope."))


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
    require_capability(actor, "agency.enter_actuals")
    _commune_in_scope(actor, commune)
    name = indicator.name
    _check_enterable(indicator, commune)
    value, source, evidence = _checked_entry(name, raw, source, evidence, evidence_file)
    actual = _open_actual(indicator, commune)
    before = audit.snapshot(actual, ["value", "source", "evidence", "status"]) if actual else {}
    actual = actual or Actual(indicator=indicator, organization=commune)
    actual.value, actual.source, actual.evidence = value, source, evidence
    actual.status, actual.entered_by = ActualStatus.ENTERED, acting_user(actor)
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


def _check_enterable(indicator: Indicator, commune: Organization) -> None:
    """Actuals go only to the set in force, against a target the province assigned."""
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
            % {"name": indicator.name, "commune": commune.name}
        )


def _checked_entry(name: str, raw, source: str, evidence: str, evidence_file):
    """The value, source and evidence entered, checked: (value, source, evidence)."""
    value = parse_number(raw, _("Actual of %(name)s") % {"name": name})
    source, evidence = (source or "").strip(), (evidence or "").strip()
    if not source:
        raise AgencyError(_("%(name)s: give the source of the figure.") % {"name": name})
    if not evidence and evidence_file is None:
        raise AgencyError(
            _("%(name)s: an actual needs its evidence (document number or a file).")
            % {"name": name}
        )
    check_evidence_file(evidence_file)
    return value, source, evidence


def _open_actual(indicator: Indicator, commune: Organization) -> Actual | None:
    """The commune's actual, locked; refused once the province has accepted it."""
    actual = (
        Actual.objects.select_for_update().filter(indicator=indicator, organization=commune).first()
    )
    if actual is not None and actual.status == ActualStatus.ACCEPTED:
        raise AgencyError(
            _(
                "%(name)s: the province has already accepted the actual; it can no "
                "longer be changed."
            )
            % {"name": indicator.name}
        )
    return actual


@transaction.atomic
def review_actual(actor, actual: Actual, accept: bool, note: str = "") -> Actual:
    require_capability(actor, "agency.manage_indicators")
    actual = Actual.objects.select_for_update().get(pk=actual.pk)
    note = (note or "").strip()
    if not accept and not note:
        raise AgencyError(_("Give the reason for rejecting the actual."))
    before = audit.snapshot(actual, ["status", "review_note"])
    actual.status = ActualStatus.ACCEPTED if accept else ActualStatus.REJECTED
    actual.review_note, actual.reviewed_by = note, acting_user(actor)
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
