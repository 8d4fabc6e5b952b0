"""The numbers an export shows, taken exactly as the sheet page shows them.

The page renders `sheet.result` for a published (or contested) sheet and `compute(sheet)` for
any other; it formats scores with Django's `floatformat:2`. Exports call the same functions,
so a number in a .docx or .xlsx is, digit for digit, the number on the screen.
"""

from decimal import Decimal

from django.template.defaultfilters import floatformat

from canbo.evaluation.services.result import FROZEN
from canbo.evaluation.services.result import displayed_result as sheet_result

DASH = "—"
__all__ = ["FROZEN", "sheet_result", "score_text", "score_value"]


def _decimal(value) -> Decimal:
    # Through the shortest text of a float, as floatformat does: 0.285 stays 0.285.
    return value if isinstance(value, Decimal) else Decimal(repr(value))


def score_text(value) -> str:
    """A score as the page prints it (`floatformat:2`, localised: 87,50)."""
    return DASH if value is None else floatformat(value, 2)


def score_value(value) -> Decimal | None:
    """The same rounding as a number for a spreadsheet cell (87.50)."""
    return None if value is None else Decimal(floatformat(value, "2u"))


def percent_text(fraction) -> str:
    """A ratio a, b, c, d, đ, e as a percentage with 2 decimals (66,67 %)."""
    return DASH if fraction is None else f"{floatformat(_decimal(fraction) * 100, 2)} %"


def percent_value(fraction) -> Decimal | None:
    """The displayed percentage as a fraction for a cell formatted 0.00% (0.6667)."""
    if fraction is None:
        return None
    return Decimal(floatformat(_decimal(fraction) * 100, "2u")) / 100
