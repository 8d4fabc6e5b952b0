"""Commendation, discipline and personnel decisions, and what they mean for classification."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.cadre.errors import CadreError
from canbo.cadre.models import PersonnelDecision
from canbo.cadre.models.records import DISCIPLINE_KINDS, DecisionKind
from canbo.core import audit

# The override code canbo.scoring.OVERRIDES knows for "disciplined, reprimand or heavier".
DISCIPLINE_OVERRIDE = "discipline"
_FIELDS = ["kind", "decision_number", "decision_date", "issuing_authority", "reason",
           "in_public_duties"]


def _disciplined(year: int):
    # Every discipline form of the Law on Cadres and Civil Servants is reprimand or heavier.
    return PersonnelDecision.objects.filter(
        kind__in=DISCIPLINE_KINDS, in_public_duties=True, decision_date__year=year)


def classification_overrides(person, year: int) -> list[str]:
    """Overrides to feed canbo.scoring.classify for the person's classification of `year`."""
    disciplined = _disciplined(year).filter(person=person).exists()
    return [DISCIPLINE_OVERRIDE] if disciplined else []


def overrides_by_person(year: int, person_ids) -> dict[int, list[str]]:
    """The same overrides for many people at once (annual classification of a province)."""
    ids = _disciplined(year).filter(person_id__in=list(person_ids)).values_list(
        "person_id", flat=True)
    return {person_id: [DISCIPLINE_OVERRIDE] for person_id in ids}


@transaction.atomic
def record_decision(actor, person, kind: str, decision_number: str, decision_date: date,
                    issuing_authority: str, reason: str = "",
                    in_public_duties: bool = False) -> PersonnelDecision:
    if kind not in DecisionKind.values:
        raise CadreError(_("Unknown decision kind: %(kind)s.") % {"kind": kind})
    if not decision_number.strip() or not issuing_authority.strip():
        raise CadreError(_("The decision number and the issuing authority are required."))
    if in_public_duties and kind not in DISCIPLINE_KINDS:
        in_public_duties = False  # only a discipline is "for a violation in public duties"
    decision = PersonnelDecision.objects.create(
        person=person, kind=kind, decision_number=decision_number.strip(),
        decision_date=decision_date, issuing_authority=issuing_authority.strip(),
        reason=reason, in_public_duties=in_public_duties,
    )
    audit.record(actor, "cadre.record_decision", decision, after=audit.snapshot(decision, _FIELDS),
                 reason=reason)
    return decision
