"""Stored totals are the exact fraction rounded half up once to 4 decimals, never a float."""

from decimal import Decimal
from fractions import Fraction

from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.evaluation.services.annual import compute_annual
from canbo.evaluation.services.result import as_json, stored_total
from canbo.scoring import Item, score_period
from tests.evaluation.test_quota_resolution import YEAR, _months


def test_the_sheet_total_rounds_the_fraction_not_the_float():
    items = [
        Item(quantity=4, coefficient=1, completed=True),
        Item(quantity=8, coefficient=0.5, completed=True, quality_failures=2, delays=1),
    ]
    result = as_json(score_period(items, [9, 9, 7], criteria="nd335-3"))
    assert (result["total"], result["total_exact"]) == (93.90625, "3005/32")
    assert stored_total(result) == Decimal("93.9063")  # round(93.90625, 4) gave 93.9062
    assert stored_total({**result, "total": None}) is None


def test_the_annual_average_rounds_the_fraction_not_the_float(world):
    staff = world.people["staff"]
    _months(world.tanphong, staff, [90.0003, 90.0004], exact="900003/10000")
    february = EvaluationSheet.objects.get(person=staff, period__start__month=2)
    february.result = {"total_exact": "900004/10000"}  # January 90.0003, February 90.0004
    february.save()
    compute_annual(world.users["personnel"], YEAR, world.tanphong)
    row = AnnualResult.objects.get(person=staff, year=YEAR)
    assert Fraction(row.average_exact) == Fraction(1800007, 20000)  # 90.00035
    assert row.average == Decimal("90.0004")  # through float: 90.0003
