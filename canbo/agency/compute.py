"""The computed criteria of the agency evaluation, each with its explanation line.

Inputs are loaded for many communes at once (one scan of the tasks for the whole province);
formulas are canbo.scoring's. Each source of a computed criterion has its module: the work
(compute_work), the cadre (compute_cadre), the indicators (compute_indicators) and the
administrative procedures (compute_procedures).
"""

from canbo.agency.compute_cadre import cadre_facts, cadre_points
from canbo.agency.compute_indicators import indicator_points
from canbo.agency.compute_inputs import CadreFacts, Computed, Inputs
from canbo.agency.compute_procedures import procedure_points
from canbo.agency.compute_work import work_points, work_totals
from canbo.agency.models import Actual, Indicator, Source, Target
from canbo.org.models import Organization
from canbo.scoring.numfmt import to_fraction


def load_inputs(year: int, communes: list[Organization], set_ids: set[int]) -> Inputs:
    ids = {c.pk for c in communes}
    single = communes[0] if len(communes) == 1 else None
    inputs = Inputs(year)
    inputs.work = work_totals(year, ids, single)
    inputs.cadre = cadre_facts(year, ids, single)
    indicators = Indicator.objects.filter(indicator_set_id__in=set_ids).order_by("order")
    for indicator in indicators:
        inputs.indicators.setdefault(indicator.indicator_set_id, []).append(indicator)
    in_sets = {"indicator__indicator_set_id__in": set_ids, "organization_id__in": ids}
    for target in Target.objects.filter(**in_sets):
        inputs.targets[(target.indicator_id, target.organization_id)] = to_fraction(target.value)
    for actual in Actual.objects.filter(**in_sets):
        inputs.actuals[(actual.indicator_id, actual.organization_id)] = actual
    return inputs


def compute_criterion(
    criterion, commune: Organization, inputs: Inputs, indicator_set_id: int | None
) -> Computed | None:
    """Points and explanation of a computed criterion; None for one entered by hand."""
    most = to_fraction(criterion.max_points)
    if criterion.source == Source.WORK:
        return work_points(most, inputs.work.get(commune.pk), inputs.year)
    if criterion.source == Source.CADRE:
        return cadre_points(most, inputs.cadre.get(commune.pk, CadreFacts()))
    if criterion.source == Source.INDICATORS:
        return indicator_points(most, commune, inputs, indicator_set_id)
    if criterion.source == Source.PROCEDURES:
        return procedure_points(most, commune, inputs.year)
    return None
