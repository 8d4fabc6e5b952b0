"""Build believable, deterministic civil-servant records (unsaved, ready for bulk_create)."""

import random
from dataclasses import dataclass
from datetime import date

from canbo.core.text import fold
from canbo.demo.names import make_name
from canbo.demo.province import OTHER_MAJORS, REORGANISATION_DECISION, REORGANISED_ON, Commune
from canbo.org.choices import Education, PoliticalTheory, StateManagement
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.choices import Gender
from canbo.people.models import Person, Post

IT_CERTIFICATES = ["Chứng chỉ ứng dụng CNTT cơ bản"] * 7 + [
    "Chứng chỉ ứng dụng CNTT nâng cao",
    "",
    "",
]
LANGUAGE_CERTIFICATES = ["Tiếng Anh bậc 2 (A2)"] * 3 + [
    "Tiếng Anh bậc 3 (B1)",
    "Chứng chỉ tiếng dân tộc Mông",
    "Chứng chỉ tiếng dân tộc Thái",
    "",
    "",
    "",
    "",
]
_SERVICE_CUTOFF = date(2025, 6, 1)


@dataclass(frozen=True)
class Slot:
    """Where a person sits: organisation, title and job position of the primary post."""

    organization: Organization
    title: Title
    position: JobPosition


@dataclass(frozen=True)
class Home:
    """The commune a person works in, and the others they may come from."""

    commune: Commune
    org: Organization
    others: list[Organization]


def build_person(rng: random.Random, code: str, home: Home, slot: Slot) -> Person:
    """Return an unsaved Person for the slot, drawing every attribute from rng."""
    leader = slot.title.is_leader
    gender = Gender.FEMALE if rng.random() < (0.25 if leader else 0.5) else Gender.MALE
    codes, weights = home.commune.ethnic_weights()
    ethnicity = rng.choices(codes, weights)[0]
    birth_date, birth_year = _birth(rng, gender, leader)
    education = _education(rng, leader)
    person = Person(
        code=code,
        full_name=make_name(rng, ethnicity, gender),
        gender=gender,
        ethnicity=ethnicity,
        birth_date=birth_date,
        birth_year=birth_year,
        hometown_id=_hometown(rng, home, slot.title),
        party_member=leader or rng.random() < 0.55,
        education=education,
        major=_major(rng, slot.position, education),
        political_theory=_political_theory(rng, slot.title),
        state_management=_state_management(rng, leader),
        it_certificate=rng.choice(IT_CERTIFICATES),
        foreign_language=rng.choice(LANGUAGE_CERTIFICATES),
        service_start=_service_start(rng, birth_year),
        # Ids rather than objects: cheaper when building 100,000 rows.
        organization_id=slot.organization.pk,
        job_position_id=slot.position.pk,
        title_id=slot.title.pk,
    )
    return prepare(person)


def prepare(person: Person) -> Person:
    """Fill what Person.save() would compute, for rows written with bulk_create."""
    person.search_key = f"{fold(person.full_name)} {person.code.lower()}"
    if person.birth_date:
        person.birth_year = person.birth_date.year
    return person


def primary_post(person: Person) -> Post:
    """The open primary post matching the person's organisation, position and title."""
    return Post(
        person_id=person.pk,
        organization_id=person.organization_id,
        job_position_id=person.job_position_id,
        title_id=person.title_id,
        start=REORGANISED_ON,
        decision=REORGANISATION_DECISION,
    )


def save_people(people: list[Person], batch_size: int = 5000) -> int:
    """Insert people and their primary posts in batches; return how many."""
    for start in range(0, len(people), batch_size):
        batch = Person.objects.bulk_create(people[start : start + batch_size])
        Post.objects.bulk_create([primary_post(p) for p in batch])
    return len(people)


def _birth(rng: random.Random, gender: str, leader: bool) -> tuple[date | None, int]:
    first = 1968 if leader else (1971 if gender == Gender.FEMALE else 1966)
    year = rng.randint(first, 1990 if leader else 2002)
    if rng.random() < 0.15:  # only the year is on file
        return None, year
    return date(year, rng.randint(1, 12), rng.randint(1, 28)), year


def _hometown(rng: random.Random, home: Home, title: Title) -> int | None:
    """Id of the hometown commune: mostly locals, except in non-local titles."""
    local_share = 0.15 if title.must_be_non_local else 0.7
    if rng.random() < local_share:
        return home.org.pk
    if rng.random() < 0.2:  # from outside the province
        return None
    return rng.choice(home.others).pk


def _education(rng: random.Random, leader: bool) -> int:
    roll = rng.random()
    if leader:
        return Education.MASTER if roll < 0.2 else Education.UNIVERSITY
    if roll < 0.15:
        return Education.VOCATIONAL
    return Education.MASTER if roll > 0.95 else Education.UNIVERSITY


def _major(rng: random.Random, position: JobPosition, education: int) -> str:
    major = position.required_major if rng.random() < 0.75 else rng.choice(OTHER_MAJORS)
    return f"{major} (cao đẳng)" if education == Education.VOCATIONAL else major


def _political_theory(rng: random.Random, title: Title) -> int:
    required = title.min_political_theory
    roll = rng.random()
    if required == PoliticalTheory.NONE:
        return rng.choices(list(PoliticalTheory), [40, 45, 15, 0])[0]
    if roll < 0.12:  # still lacking the level the title asks for
        return required - 1
    return required + 1 if roll > 0.92 and required < PoliticalTheory.ADVANCED else required


def _state_management(rng: random.Random, leader: bool) -> int:
    weights = [5, 45, 50, 0] if leader else [30, 65, 5, 0]
    return rng.choices(list(StateManagement), weights)[0]


def _service_start(rng: random.Random, birth_year: int) -> date:
    start = date(birth_year + rng.randint(22, 28), rng.randint(1, 12), rng.randint(1, 28))
    return min(start, _SERVICE_CUTOFF)
