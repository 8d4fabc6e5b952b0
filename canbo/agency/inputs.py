"""What users type into the agency pages, checked: numbers, a criterion's points, the fields
of an indicator. Bad input raises AgencyError with a Vietnamese message."""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from canbo.agency.errors import AgencyError
from canbo.agency.models import Direction
from canbo.scoring import fmt
from canbo.scoring.numfmt import to_fraction

EDITABLE = ("name", "unit", "direction", "max_points", "full_ratio", "zero_ratio")


def parse_number(raw, what: str) -> Decimal:
    text = str(raw if raw is not None else "").strip().replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")  # Vietnamese 1.234,5
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise AgencyError(
            _("%(what)s: “%(value)s” is not a number.") % {"what": what, "value": raw}
        ) from None
    if not value.is_finite() or abs(value) >= Decimal(10) ** 14:
        raise AgencyError(
            _("%(what)s: “%(value)s” is not a number.") % {"what": what, "value": raw}
        )
    return value.quantize(Decimal("0.01"))


def check_indicator(fields: dict) -> dict:
    if not str(fields.get("name", "")).strip() or not str(fields.get("unit", "")).strip():
        raise AgencyError(_("An indicator needs a name and a unit."))
    if fields.get("direction", Direction.HIGHER) not in Direction.values:
        raise AgencyError(_("The direction must be “higher is better” or “lower is better”."))
    most = parse_number(fields.get("max_points", 0), _("Maximum points"))
    full = parse_number(fields.get("full_ratio", 1), _("Ratio for full points"))
    zero = parse_number(fields.get("zero_ratio", "0.5"), _("Ratio for no points"))
    if most <= 0:
        raise AgencyError(_("The maximum points of an indicator must be above 0."))
    if not 0 <= zero < full:
        raise AgencyError(
            _("The ratio for no points must be at least 0 and below the ratio for full points.")
        )
    return {**fields, "max_points": most, "full_ratio": full, "zero_ratio": zero}


def parse_points(raw, criterion) -> Decimal | None:
    """Points typed for a criterion: a number 0 – max, or empty."""
    text = str(raw if raw is not None else "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise AgencyError(
            _("Criterion %(code)s: “%(value)s” is not a number.")
            % {"code": criterion.code, "value": raw}
        ) from None
    if not value.is_finite() or value < 0 or value > criterion.max_points:
        raise AgencyError(
            _("Criterion %(code)s: %(value)s points is outside 0 – %(max)s.")
            % {
                "code": criterion.code,
                "value": fmt(to_fraction(value)),
                "max": fmt(to_fraction(criterion.max_points)),
            }
        )
    return value
