"""Working equipment (plan II.3): norms as data, each commune's inventory, the yearly review
of shortfalls against the norm, and the province summary to plan purchases."""

from collections import Counter
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from canbo.core.access import visible_oversight
from canbo.core.fields import NFCCharField
from canbo.core.paths import commune_path
from canbo.org.models import Organization
from canbo.oversight.equipment_data import NORM_NAMES
from canbo.people.models import Person


class Basis(models.TextChoices):
    PER_PERSON = "person", _("per civil servant")
    PER_DEPARTMENT = "department", _("per department")
    PER_COMMUNE = "commune", _("per commune")


# The norm [parameters; provincial decision on equipment standards]: item -> (name, basis,
# quantity). These seed the EquipmentNorm table (migration 0005, from the setting
# OVERSIGHT_EQUIPMENT_NORMS when set); from then on the norms are data the provincial
# personnel office edits on its page. Names are Vietnamese seed data (equipment_data).
DEFAULT_NORMS = {
    "computer": (NORM_NAMES["computer"], Basis.PER_PERSON, 1),
    "printer": (NORM_NAMES["printer"], Basis.PER_DEPARTMENT, 1),
    "scanner": (NORM_NAMES["scanner"], Basis.PER_DEPARTMENT, 1),
    "photocopier": (NORM_NAMES["photocopier"], Basis.PER_COMMUNE, 1),
    "projector": (NORM_NAMES["projector"], Basis.PER_COMMUNE, 1),
}


class EquipmentNorm(models.Model):
    """How many of an item each civil servant, department or commune should have."""

    code = models.CharField(_("item"), max_length=32, unique=True)
    name = NFCCharField(_("name"), max_length=100)
    basis = models.CharField(_("basis"), max_length=12, choices=Basis.choices)
    quantity = models.PositiveSmallIntegerField(_("quantity"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("equipment norm")
        verbose_name_plural = _("equipment norms")

    def __str__(self) -> str:
        return self.name


def norms() -> dict:
    """The norms in force, item -> (name, basis, quantity), in one query (the defaults while
    the table is empty: a database flushed after its migrations)."""
    found = {
        n.code: (n.name, n.basis, n.quantity)
        for n in EquipmentNorm.objects.order_by("order", "code")
    }
    return found or dict(DEFAULT_NORMS)


def ensure_norms() -> None:
    """Write the default norms into an empty table, so that they can be edited."""
    if not EquipmentNorm.objects.exists():
        EquipmentNorm.objects.bulk_create(
            [
                EquipmentNorm(code=code, name=name, basis=basis, quantity=quantity, order=order)
                for order, (code, (name, basis, quantity)) in enumerate(DEFAULT_NORMS.items())
            ],
            ignore_conflicts=True,
        )


class ItemState(models.TextChoices):
    GOOD = "good", _("In good order")
    WORN = "worn", _("Worn but usable")
    BROKEN = "broken", _("Broken: to replace")


class InventoryQuerySet(models.QuerySet):
    def visible_to(self, user):
        return visible_oversight(self, user, "oversight.plan.view")


class InventoryItem(models.Model):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="+", verbose_name=_("held by")
    )
    item = models.CharField(_("item"), max_length=32)
    year = models.PositiveSmallIntegerField(_("year acquired"))
    state = models.CharField(
        _("state"), max_length=8, choices=ItemState.choices, default=ItemState.GOOD
    )
    label = NFCCharField(_("description"), max_length=200, blank=True)

    objects = InventoryQuerySet.as_manager()

    class Meta:
        ordering = ["organization__path", "item", "year"]
        verbose_name = _("equipment item")
        verbose_name_plural = _("equipment inventory")

    @property
    def item_name(self) -> str:
        """The item's name (a list page sets `norm_name` on each row to spare a query)."""
        named = getattr(self, "norm_name", None)
        return named or norms().get(self.item, (self.item,))[0]


@dataclass
class ReviewLine:
    unit: str
    item: str
    name: str
    required: int
    usable: int
    broken: int

    @property
    def shortfall(self) -> int:
        return max(0, self.required - self.usable)


def review(commune: Organization) -> list[ReviewLine]:
    """The commune's yearly review: per unit and item, the norm against usable items."""
    return reviews([commune])[commune.pk]


def reviews(communes: list[Organization], table: dict | None = None) -> dict[int, list[ReviewLine]]:
    """The reviews of several communes in four queries (three when given the norms)."""
    by_path = {c.path: c for c in communes}
    units: dict[int, list[Organization]] = {c.pk: [] for c in communes}
    for unit in Organization.objects.filter(depth__gte=1).order_by("path"):
        commune = by_path.get(commune_path(unit.path))
        if commune is not None:
            units[commune.pk].append(unit)
    ids = [u.pk for found in units.values() for u in found]
    staff = Counter(
        Person.objects.filter(organization_id__in=ids).values_list("organization_id", flat=True)
    )
    held: Counter = Counter()
    broken: Counter = Counter()
    for org_id, item, state in InventoryItem.objects.filter(organization_id__in=ids).values_list(
        "organization_id", "item", "state"
    ):
        (broken if state == ItemState.BROKEN else held)[(org_id, item)] += 1
    result = {}
    in_force = list((norms() if table is None else table).items())
    for commune in communes:
        lines = []
        for unit in units[commune.pk]:
            for code, (name, basis, quantity) in in_force:
                key = (unit.pk, code)
                required = _required(basis, quantity, unit, commune, staff[unit.pk])
                if required or held[key] or broken[key]:
                    lines.append(
                        ReviewLine(unit.name, code, name, required, held[key], broken[key])
                    )
        result[commune.pk] = lines
    return result


def _required(basis: str, quantity: int, unit, commune, staff: int) -> int:
    if basis == Basis.PER_COMMUNE:
        return quantity if unit.pk == commune.pk else 0
    if basis == Basis.PER_DEPARTMENT:
        return quantity if unit.pk != commune.pk else 0
    return quantity * staff


def province_summary(
    communes: list[Organization], table: dict | None = None
) -> list[tuple[Organization, dict[str, int]]]:
    """Per commune, the shortfall of each item (and the broken ones to replace)."""
    found = reviews(communes, table)
    rows = []
    for commune in communes:
        totals: Counter = Counter()
        for line in found[commune.pk]:
            totals[line.item] += line.shortfall
        rows.append((commune, dict(totals)))
    return rows
