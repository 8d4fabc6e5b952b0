"""Seed the demo province: organisations, titles, job positions, quotas and staff.

Every function is idempotent: reference data is keyed on its code, people on Person.code,
and a person who already exists is left as it is (with their posts).
"""

import random
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from canbo.demo import accounts, province
from canbo.demo.persons import Home, Slot, build_person, save_people
from canbo.demo.province import Commune
from canbo.demo.scale import generate
from canbo.org.choices import OrgKind
from canbo.org.models import (
    JobPosition,
    Organization,
    StaffingQuota,
    Title,
    validate_electronic_code,
)
from canbo.people.models import Person


@dataclass
class Unit:
    """A seeded commune or ward with its departments, keyed by code suffix."""

    commune: Commune
    org: Organization
    departments: dict[str, Organization] = field(default_factory=dict)


@dataclass(frozen=True)
class Reference:
    titles: dict[str, Title]
    positions: dict[str, JobPosition]


@dataclass(frozen=True)
class Summary:
    communes: int
    departments: int
    people: int
    created: int


def seed_all(scale: int = 0) -> Summary:
    """Create or complete the whole demo province in one transaction."""
    with transaction.atomic():
        root, office = seed_province()
        ref = Reference(seed_titles(), seed_positions())
        units = [seed_commune(commune, root) for commune in province.COMMUNES]
        created = sum(seed_staff(unit, units, ref) for unit in units)
        accounts.seed_accounts(root, office, units)
        if scale:
            created += generate(scale, units, ref)
    return Summary(
        communes=len(units),
        departments=sum(len(u.departments) for u in units),
        people=Person.objects.count(),
        created=created,
    )


def ensure_org(code: str, name: str, kind: str, parent: Organization | None) -> Organization:
    validate_electronic_code(code)
    org, _ = Organization.objects.update_or_create(
        code=code,
        defaults={"name": name, "kind": kind, "parent": parent},
    )
    return org


def seed_province() -> tuple[Organization, Organization]:
    """Return the province root and its personnel office (Sở Nội vụ)."""
    code = settings.PROVINCE_CODE
    root = ensure_org(code, settings.PROVINCE_NAME, OrgKind.PROVINCE, None)
    office = ensure_org(
        province.personnel_office_code(code),
        province.PERSONNEL_OFFICE,
        OrgKind.PROVINCIAL_AGENCY,
        root,
    )
    return root, office


def seed_titles() -> dict[str, Title]:
    titles = {}
    for spec in province.TITLES:
        titles[spec.code], _ = Title.objects.update_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "rank": spec.rank,
                "is_leader": spec.is_leader,
                "must_be_non_local": spec.must_be_non_local,
                "single_holder": spec.must_be_non_local,
                "min_political_theory": spec.min_political_theory,
            },
        )
    return titles


def seed_positions() -> dict[str, JobPosition]:
    positions = {}
    for spec in province.POSITIONS:
        positions[spec.code], _ = JobPosition.objects.update_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "field": spec.field,
                "required_major": spec.major,
                "min_education": spec.min_education,
                "min_political_theory": spec.min_political_theory,
                "min_state_management": spec.min_state_management,
                "requires_it": spec.requires_it,
                "requires_foreign_language": spec.requires_foreign_language,
            },
        )
    return positions


def seed_commune(commune: Commune, root: Organization) -> Unit:
    code = province.commune_code(commune, settings.PROVINCE_CODE)
    unit = Unit(commune, ensure_org(code, commune.full_name, commune.kind, root))
    for dept in province.DEPARTMENTS:
        unit.departments[dept.suffix] = ensure_org(
            f"{code}.{dept.suffix}",
            dept.name_in(commune),
            dept.kind,
            unit.org,
        )
    return unit


@dataclass(frozen=True)
class Seat:
    """One planned person: department suffix ("" for the commune node), title, position."""

    suffix: str
    title: str
    position: str


def plan_roster(rng: random.Random) -> list[Seat]:
    """Plan 25–35 seats: commune leaders, department leaders, then civil servants."""
    seats = [Seat("", t, province.COMMUNE_LEADER_POSITION) for t in province.COMMUNE_LEADERS]
    for dept in province.DEPARTMENTS:
        seats.append(Seat(dept.suffix, dept.head_title, province.DEPARTMENT_LEADER_POSITION))
        for _ in range(rng.randint(1, 2)):
            seats.append(Seat(dept.suffix, dept.deputy_title, province.DEPARTMENT_LEADER_POSITION))
    total = rng.randint(25, 35)
    return seats + _civil_servant_seats(rng, total - len(seats))


def _civil_servant_seats(rng: random.Random, count: int) -> list[Seat]:
    """Spread civil servants over (department, position), every department getting one."""
    slots = [(d.suffix, p) for d in province.DEPARTMENTS for p in d.positions]
    firsts = [(d.suffix, rng.choice(d.positions)) for d in province.DEPARTMENTS]
    rest = [slot for slot in slots if slot not in firsts]
    rng.shuffle(rest)
    order = firsts + rest
    title = province.CIVIL_SERVANT_TITLE
    return [Seat(order[i % len(order)][0], title, order[i % len(order)][1]) for i in range(count)]


def seed_staff(unit: Unit, units: list[Unit], ref: Reference) -> int:
    """Create the commune's missing people with their primary posts; return how many."""
    rng = random.Random(unit.commune.index)
    seats = plan_roster(rng)
    seed_quotas(unit, seats, rng, ref)
    home = Home(unit.commune, unit.org, [u.org for u in units if u is not unit])
    codes = [f"LC-{unit.commune.index:02d}-{n:03d}" for n in range(1, len(seats) + 1)]
    # An exact-match lookup: a LIKE prefix would not use the index on SQLite.
    existing = set(Person.objects.filter(code__in=codes).values_list("code", flat=True))
    people = []
    for code, seat in zip(codes, seats, strict=True):
        slot = Slot(
            unit.departments.get(seat.suffix, unit.org),
            ref.titles[seat.title],
            ref.positions[seat.position],
        )
        person = build_person(rng, code, home, slot)
        if person.code not in existing:
            people.append(person)
    return save_people(people)


def seed_quotas(unit: Unit, seats: list[Seat], rng: random.Random, ref: Reference) -> None:
    """Staffing quotas per department and position: some short of staff, some over."""
    counts: dict[tuple[str, str], int] = {
        (d.suffix, p): 0 for d in province.DEPARTMENTS for p in d.positions
    }
    for seat in seats:
        if seat.title == province.CIVIL_SERVANT_TITLE:
            counts[(seat.suffix, seat.position)] += 1
    # Per commune: +1 tends to staff over quota, -1 to shortage, 0 to balance.
    tilt = rng.choice((-1, 0, 1))
    quotas = {key: max(1, n - tilt if rng.random() < 0.5 else n) for key, n in counts.items()}
    quotas[("", province.COMMUNE_LEADER_POSITION)] = len(province.COMMUNE_LEADERS)
    for dept in province.DEPARTMENTS:
        quotas[(dept.suffix, province.DEPARTMENT_LEADER_POSITION)] = 3
    for (suffix, position), quota in quotas.items():
        StaffingQuota.objects.update_or_create(
            organization=unit.departments.get(suffix, unit.org),
            job_position=ref.positions[position],
            defaults={"quota": quota},
        )
