"""Appointing a recruited candidate: the qualification standard, the staffing quota, and the
new civil servant with their post."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.cadre.errors import CadreError
from canbo.cadre.models import RecruitmentCandidate, TalentRecord, TalentStatus
from canbo.core import audit
from canbo.core.text import fold
from canbo.org.models import Organization, StaffingQuota
from canbo.people.models import Person
from canbo.people.services import assign_post


def staffing_room(organization: Organization, job_position, moving: Person | None = None) -> None:
    """Refuse a post over the staffing quota of this organisation × job position (a quota of
    the commune counts every person of that position anywhere in the commune)."""
    if job_position is None:
        return
    commune = organization.commune() or organization
    quota = sum(
        StaffingQuota.objects.filter(
            organization__path__startswith=commune.path, job_position=job_position
        ).values_list("quota", flat=True)
    )
    if not quota:
        raise CadreError(
            _(
                "%(org)s has no staffing quota for the job position %(position)s: "
                "the appointment is refused."
            )
            % {"org": commune, "position": job_position}
        )
    staff = Person.objects.filter(
        organization__path__startswith=commune.path, job_position=job_position
    )
    if moving is not None:
        staff = staff.exclude(pk=moving.pk)
    if staff.count() >= quota:
        raise CadreError(
            _(
                "%(org)s already has %(count)s of %(quota)s staff for the job "
                "position %(position)s: an appointment over the staffing quota is "
                "refused."
            )
            % {"org": commune, "count": staff.count(), "quota": quota, "position": job_position}
        )


def qualification_problems(candidate: RecruitmentCandidate) -> list[str]:
    """What the candidate lacks against the job position's qualification standard."""
    position = candidate.position.job_position
    problems = []
    if candidate.education < position.min_education:
        problems.append(
            _("the education level %(has)s is below the required %(needs)s")
            % {
                "has": candidate.get_education_display(),
                "needs": position.get_min_education_display(),
            }
        )
    if position.required_major and not _major_matches(candidate.major, position.required_major):
        problems.append(
            _("the major “%(has)s” is not the required “%(needs)s”")
            % {"has": candidate.major or "—", "needs": position.required_major}
        )
    return problems


def _major_matches(major: str, required: str) -> bool:
    wanted = [fold(part) for part in required.replace(";", ",").split(",") if part.strip()]
    return any(w and w in fold(major) for w in wanted)


@transaction.atomic
def appoint_candidate(
    actor, candidate: RecruitmentCandidate, code: str, start: date, decision: str, today: date
) -> Person:
    """Create the civil servant and their post from a passed candidate (all or nothing)."""
    candidate = (
        RecruitmentCandidate.objects.select_for_update()
        .select_related("position__organization", "position__job_position", "position__round")
        .get(pk=candidate.pk)
    )
    position = candidate.position
    _check_appointment(candidate, code, start, decision, today)
    staffing_room(position.organization, position.job_position)
    person = _new_person(candidate, code, start)
    assign_post(
        actor,
        person,
        position.organization,
        start,
        job_position=position.job_position,
        decision=decision.strip(),
    )
    candidate.person = person
    candidate.save(update_fields=["person"])
    if candidate.talent_id:
        TalentRecord.objects.filter(pk=candidate.talent_id).update(status=TalentStatus.LEFT)
    audit.record(
        actor,
        "cadre.appoint_candidate",
        candidate,
        after={"person": person.code},
        reason=decision.strip(),
    )
    return person


def _check_appointment(
    candidate: RecruitmentCandidate, code: str, start: date, decision: str, today: date
) -> None:
    if candidate.person_id:
        raise CadreError(_("%(name)s is already appointed.") % {"name": candidate.full_name})
    if candidate.passed is not True:
        raise CadreError(_("Only a candidate who passed can be appointed."))
    if start > today:
        raise CadreError(_("The start date cannot be in the future."))
    if not decision.strip():
        raise CadreError(_("The decision number is required."))
    problems = qualification_problems(candidate)
    if problems:
        raise CadreError(
            _("%(name)s does not meet the qualification standard of %(position)s: %(problems)s.")
            % {
                "name": candidate.full_name,
                "position": candidate.position.job_position,
                "problems": "; ".join(problems),
            }
        )
    if Person.objects.filter(code=code).exists():
        raise CadreError(_("The code %(code)s is already used.") % {"code": code})
    if candidate.id_number and Person.objects.filter(id_number=candidate.id_number).exists():
        raise CadreError(
            _(
                "The personal identification number %(number)s is already recorded "
                "for another person."
            )
            % {"number": candidate.id_number}
        )


def _new_person(candidate: RecruitmentCandidate, code: str, start: date) -> Person:
    return Person.objects.create(
        code=code,
        full_name=candidate.full_name,
        birth_year=candidate.birth_year,
        gender=candidate.gender,
        ethnicity=candidate.ethnicity,
        hometown=candidate.hometown,
        education=candidate.education,
        major=candidate.major,
        id_number=candidate.id_number or None,
        service_start=start,
    )
