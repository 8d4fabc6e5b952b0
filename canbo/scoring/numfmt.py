"""Exact number conversion and Vietnamese number display."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

Number = int | float | Decimal | Fraction


def to_fraction(value: Number) -> Fraction:
    """Convert a number exactly; floats go through their shortest decimal text."""
    if isinstance(value, bool):
        raise TypeError("bool is not a number")
    if isinstance(value, Fraction | int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("number must be finite")
        # Fraction(0.1) would be 3602879701896397/36028797018963968; users meant 1/10.
        return Fraction(Decimal(str(value)))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("number must be finite")
        return Fraction(value)
    raise TypeError(f"not a number: {value!r}")


def rounded(value: Fraction | int, places: int = 2) -> Decimal:
    """Round half up (ties away from zero, as ROUND_HALF_UP) to `places` decimals, exactly:
    integer arithmetic on the fraction, never a float or a 28-digit decimal quotient first."""
    value = Fraction(value)
    units, rest = divmod(abs(value.numerator) * 10**places, value.denominator)
    if 2 * rest >= value.denominator:
        units += 1
    return Decimal(-units if value < 0 else units).scaleb(-places)


def percent(part: Fraction | int, whole: Fraction | int, places: int = 1) -> float:
    """A share in % rounded half up once from the exact quotient (6.25 % is 6.3, where
    round(6.25, 1) gives 6.2), as a float of those digits for tables and charts; 0 of 0 is 0."""
    if not whole:
        return 0.0
    return float(rounded(Fraction(part) * 100 / Fraction(whole), places))


def json_number(value: Fraction | None) -> float | None:
    """A value as a JSON number: the double nearest the exact fraction, converted once from it
    (never the outcome of float arithmetic, so no 0.1 + 0.2 drift). Every JSON reader holds a
    number as a double; what is stored or shown is rounded from the fraction (`rounded`), and
    the fraction travels as text where it is needed again (`total_exact`)."""
    return None if value is None else float(value)


def fmt(value: Fraction | int, places: int = 2) -> str:
    """Vietnamese display: '.' groups thousands, ',' before decimals, no trailing zeros."""
    number = rounded(Fraction(value), places)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, decimals = text.partition(".")
    decimals = decimals.rstrip("0")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{decimals}" if decimals else f"{sign}{whole}"


def fmt_percent(value: Fraction) -> str:
    return f"{fmt(value * 100)} %"
