"""Citizen satisfaction (Decision 766/QĐ-TTg) and its rule on general criterion (b).

Pure: counts in, exact decimals out (two places, half up).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

HUNDRED = Decimal(100)
PLACES = Decimal("0.01")


def percent(part: int, whole: int) -> Decimal | None:
    """part ÷ whole × 100 %, two decimals, half up; None when there is nothing to count."""
    if whole <= 0:
        return None
    return (Decimal(part) * HUNDRED / Decimal(whole)).quantize(PLACES, rounding=ROUND_HALF_UP)


def satisfaction_index(dossiers: int, dissatisfied_or_complained: int) -> Decimal | None:
    """(total dossiers − dossiers rated dissatisfied or complained about) ÷ total × 100 %."""
    if dissatisfied_or_complained < 0 or dissatisfied_or_complained > dossiers:
        raise ValueError("dissatisfied dossiers must lie between 0 and the total")
    return percent(dossiers - dissatisfied_or_complained, dossiers)


def b_needs_reason(
    index: Decimal | None, b_points: Fraction, threshold: Fraction, cap: Fraction
) -> bool:
    """DOMAIN §3: below the threshold, a (b) above the cap needs a written reason. No rated
    dossier (index None) imposes nothing."""
    if index is None:
        return False
    return Fraction(index) < threshold and b_points > cap
