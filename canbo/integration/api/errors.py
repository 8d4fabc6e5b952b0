"""API errors: JSON with a machine code and a Vietnamese message naming the field."""

from django.utils.translation import gettext_lazy as _
from ninja.errors import HttpError

from canbo.scoring import fmt

PYDANTIC_MESSAGES = {
    "missing": _("Required field missing."),
    "extra_forbidden": _("Field not supported."),
    "int_parsing": _("Must be an integer."),
    "int_type": _("Must be an integer."),
    "int_from_float": _("Must be an integer."),
    "float_parsing": _("Must be a number."),
    "float_type": _("Must be a number."),
    "decimal_parsing": _("Must be a number."),
    "decimal_type": _("Must be a number."),
    "string_type": _("Must be a string."),
    "bool_parsing": _("Must be true or false."),
    "bool_type": _("Must be true or false."),
    "date_parsing": _("Invalid date (format YYYY-MM-DD)."),
    "date_from_datetime_parsing": _("Invalid date (format YYYY-MM-DD)."),
    "date_type": _("Invalid date (format YYYY-MM-DD)."),
    "datetime_parsing": _("Invalid time (format ISO 8601)."),
    "datetime_from_date_parsing": _("Invalid time (format ISO 8601)."),
    "datetime_type": _("Invalid time (format ISO 8601)."),
    "too_long": _("Too many items or too long."),
    "too_short": _("Too few items or too short."),
    "string_too_long": _("String too long."),
    "string_too_short": _("String must not be empty."),
    "greater_than": _("Value too small."),
    "greater_than_equal": _("Value too small."),
    "less_than_equal": _("Value too large."),
    "literal_error": _("Value not in the allowed list."),
    "enum": _("Value not in the allowed list."),
    "list_type": _("Must be a list."),
    "dict_type": _("Must be a JSON object."),
    "model_attributes_type": _("Must be a JSON object."),
    "json_invalid": _("Invalid JSON."),
    "value_error": _("Invalid value."),
    "finite_number": _("Must be a finite number."),
    "decimal_max_places": _("At most 2 decimal places."),
    "decimal_max_digits": _("Number too large."),
    "decimal_whole_digits": _("Number too large."),
    "string_pattern_mismatch": _("Wrong format (only unaccented letters, digits and . _ - : @)."),
    "string_unicode": _("Must be a valid Unicode string."),
    "date_from_datetime_inexact": _("Invalid date (format YYYY-MM-DD)."),
    "date_future": _("The date must not be in the future."),
    "union_tag_invalid": _("Value not in the allowed list."),
    "missing_argument": _("Required field missing."),
    "timezone_aware": _("The time needs a time zone."),
}


SERVER_ERROR = {
    "code": "server_error",
    "field": None,
    "message": _(
        "System error: the request was not carried out. Try again later "
        "or tell the system administrator."
    ),
}
# Errors raised outside the API's own handlers (no route, wrong method, a crash in middleware)
# answered in the same JSON shape: status -> (code, message).
PLAIN_ERRORS = {
    404: ("not_found", _("This address is not in the API.")),
    405: ("method_not_allowed", _("This HTTP method is not supported at this address.")),
    500: (SERVER_ERROR["code"], SERVER_ERROR["message"]),
}


def root_field() -> str:
    """The field named when an error is about the whole body."""
    return str(_("(root)"))


def error_body(code: str, message: str, field: str | None = None, **extra) -> dict:
    """The one shape of every API error: {"code", "message", "field"} (field null when the
    error is not about one field), plus extra keys such as the list of `errors`. A lazy
    message is translated here, so the JSON body always holds a str."""
    return {"code": code, "message": str(message), "field": field, **extra}


def plain_error(status: int) -> dict:
    code, message = PLAIN_ERRORS.get(status, (f"http_{status}", _("Invalid request.")))
    return error_body(code, message)


class ApiError(HttpError):
    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(status, message)
        self.code, self.message, self.field = code, message, field

    def body(self) -> dict:
        return error_body(self.code, self.message, self.field)


def refuse_big_batch(value, limit: int, field: str, message) -> object:
    """A batch over the limit is refused whole, 413, before its items are parsed (not one
    422 per item). `message` may use %(limit)s and %(count)s (or %(max)s)."""
    if isinstance(value, list) and len(value) > limit:
        numbers = {"limit": fmt(limit), "max": fmt(limit), "count": fmt(len(value))}
        raise ApiError(413, "batch_too_large", str(message) % numbers, field)
    return value


def field_path(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "payload", "query", "path")]
    path = ""
    for part in parts:
        path += f"[{part}]" if part.isdigit() else (f".{part}" if path else part)
    return path or root_field()


def translate_validation(errors: list[dict]) -> list[dict]:
    translated = []
    for error in errors:
        message = PYDANTIC_MESSAGES.get(error.get("type", ""), _("Invalid value."))
        if error.get("type") == "value_error" and error.get("ctx", {}).get("error"):
            message = str(error["ctx"]["error"])
        translated.append({"field": field_path(error.get("loc", ())), "message": str(message)})
    return translated
