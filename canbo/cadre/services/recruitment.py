"""Recruitment rounds: their results and decisions, and graduates of the talent pool who
become candidates."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.cadre.errors import CadreError
from canbo.cadre.models import (
    RecruitmentCandidate,
    RecruitmentRound,
    RoundStatus,
    TalentRecord,
    TalentStatus,
)
from canbo.core import audit


def record_result(actor, candidate: RecruitmentCandidate, score, passed: bool) -> None:
    before = audit.snapshot(candidate, ["score", "passed"])
    candidate.score, candidate.passed = score, passed
    candidate.save(update_fields=["score", "passed"])
    audit.record(
        actor,
        "cadre.record_recruitment_result",
        candidate,
        before,
        audit.snapshot(candidate, ["score", "passed"]),
    )


@transaction.atomic
def move_talent_to_recruitment(actor, talent: TalentRecord, position) -> RecruitmentCandidate:
    """A graduate becomes a candidate of an open round in one step."""
    talent = TalentRecord.objects.select_for_update().get(pk=talent.pk)
    if talent.status not in (TalentStatus.GRADUATED, TalentStatus.STUDYING):
        raise CadreError(
            _("%(name)s is no longer in the talent pool.") % {"name": talent.full_name}
        )
    if position.round.status not in (RoundStatus.PLANNED, RoundStatus.OPEN):
        raise CadreError(_("This recruitment round no longer receives candidates."))
    candidate = RecruitmentCandidate.objects.create(
        position=position,
        full_name=talent.full_name,
        birth_year=talent.birth_year,
        gender=talent.gender,
        ethnicity=talent.ethnicity,
        hometown=talent.origin,
        major=talent.major,
        talent=talent,
    )
    talent.status = TalentStatus.RECRUITING
    talent.save(update_fields=["status"])
    audit.record(
        actor,
        "cadre.move_talent_to_recruitment",
        talent,
        after={"candidate": candidate.pk, "round": position.round_id},
    )
    return candidate


@transaction.atomic
def update_round(
    actor,
    round_: RecruitmentRound,
    status: str,
    plan: str,
    decision_number: str,
    decision_date: date | None,
    today: date,
) -> RecruitmentRound:
    """Move a round on (plan → applications → results → decision); a decided round names its
    decision, and no date is in the future."""
    if decision_date and decision_date > today:
        raise CadreError(_("The decision date cannot be in the future."))
    if status == RoundStatus.DECIDED and not (decision_number.strip() and decision_date):
        raise CadreError(_("A decided round needs its decision number and date."))
    fields = ["status", "plan", "decision_number", "decision_date"]
    before = audit.snapshot(round_, fields)
    round_.status, round_.plan = status, plan
    round_.decision_number, round_.decision_date = decision_number.strip(), decision_date
    round_.save(update_fields=fields)
    audit.record(
        actor,
        "cadre.update_recruitment_round",
        round_,
        before,
        audit.snapshot(round_, fields),
        reason=round_.decision_number,
    )
    return round_
