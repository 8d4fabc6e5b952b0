"""The 20 % quota on "excellent" (Art. 20), the authority's decisions and finalisation.

DOMAIN §2.3: the quota counts FINAL levels (a level decided lower than the score level
counts as that lower level), rows already finalised included; an exception decision raises
the cap to the exception rate; each commune is finalised on its own. Compute and finalise of
one commune are serialised by a row lock on the commune, so no race can break the cap.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Case, CharField, Count, F, When
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.access import can, is_own
from canbo.evaluation.choices import AnnualStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.groups import group_choices, group_label, whole_agency
from canbo.evaluation.models import AnnualResult, QuotaException
from canbo.evaluation.permissions import can_manage_periods
from canbo.evaluation.signals import annual_finalised
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.scoring import (
    LABELS,
    LEVELS,
    QuotaEntry,
    check_quota,
    exceeds_quota,
    lower_than,
    rulebook_for,
)

FINAL_LEVEL = Case(
    When(final_level="", then=F("classification")),
    default=F("final_level"),
    output_field=CharField(),
)


def communes_in(organization: Organization) -> list[Organization]:
    """The communes an organisation covers: itself, its commune, or those below it."""
    commune = organization.commune()
    if commune is not None:
        return [commune]
    return list(
        Organization.objects.subtree(organization).filter(kind__in=COMMUNE_KINDS).order_by("path")
    )


def lock_communes(organization: Organization) -> list[Organization]:
    """Serialise annual work per commune (row locks on PostgreSQL, the write lock on SQLite)."""
    ids = [c.pk for c in communes_in(organization)]
    return list(Organization.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def excepted(year: int) -> set[int]:
    """The communes allowed above the quota in the year (an exception decision)."""
    return set(QuotaException.objects.filter(year=year).values_list("organization_id", flat=True))


def quota_summary(year: int, results, exceptions: set[int] | None = None) -> dict[int, dict]:
    """Per commune: counts of FINAL levels and whether the agency or any group is over the cap,
    from counts (one query) — the margins come from `quota` for one commune at a time."""
    exceptions = excepted(year) if exceptions is None else exceptions
    rulebook = rulebook_for(date(year, 1, 1))
    agency: dict[int, dict[str, int]] = defaultdict(dict)
    groups: dict[tuple, dict[str, int]] = defaultdict(dict)
    rows = (
        results.annotate(level=FINAL_LEVEL)
        .values_list("organization_id", "task_group", "level")
        .annotate(n=Count("id"))
        .order_by()
    )
    for org_id, group, level, n in rows:
        agency[org_id][level] = agency[org_id].get(level, 0) + n
        groups[(org_id, group)][level] = groups[(org_id, group)].get(level, 0) + n
    over = {
        org
        for (org, _), counts in groups.items()
        if exceeds_quota(counts, rulebook, org in exceptions)
    }
    return {
        org: {
            "counts": counts,
            "exceeded": org in over or exceeds_quota(counts, rulebook, org in exceptions),
        }
        for org, counts in agency.items()
    }


def quota(year: int, results, exceptions: set[int] | None = None) -> dict:
    """Per commune: the report for the whole agency and per group, on final levels."""
    exceptions = excepted(year) if exceptions is None else exceptions
    by_org: dict[int, list[AnnualResult]] = defaultdict(list)
    for row in results:
        if row.level:
            by_org[row.organization_id].append(row)
    rulebook = rulebook_for(date(year, 1, 1))
    reports = {}
    for org_id, rows in by_org.items():
        entries = [
            QuotaEntry(str(r.person_id), whole_agency(), r.level, r.average or 0) for r in rows
        ]
        entries += [
            QuotaEntry(str(r.person_id), group_label(r.task_group), r.level, r.average or 0)
            for r in rows
        ]
        reports[org_id] = check_quota(entries, rulebook, exception=org_id in exceptions)
    return reports


@dataclass
class FinaliseOutcome:
    finalised: list[Organization] = field(default_factory=list)
    rows: int = 0
    refused: dict[str, str] = field(default_factory=dict)  # commune name → groups over the cap


@transaction.atomic
def finalise_annual(
    actor, year: int, organization: Organization, operator: bool = False
) -> FinaliseOutcome:
    """Finalise each commune of the subtree whose quota holds; list those over the cap. For a
    single commune over the cap, refuse with the groups named. `operator`: the server's
    command line (`canbo finalise-year`), which acts without a user."""
    if not operator and not can_manage_periods(actor):
        raise EvaluationError(_("You may not finalise the annual ratings."))
    communes = lock_communes(organization)
    outcome, exceptions = FinaliseOutcome(), excepted(year)
    for commune in communes:
        rows = list(AnnualResult.objects.filter(year=year, organization=commune))
        report = quota(year, rows, exceptions).get(commune.pk)
        if report is not None and report.exceeded:
            outcome.refused[commune.name] = " ".join(g.text for g in report.groups if g.exceeded)
            continue
        drafts = [r.pk for r in rows if r.status == AnnualStatus.DRAFT]
        AnnualResult.objects.filter(pk__in=drafts).update(
            status=AnnualStatus.FINAL, finalised_at=timezone.now()
        )
        outcome.finalised.append(commune)
        outcome.rows += len(drafts)
        audit.record(
            actor, "evaluation.finalise_annual", commune, after={"year": year, "rows": len(drafts)}
        )
        _announce(commune, year, len(drafts))
    if len(communes) == 1 and outcome.refused:
        raise EvaluationError(over_cap_message(outcome.refused))
    return outcome


def _announce(commune: Organization, year: int, count: int) -> None:
    transaction.on_commit(
        lambda: annual_finalised.send(
            sender=AnnualResult, organization=commune, year=year, count=count
        )
    )


def over_cap_message(refused: dict[str, str]) -> str:
    texts = " ".join(f"{name}: {text}" for name, text in refused.items())
    return _(
        "Over the “Excellent” quota: %(texts)s Record a lower rating decision for the "
        "people at the threshold, or an exception decision, before finalising."
    ) % {"texts": texts}


def can_decide(actor, row: AnnualResult) -> bool:
    return AnnualResult.objects.visible_to(actor).filter(pk=row.pk).exists() and may_decide(
        actor, row
    )


def may_decide(actor, row: AnnualResult) -> bool:
    """The competent authority: the commune chairman for the commune's civil servants (not
    his own row), the personnel offices; for a row the actor can already see."""
    if can(actor, "evaluation.annual.decide"):
        return not is_own(actor, row.person_id)
    return can_manage_periods(actor)


def _editable(actor, row: AnnualResult) -> AnnualResult:
    row = AnnualResult.objects.select_for_update().select_related("person").get(pk=row.pk)
    if not can_decide(actor, row):
        raise EvaluationError(_("You may not decide this person's rating."))
    if row.status == AnnualStatus.FINAL:
        raise EvaluationError(_("The annual rating is final: it cannot be changed."))
    return row


@transaction.atomic
def decide_final_level(
    actor, row: AnnualResult, level: str, reason: str, decision: str
) -> AnnualResult:
    """Record a final level LOWER than the score level (or "" to withdraw the decision)."""
    lock_communes(row.organization)
    row = _editable(actor, row)
    reason, decision = (reason or "").strip(), (decision or "").strip()
    if level and level not in LEVELS:
        raise EvaluationError(_("Rating level “%(level)s” is not valid.") % {"level": level})
    if level and not lower_than(level, row.classification):
        raise EvaluationError(
            _("The decided level must be lower than the level by score (“%(level)s”).")
            % {"level": LABELS.get(row.classification, "—")}
        )
    if level and (not reason or not decision):
        raise EvaluationError(
            _("Give the reason and the decision number when rating lower than the level by score.")
        )
    before = audit.snapshot(row, ["final_level", "final_reason", "final_decision"])
    row.final_level, row.final_reason, row.final_decision = level, reason, decision
    row.decided_by, row.decided_at = (actor, timezone.now()) if level else (None, None)
    row.save(
        update_fields=["final_level", "final_reason", "final_decision", "decided_by", "decided_at"]
    )
    audit.record(
        actor,
        "evaluation.decide_final_level",
        row,
        before,
        audit.snapshot(row, ["final_level", "final_reason", "final_decision"]),
        reason=reason or _("Lower rating decision withdrawn"),
    )
    return row


@transaction.atomic
def set_task_group(actor, row: AnnualResult, group: str, reason: str = "") -> AnnualResult:
    """A personnel officer moves a person to another group with similar tasks."""
    if not can_manage_periods(actor):
        raise EvaluationError(_("You may not set task groups."))
    lock_communes(row.organization)
    row = _editable(actor, row)
    if group not in dict(group_choices()):
        raise EvaluationError(_("Group “%(group)s” is not valid.") % {"group": group})
    before = audit.snapshot(row, ["task_group"])
    row.task_group, row.task_group_manual = group, True
    row.save(update_fields=["task_group", "task_group_manual"])
    audit.record(
        actor,
        "evaluation.set_task_group",
        row,
        before,
        audit.snapshot(row, ["task_group"]),
        reason=reason,
    )
    return row


@transaction.atomic
def record_quota_exception(
    actor, organization: Organization, year: int, decision: str
) -> QuotaException:
    if not can_manage_periods(actor):
        raise EvaluationError(_("You may not record quota exceptions."))
    if not decision.strip():
        raise EvaluationError(
            _("Give the number and date of the decision recognising outstanding achievement.")
        )
    exception, _created = QuotaException.objects.update_or_create(
        organization=organization,
        year=year,
        defaults={"decision": decision.strip(), "recorded_by": actor},
    )
    audit.record(actor, "evaluation.quota_exception", organization, reason=decision)
    return exception
