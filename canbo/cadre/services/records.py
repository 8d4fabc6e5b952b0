"""Commendation, discipline and personnel decisions, and what they mean for classification."""

from collections import defaultdict
from datetime import date

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from canbo.cadre import clock
from canbo.cadre.errors import CadreError
from canbo.cadre.models import Conclusion, ConclusionKind, PersonnelDecision
from canbo.cadre.models.records import DISCIPLINE_KINDS, DecisionKind
from canbo.cadre.scope import people_of
from canbo.core import audit
from canbo.core.access import can
from canbo.core.text import nfc
from canbo.scoring import OVERRIDES

# The override code canbo.scoring.OVERRIDES knows for "disciplined, reprimand or heavier".
DISCIPLINE_OVERRIDE = "discipline"
_CONCLUSION_FIELDS = ["person", "kind", "issuer", "number", "date", "content"]
_FIELDS = [
    "kind",
    "decision_number",
    "decision_date",
    "issuing_authority",
    "reason",
    "in_public_duties",
]


def _disciplined(year: int):
    # Every discipline form of the Law on Cadres and Civil Servants is reprimand or heavier.
    return PersonnelDecision.objects.filter(
        kind__in=DISCIPLINE_KINDS, in_public_duties=True, decision_date__year=year
    )


def override_details(year: int, person_ids) -> dict[int, list[dict]]:
    """Per person, the decisions behind each override of `year`: dicts of code, number, date,
    issuer, in the order of canbo.scoring.OVERRIDES then by date. A unit handled for
    corruption or waste counts only for a person holding a leader title."""
    # a queryset stays a subquery; any other iterable becomes a list of ids
    ids = person_ids if isinstance(person_ids, QuerySet) else list(person_ids)
    details = defaultdict(list)
    for row in (
        _disciplined(year)
        .filter(person_id__in=ids)
        .values("person_id", "decision_number", "decision_date", "issuing_authority")
    ):
        details[row["person_id"]].append(
            {
                "code": DISCIPLINE_OVERRIDE,
                "number": row["decision_number"],
                "date": row["decision_date"],
                "issuer": row["issuing_authority"],
            }
        )
    for row in Conclusion.objects.filter(date__year=year, person_id__in=ids).values(
        "person_id", "kind", "number", "date", "issuer", "person__title__is_leader"
    ):
        if row["kind"] == ConclusionKind.CORRUPTION_IN_UNIT and not row["person__title__is_leader"]:
            continue
        details[row["person_id"]].append(
            {
                "code": row["kind"],
                "number": row["number"],
                "date": row["date"],
                "issuer": row["issuer"],
            }
        )
    order = list(OVERRIDES)
    return {
        person_id: sorted(rows, key=lambda r: (order.index(r["code"]), r["date"]))
        for person_id, rows in details.items()
    }


def overrides_by_person(year: int, person_ids) -> dict[int, list[str]]:
    """The override codes for many people at once (annual classification of a province)."""
    return {
        person_id: list(dict.fromkeys(row["code"] for row in rows))
        for person_id, rows in override_details(year, person_ids).items()
    }


def classification_overrides(person, year: int) -> list[str]:
    """Overrides to feed canbo.scoring.classify for the person's classification of `year`."""
    return overrides_by_person(year, [person.pk]).get(person.pk, [])


@transaction.atomic
def record_decision(
    actor,
    person,
    kind: str,
    decision_number: str,
    decision_date: date,
    issuing_authority: str,
    reason: str = "",
    in_public_duties: bool = False,
) -> PersonnelDecision:
    if kind not in DecisionKind.values:
        raise CadreError(_("Unknown decision kind: %(kind)s.") % {"kind": kind})
    if not decision_number.strip() or not issuing_authority.strip():
        raise CadreError(_("The decision number and the issuing authority are required."))
    if in_public_duties and kind not in DISCIPLINE_KINDS:
        in_public_duties = False  # only a discipline is "for a violation in public duties"
    decision = PersonnelDecision.objects.create(
        person=person,
        kind=kind,
        decision_number=decision_number.strip(),
        decision_date=decision_date,
        issuing_authority=issuing_authority.strip(),
        reason=reason,
        in_public_duties=in_public_duties,
    )
    audit.record(
        actor,
        "cadre.record_decision",
        decision,
        after=audit.snapshot(decision, _FIELDS),
        reason=reason,
    )
    return decision


@transaction.atomic
def record_conclusion(
    actor, person, kind: str, issuer: str, number: str, date: date, content: str
) -> Conclusion:
    """Record a competent authority's conclusion (degradation; corruption in a leader's unit)."""
    if not can(actor, "cadre.manage") or not people_of(actor).filter(pk=person.pk).exists():
        raise CadreError(_("You may not record conclusions for this civil servant."))
    issuer, number, content = nfc(issuer or ""), nfc(number or ""), nfc(content or "")
    if kind not in ConclusionKind.values:
        raise CadreError(_("Unknown kind of conclusion: %(kind)s.") % {"kind": kind})
    if not (issuer and number and content):
        raise CadreError(_("The issuing authority, the number and the content are required."))
    if date > clock.today():
        raise CadreError(_("The date of the conclusion cannot be in the future."))
    conclusion = Conclusion.objects.create(
        person=person,
        kind=kind,
        issuer=issuer,
        number=number,
        date=date,
        content=content,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor,
        "cadre.record_conclusion",
        conclusion,
        after=audit.snapshot(conclusion, _CONCLUSION_FIELDS),
        reason=content,
    )
    return conclusion
