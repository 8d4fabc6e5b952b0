"""The default agency criteria set (DOMAIN §6), seeded as data from
canbo.agency.criteria_data: per-criterion points are [unconfirmed] and say so in the set's
description."""

from decimal import Decimal

from django.db import transaction

from canbo.agency.criteria_data import BASIS, DESCRIPTION, GENERAL, INDICATOR_BASIS, NAME, TASK
from canbo.agency.models import CriteriaSet, Criterion, Part, Source

CODE = "nd335-agency"


@transaction.atomic
def ensure_default_set(year_from: int = 2026) -> CriteriaSet:
    """The default set, version 1 (created once; an existing set is never rewritten)."""
    found = CriteriaSet.objects.filter(code=CODE).order_by("-version").first()
    if found is not None:
        return found
    criteria_set = CriteriaSet.objects.create(
        code=CODE,
        version=1,
        name=NAME,
        description=DESCRIPTION,
        year_from=year_from,
    )
    rows = [(Part.GENERAL, *r) for r in GENERAL] + [(Part.TASK, *r) for r in TASK]
    for order, (part, code, group, group_name, name, most, measure, source) in enumerate(rows):
        basis = INDICATOR_BASIS if source == Source.INDICATORS else BASIS[part]
        Criterion.objects.create(
            criteria_set=criteria_set,
            code=code,
            part=part,
            group=group,
            group_name=group_name,
            name=name,
            max_points=Decimal(most),
            measure=measure,
            source=source,
            legal_basis=basis,
            order=order,
        )
    return criteria_set
