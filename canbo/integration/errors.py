"""API errors: JSON with a machine code and a Vietnamese message naming the field."""

from ninja.errors import HttpError

PYDANTIC_MESSAGES = {
    "missing": "Thiếu trường bắt buộc.",
    "extra_forbidden": "Trường không được hỗ trợ.",
    "int_parsing": "Phải là số nguyên.",
    "int_type": "Phải là số nguyên.",
    "int_from_float": "Phải là số nguyên.",
    "float_parsing": "Phải là số.",
    "float_type": "Phải là số.",
    "decimal_parsing": "Phải là số.",
    "decimal_type": "Phải là số.",
    "string_type": "Phải là chuỗi ký tự.",
    "bool_parsing": "Phải là true hoặc false.",
    "bool_type": "Phải là true hoặc false.",
    "date_parsing": "Ngày không hợp lệ (định dạng YYYY-MM-DD).",
    "date_from_datetime_parsing": "Ngày không hợp lệ (định dạng YYYY-MM-DD).",
    "date_type": "Ngày không hợp lệ (định dạng YYYY-MM-DD).",
    "datetime_parsing": "Thời điểm không hợp lệ (định dạng ISO 8601).",
    "datetime_from_date_parsing": "Thời điểm không hợp lệ (định dạng ISO 8601).",
    "datetime_type": "Thời điểm không hợp lệ (định dạng ISO 8601).",
    "too_long": "Quá nhiều phần tử hoặc quá dài.",
    "too_short": "Quá ít phần tử hoặc quá ngắn.",
    "string_too_long": "Chuỗi quá dài.",
    "string_too_short": "Chuỗi không được để trống.",
    "greater_than": "Giá trị quá nhỏ.",
    "greater_than_equal": "Giá trị quá nhỏ.",
    "less_than_equal": "Giá trị quá lớn.",
    "literal_error": "Giá trị không thuộc danh sách cho phép.",
    "enum": "Giá trị không thuộc danh sách cho phép.",
    "list_type": "Phải là một danh sách.",
    "dict_type": "Phải là một đối tượng JSON.",
    "model_attributes_type": "Phải là một đối tượng JSON.",
    "json_invalid": "JSON không hợp lệ.",
    "value_error": "Giá trị không hợp lệ.",
    "finite_number": "Phải là số hữu hạn.",
    "decimal_max_places": "Tối đa 2 chữ số thập phân.",
    "decimal_max_digits": "Số quá lớn.",
    "decimal_whole_digits": "Số quá lớn.",
    "string_pattern_mismatch": "Sai định dạng (chỉ chữ cái không dấu, chữ số và . _ - : @).",
    "string_unicode": "Phải là chuỗi Unicode hợp lệ.",
    "date_from_datetime_inexact": "Ngày không hợp lệ (định dạng YYYY-MM-DD).",
    "date_future": "Ngày không được ở tương lai.",
    "union_tag_invalid": "Giá trị không thuộc danh sách cho phép.",
    "missing_argument": "Thiếu trường bắt buộc.",
    "timezone_aware": "Thời điểm cần có múi giờ.",
}


SERVER_ERROR = {"code": "server_error", "field": None,
                "message": "Lỗi hệ thống: yêu cầu chưa được thực hiện. Hãy thử lại sau hoặc "
                           "báo quản trị hệ thống."}
# Errors raised outside the API's own handlers (no route, wrong method, a crash in middleware)
# answered in the same JSON shape: status -> (code, message).
PLAIN_ERRORS = {
    404: ("not_found", "Không tìm thấy địa chỉ này trong API."),
    405: ("method_not_allowed", "Phương thức HTTP này không được hỗ trợ ở địa chỉ này."),
    500: (SERVER_ERROR["code"], SERVER_ERROR["message"]),
}


def error_body(code: str, message: str, field: str | None = None, **extra) -> dict:
    """The one shape of every API error: {"code", "message", "field"} (field null when the
    error is not about one field), plus extra keys such as the list of `errors`."""
    return {"code": code, "message": message, "field": field, **extra}


def plain_error(status: int) -> dict:
    code, message = PLAIN_ERRORS.get(status, (f"http_{status}", "Yêu cầu không hợp lệ."))
    return error_body(code, message)


class ApiError(HttpError):
    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(status, message)
        self.code, self.message, self.field = code, message, field

    def body(self) -> dict:
        return error_body(self.code, self.message, self.field)


def field_path(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "payload", "query", "path")]
    path = ""
    for part in parts:
        path += f"[{part}]" if part.isdigit() else (f".{part}" if path else part)
    return path or "(gốc)"


def translate_validation(errors: list[dict]) -> list[dict]:
    translated = []
    for error in errors:
        message = PYDANTIC_MESSAGES.get(error.get("type", ""), "Giá trị không hợp lệ.")
        if error.get("type") == "value_error" and error.get("ctx", {}).get("error"):
            message = str(error["ctx"]["error"])
        translated.append({"field": field_path(error.get("loc", ())), "message": message})
    return translated
