"""Demo data of the equipment inventory: each commune holds most of its norm."""

import random

from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.oversight.equipment import InventoryItem, ItemState
from canbo.people.models import Person


def seed_inventories() -> None:
    """Each commune holds most of its norm; some machines are old or broken."""
    rng = random.Random(7)
    rows = []
    for commune in Organization.objects.filter(kind__in=COMMUNE_KINDS).order_by("code"):
        units = list(Organization.objects.filter(path__startswith=commune.path))
        for unit in units:
            if unit.pk == commune.pk:
                for item in ("photocopier", "projector"):
                    if rng.random() < 0.6:
                        rows.append(_item(rng, unit, item))
                continue
            staff = Person.objects.filter(organization=unit).count()
            for _n in range(max(0, staff - rng.randint(0, 2))):
                rows.append(_item(rng, unit, "computer"))
            for item in ("printer", "scanner"):
                if rng.random() < 0.7:
                    rows.append(_item(rng, unit, item))
    InventoryItem.objects.bulk_create(rows)


def _item(rng: random.Random, unit: Organization, item: str) -> InventoryItem:
    year = rng.randint(2014, 2026)
    broken = year < 2018 and rng.random() < 0.5
    state = ItemState.BROKEN if broken else ItemState.WORN if year < 2020 else ItemState.GOOD
    return InventoryItem(organization=unit, item=item, year=year, state=state)
