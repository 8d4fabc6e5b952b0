"""Key titles, recruitment needs, the talent pool against shortages, and appointments."""

from collections import Counter, defaultdict
from dataclasses import dataclass
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
from canbo.cadre.services.staffing import staffing_rows
from canbo.core import audit
from canbo.core.access import writable_orgs
from canbo.core.text import fold
from canbo.org.choices import COMMUNE_KINDS, Field
from canbo.org.models import Organization, StaffingQuota, Title
from canbo.people.models import Person, Post
from canbo.people.services import assign_post


def communes_of(user) -> list[Organization]:
    """Communes and wards inside the user's (or API client's) subtree."""
    return list(
        writable_orgs(Organization.objects.filter(kind__in=COMMUNE_KINDS), user).order_by("path")
    )


def key_titles() -> list[Title]:
    """The key titles the plan names (Bí thư, Chủ tịch UBND, Chủ nhiệm UBKT): those that must
    be held by a non-local person."""
    return list(Title.objects.filter(must_be_non_local=True).order_by("rank", "code"))


@dataclass(frozen=True)
class KeyTitleRow:
    commune: Organization
    title: Title
    person: Person | None
    local: bool

    @property
    def vacant(self) -> bool:
        return self.person is None

    @property
    def problem(self) -> bool:
        return self.vacant or self.local


def key_title_rows(communes: list[Organization]) -> list[KeyTitleRow]:
    """Each commune × key title: its current holder(s), or one vacant row."""
    titles = key_titles()
    by_id = {c.pk: c for c in communes}
    holders: dict[tuple[int, int], list[Person]] = defaultdict(list)
    posts = (
        Post.objects.filter(
            end__isnull=True,
            title__in=titles,
            organization__in=Organization.objects.filter(
                kind__in=COMMUNE_KINDS, pk__in=list(by_id)
            ),
        )
        .select_related("person")
        .order_by("person__code")
    )
    for post in posts:
        key = (post.organization_id, post.title_id)
        if post.person not in holders[key]:
            holders[key].append(post.person)
    rows = []
    for commune in communes:
        for title in titles:
            people = holders.get((commune.pk, title.pk)) or [None]
            rows += [
                KeyTitleRow(commune, title, p, bool(p and p.hometown_id == commune.pk))
                for p in people
            ]
    return rows


@dataclass(frozen=True)
class NeedRow:
    unit: Organization
    field: str
    quota: int
    actual: int

    @property
    def shortage(self) -> int:
        return max(0, self.quota - self.actual)

    @property
    def field_label(self) -> str:
        return str(Field(self.field).label)


def recruitment_needs(people, orgs) -> list[NeedRow]:
    """Commune × field where the staff is below the staffing quota (leaders are appointed,
    not recruited)."""
    return [
        NeedRow(r.unit, r.field, r.quota, r.actual)
        for r in staffing_rows(people, orgs)
        if r.balance < 0 and r.field != Field.LEADERSHIP and r.unit.is_commune
    ]


@dataclass(frozen=True)
class TalentSummaryRow:
    field: str
    major: str
    graduation_year: int
    students: int
    committed: int
    shortage: int

    @property
    def field_label(self) -> str:
        return str(Field(self.field).label)


def talent_summary(records, needs: list[NeedRow]) -> list[TalentSummaryRow]:
    """Students by major and graduation year, beside the shortage of their field."""
    shortage: Counter = Counter()
    for need in needs:
        shortage[need.field] += need.shortage
    students: Counter = Counter()
    committed: Counter = Counter()
    for field, major, year, commits in records.values_list(
        "field", "major", "graduation_year", "commits_to_return"
    ):
        students[(field, major, year)] += 1
        committed[(field, major, year)] += commits
    return [
        TalentSummaryRow(f, m, y, n, committed[(f, m, y)], shortage[f])
        for (f, m, y), n in sorted(students.items())
    ]


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
                "position": position.job_position,
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
    staffing_room(position.organization, position.job_position)
    person = Person.objects.create(
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
