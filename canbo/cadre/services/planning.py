"""Succession planning: add and remove candidates with reasons, check them, compose lists."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.cadre import hooks
from canbo.cadre.errors import CadreError
from canbo.cadre.gaps import compute_gaps
from canbo.cadre.models import PlanningCandidate, PlanningReview, PlanningTerm
from canbo.core import audit
from canbo.core.text import fold
from canbo.people.choices import Ethnicity, Gender
from canbo.people.retirement import age_on
from canbo.scoring.numfmt import percent

# Age at the start of the term must be below these [unconfirmed provincial criteria].
AGE_LIMITS = {Gender.MALE: 55, Gender.FEMALE: 50}
# A "young" cadre in the composition of a list is under this age at the start of the term.
YOUNG_AGE = 40
# How many past annual classifications the criteria look at.
CLASSIFICATION_YEARS = 2
FAIL_LEVEL = "fail"


@dataclass(frozen=True)
class Check:
    ok: bool
    text: str


@dataclass(frozen=True)
class Composition:
    total: int
    young: int
    female: int
    minority: int
    sci_tech: int = 0

    def share(self, count: int) -> float:
        return percent(count, self.total)


def term_start(term: PlanningTerm) -> date:
    return date(term.start_year, 1, 1)


def check_candidate(candidate: PlanningCandidate) -> list[Check]:
    """The title's criteria for this candidate, each with its reason."""
    person, start = candidate.person, term_start(candidate.term)
    return [
        _check_age(person, start),
        *_check_gaps(person, candidate.title),
        _check_classification(person, candidate.term.start_year),
    ]


def _check_age(person, start: date) -> Check:
    limit = AGE_LIMITS.get(person.gender)
    if person.birth is None or limit is None:
        return Check(False, _("Age unknown: the date of birth is missing."))
    age = age_on(person.birth, start)
    values = {"age": age, "limit": limit, "year": start.year}
    if age < limit:
        return Check(True, _("Age %(age)s at the start of %(year)s, under %(limit)s.") % values)
    return Check(False, _("Age %(age)s at the start of %(year)s: not under %(limit)s.") % values)


def _check_gaps(person, title) -> list[Check]:
    gaps = compute_gaps(person, title)
    if not gaps:
        return [Check(True, _("Meets the qualification standard."))]
    return [Check(False, gap.text) for gap in gaps]


def _check_classification(person, start_year: int) -> Check:
    years = range(start_year - CLASSIFICATION_YEARS, start_year)
    found = hooks.classifications(person, years)
    if not found:
        return Check(True, _("No annual classification recorded for the last years."))
    failed = [str(year) for year, level in found if level == FAIL_LEVEL]
    if failed:
        return Check(
            False,
            _("Classified as not completing tasks in %(years)s.") % {"years": ", ".join(failed)},
        )
    return Check(True, _("Annual classification of the last years at least complete."))


def compose(candidates: list[PlanningCandidate], term: PlanningTerm) -> Composition:
    """Shares of young, female and ethnic-minority (non-Kinh) candidates."""
    return compose_people([c.person for c in candidates], term_start(term))


def compose_people(people: list, on: date) -> Composition:
    """Young (age on `on`), female, ethnic-minority and science/technology people."""
    return Composition(
        total=len(people),
        young=sum(1 for p in people if p.birth and age_on(p.birth, on) < YOUNG_AGE),
        female=sum(1 for p in people if p.gender == Gender.FEMALE),
        minority=sum(1 for p in people if p.ethnicity != Ethnicity.KINH),
        sci_tech=sum(1 for p in people if is_sci_tech(p)),
    )


# Science and technology (the plan's "khoa học, công nghệ") [provincial choice]: a job
# position in these fields, or a major whose name holds one of these words (folded).
SCI_TECH_FIELDS = {"it", "construction", "land"}
SCI_TECH_WORDS = (
    "cong nghe",
    "ky thuat",
    "khoa hoc",
    "tin hoc",
    "xay dung",
    "dien tu",
    "vien thong",
    "co khi",
    "moi truong",
    "quy hoach",
    "dia chinh",
    "y khoa",
    "y da khoa",
    "duoc",
    "chuyen doi so",
)


def is_sci_tech(person) -> bool:
    if person.job_position_id and person.job_position.field in SCI_TECH_FIELDS:
        return True
    major = fold(person.major or "")
    return any(word in major for word in SCI_TECH_WORDS)


def _require_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise CadreError(_("A reason is required."))
    return reason


@transaction.atomic
def add_candidate(
    actor, term, title, organization, person, reason: str, today: date
) -> PlanningCandidate:
    reason = _require_reason(reason)
    duplicate = PlanningCandidate.objects.filter(
        term=term, title=title, organization=organization, person=person, active=True
    )
    if duplicate.exists():
        raise CadreError(_("%(person)s is already planned for this title.") % {"person": person})
    candidate = PlanningCandidate.objects.create(
        term=term,
        title=title,
        organization=organization,
        person=person,
        added_reason=reason,
        added_on=today,
    )
    audit.record(actor, "cadre.add_candidate", candidate, after={"active": True}, reason=reason)
    return candidate


@transaction.atomic
def remove_candidate(
    actor, candidate: PlanningCandidate, reason: str, today: date
) -> PlanningCandidate:
    reason = _require_reason(reason)
    if not candidate.active:
        raise CadreError(_("This candidate was already removed."))
    candidate.active, candidate.removed_reason, candidate.removed_on = False, reason, today
    candidate.save(update_fields=["active", "removed_reason", "removed_on"])
    audit.record(
        actor,
        "cadre.remove_candidate",
        candidate,
        {"active": True},
        {"active": False},
        reason=reason,
    )
    return candidate


@transaction.atomic
def record_review(actor, term, organization, year: int, conclusion: str) -> PlanningReview:
    conclusion = _require_reason(conclusion)
    review, _created = PlanningReview.objects.update_or_create(
        term=term, organization=organization, year=year, defaults={"conclusion": conclusion}
    )
    audit.record(actor, "cadre.record_review", review, after={"year": year}, reason=conclusion)
    return review


def create_term(actor, start_year: int, length: int = 5) -> PlanningTerm:
    term, created = PlanningTerm.objects.get_or_create(
        name=f"{start_year}–{start_year + length}",
        defaults={"start_year": start_year, "end_year": start_year + length},
    )
    if created:
        audit.record(actor, "cadre.create_term", term, after={"name": term.name})
    return term
