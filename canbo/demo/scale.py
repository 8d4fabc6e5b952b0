"""`--scale N`: extra civil servants SC-000001… spread over every department.

Person number i depends only on i (each batch of BATCH codes has its own seed), so
`--scale 500` then `--scale 1000` adds exactly SC-000501…SC-001000, and a rerun adds none.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from canbo.demo import province
from canbo.demo.persons import Home, Slot, build_person, save_people
from canbo.people.models import Person

if TYPE_CHECKING:
    from canbo.demo.seed import Reference, Unit

BATCH = 5000
_SEED_BASE = 1_000_000


def scale_code(number: int) -> str:
    return f"SC-{number:06d}"


def generate(total: int, units: list[Unit], ref: Reference) -> int:
    """Create the missing ones among SC-000001 … SC-<total>; return how many were created."""
    homes = [Home(u.commune, u.org, [o.org for o in units if o is not u]) for u in units]
    created = 0
    for first in range(1, total + 1, BATCH):
        last = min(first + BATCH - 1, total)
        created += _generate_batch(first, last, units, homes, ref)
    return created


def _generate_batch(
    first: int, last: int, units: list[Unit], homes: list[Home], ref: Reference
) -> int:
    rng = random.Random(_SEED_BASE + (first - 1) // BATCH)
    existing = set(
        Person.objects.filter(
            code__gte=scale_code(first),
            code__lte=scale_code(last),
        ).values_list("code", flat=True)
    )
    if len(existing) == last - first + 1:
        return 0
    title = ref.titles[province.CIVIL_SERVANT_TITLE]
    people = []
    for number in range(first, last + 1):
        index = rng.randrange(len(units))
        dept = rng.choice(province.DEPARTMENTS)
        slot = Slot(
            units[index].departments[dept.suffix], title, ref.positions[rng.choice(dept.positions)]
        )
        person = build_person(rng, scale_code(number), homes[index], slot)
        if person.code not in existing:
            people.append(person)
    return save_people(people)
