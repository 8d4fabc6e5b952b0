"""Rows of a one-stop dossier spreadsheet (.xlsx/.csv): every row is checked first, then all
are written or none (canbo.feedback.dossiers does both, like the API)."""

import re
from datetime import date

from canbo.core import sheet_read
from canbo.core.text import fold
from canbo.feedback.choices import Concern, DossierStatus, Level
from canbo.feedback.dossiers import DossierData, RatingData, check_dossiers, write_dossiers
from canbo.integration.imports.reader import Row, RowResult, parse_date, read_rows, text
from canbo.integration.imports.scope import Actor
from canbo.integration.tasks import fast_insert

HEADERS = [
    "Mã hồ sơ",
    "Thủ tục",
    "Mã công chức",
    "Ngày tiếp nhận",
    "Hạn trả kết quả",
    "Ngày trả kết quả",
    "Trạng thái",
    "Bị phản ánh",
    "Mức đánh giá",
    "Ý kiến",
    "Nội dung phản ánh",
]
MAX_ROWS = 200_000
MAX_BYTES = 64 * 1024 * 1024
LIMITS = sheet_read.Limits(rows=MAX_ROWS)
STATUS_WORDS = {
    "tiep nhan": DossierStatus.RECEIVED,
    "dang xu ly": DossierStatus.PROCESSING,
    "da tra": DossierStatus.RETURNED,
    "tra ket qua": DossierStatus.RETURNED,
    "huy": DossierStatus.CANCELLED,
    "tu choi": DossierStatus.CANCELLED,
}
LEVEL_WORDS = {
    fold(str(label)): value
    for value, label in [
        (5, "Rất hài lòng"),
        (4, "Hài lòng"),
        (3, "Bình thường"),
        (2, "Không hài lòng"),
        (1, "Rất không hài lòng"),
    ]
}
YES = {"co", "x", "1", "yes", "true"}
LEVELS, CONCERNS, STATUSES = (
    frozenset(Level.values),
    frozenset(Concern.values),
    frozenset(DossierStatus.values),
)
CONCERN_WORDS = {
    "thai do": Concern.ATTITUDE,
    "thoi gian": Concern.TIME,
    "giay to": Concern.EXTRA_PAPERS,
    "huong dan": Concern.GUIDANCE,
    "phi": Concern.FEES,
    "co so vat chat": Concern.FACILITIES,
}


def read(content: bytes) -> list[Row]:
    return read_rows(content, HEADERS, limits=LIMITS, max_bytes=MAX_BYTES)


def check(actor: Actor, rows: list[Row]) -> list[RowResult]:
    """Parse each row, then resolve them all (officers, communes, existing codes, locks)."""
    parsed = [_parse(number, values) for number, values in rows]
    good = [(result, data) for result, data in parsed if data is not None]
    checked = check_dossiers(actor.people(), [data for _, data in good])
    for (result, _), item in zip(good, checked, strict=True):
        result.errors += [e for e in item.errors if e not in result.errors]
        result.action = item.action if not result.errors else ""
        result.data = {"checked": item}
    return [result for result, _ in parsed]


def write(actor: Actor, results: list[RowResult]) -> int:
    checked = [r.data["checked"] for r in results]
    return write_dossiers(actor.user, checked, "spreadsheet", fast_insert.insert_rows).written


def _parse(number: int, values: dict) -> tuple[RowResult, DossierData | None]:
    code, officer = text(values["Mã hồ sơ"]), text(values["Mã công chức"])
    result = RowResult(number, f"{code or '?'} — {officer or '?'}")
    errors = result.errors
    if not code or len(code) > 64:
        errors.append("Mã hồ sơ bắt buộc, tối đa 64 ký tự.")
    if not officer:
        errors.append("Mã công chức bắt buộc.")
    received = _date(values["Ngày tiếp nhận"], "Ngày tiếp nhận", errors)
    if received is None and not any("Ngày tiếp nhận" in e for e in errors):
        errors.append("Ngày tiếp nhận bắt buộc.")
    due = _date(values["Hạn trả kết quả"], "Hạn trả kết quả", errors)
    returned = _date(values["Ngày trả kết quả"], "Ngày trả kết quả", errors)
    status = _status(values["Trạng thái"], returned, errors)
    rating = _rating(values, errors)
    if not code or len(code) > 64 or not officer or received is None or not status:
        return result, None
    # Checked further with the database (and the row's own date order) by check().
    return result, DossierData(
        code=code,
        officer_code=officer,
        received_date=received,
        procedure=text(values["Thủ tục"])[:300],
        due_date=due,
        returned_date=returned,
        status=status,
        complained=fold(text(values["Bị phản ánh"])) in YES,
        rating=rating,
    )


DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _date(value, label: str, errors: list[str]) -> date | None:
    """dd/mm/yyyy read directly (a large file has hundreds of thousands of them); any other
    form through the shared parser."""
    if isinstance(value, str) and (match := DMY.fullmatch(value.strip())):
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass  # the shared parser words the error
    return parse_date(value, label, errors)


def _status(value, returned, errors: list[str]) -> str:
    raw = fold(text(value))
    if not raw:
        return DossierStatus.RETURNED if returned else DossierStatus.RECEIVED
    if raw in STATUSES:
        return raw
    for word, status in STATUS_WORDS.items():
        if word in raw:
            return status
    errors.append(
        f"Trạng thái “{text(value)}” không nhận diện được (tiếp nhận, đang xử lý, đã trả, huỷ)."
    )
    return ""


def _rating(values: dict, errors: list[str]) -> RatingData | None:
    raw = text(values["Mức đánh giá"])
    if not raw:
        if text(values["Ý kiến"]) or text(values["Nội dung phản ánh"]):
            errors.append("Có ý kiến hoặc nội dung phản ánh nhưng thiếu mức đánh giá.")
        return None
    level = int(raw) if raw.isdigit() else LEVEL_WORDS.get(fold(raw), 0)
    if level not in LEVELS:
        errors.append(
            f"Mức đánh giá “{raw}” không hợp lệ (1–5 hoặc Rất hài lòng … Rất không hài lòng)."
        )
        return None
    concerns = []
    for part in filter(None, (p.strip() for p in text(values["Nội dung phản ánh"]).split(","))):
        key = fold(part)
        found = (
            key
            if key in CONCERNS
            else next((c for w, c in CONCERN_WORDS.items() if w in key), None)
        )
        if found is None:
            errors.append(f"Nội dung phản ánh “{part}” không nhận diện được.")
        else:
            concerns.append(found)
    comment = text(values["Ý kiến"])
    if len(comment) > 1000:
        errors.append("Ý kiến dài quá 1.000 ký tự.")
    return RatingData(level, comment, tuple(sorted(set(concerns))))
