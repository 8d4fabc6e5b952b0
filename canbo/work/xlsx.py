"""Catalogue items in and out of .xlsx (Vietnamese headers). Imports are all rows or none."""

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from openpyxl import Workbook

from canbo.core import sheet_read, xlsx
from canbo.core.text import fold, nfc
from canbo.org.models import JobPosition
from canbo.work.catalog_services import save_catalog_item
from canbo.work.choices import Complexity
from canbo.work.errors import WorkError
from canbo.work.models import Catalog, CatalogItem

HEADERS = [
    "Mã",
    "Tên sản phẩm/công việc",
    "Sản phẩm đầu ra",
    "Đơn vị tính",
    "Nhóm độ phức tạp",
    "Hệ số quy đổi",
    "Vị trí việc làm",
]
COMPLEXITY_LABELS = {
    Complexity.SIMPLE: "Đơn giản",
    Complexity.STANDARD: "Thông thường",
    Complexity.ADVANCED: "Nâng cao",
    Complexity.COMPLEX: "Phức tạp",
    Complexity.SPECIAL: "Đặc thù",
}
_COMPLEXITY_KEYS = {fold(label): code for code, label in COMPLEXITY_LABELS.items()} | {
    code.value: code for code in Complexity
}
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
SHEET_LIMITS = sheet_read.Limits(rows=MAX_ROWS)
LIMITS = {"code": 32, "name": 300, "output": 300, "unit": 60}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def export_catalog(catalog: Catalog) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh mục"
    xlsx.append(sheet, HEADERS)
    for item in catalog.items.prefetch_related("job_positions").order_by("code"):
        positions = ", ".join(sorted(p.code for p in item.job_positions.all()))
        xlsx.append(
            sheet,
            [
                item.code,
                item.name,
                item.output,
                item.unit,
                COMPLEXITY_LABELS[item.complexity],
                item.coefficient,
                positions,
            ],
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def import_catalog(actor, catalog: Catalog, content: bytes) -> ImportReport:
    """Add or update items by code; any invalid row rejects the whole file."""
    if catalog.published:
        raise WorkError("Danh mục đã ban hành không được sửa: hãy tạo phiên bản mới.")
    rows = _read_rows(content)
    report, parsed = ImportReport(), _parse_rows(rows)
    report.errors = [(n, msg) for n, row in parsed for msg in row.get("errors", [])]
    if report.errors:
        return report
    existing = {item.code: item for item in catalog.items.all()}
    with transaction.atomic():
        for _, row in parsed:
            item = existing.get(row["code"]) or CatalogItem(catalog=catalog)
            report.updated += bool(item.pk)
            report.created += not item.pk
            for name in ("code", "name", "output", "unit", "complexity", "coefficient"):
                setattr(item, name, row[name])
            save_catalog_item(actor, item, row["positions"])
    return report


def _read_rows(content: bytes) -> list[tuple[int, tuple]]:
    if len(content) > MAX_BYTES:
        raise WorkError("Tệp quá lớn (tối đa 5 MB).")
    if not sheet_read.is_zip(content):
        raise WorkError("Tệp không phải là tệp Excel (.xlsx) hợp lệ.")
    try:
        header, rows = sheet_read.table(content, SHEET_LIMITS)
    except sheet_read.UnsafeSheet as exc:
        raise WorkError(exc.message) from None
    if [_text(v) for v in header[: len(HEADERS)]] != HEADERS:
        raise WorkError("Dòng đầu của tệp phải là tiêu đề: " + "; ".join(HEADERS) + ".")
    return [(n, row) for n, row in rows if any(_text(v) for v in row)]


def _parse_rows(rows: list[tuple[int, tuple]]) -> list[tuple[int, dict]]:
    positions = {p.code: p for p in JobPosition.objects.all()}
    seen: set[str] = set()
    parsed = []
    for number, values in rows:
        row = _parse_row(list(values) + [None] * len(HEADERS), positions)
        if row["code"] and row["code"] in seen:
            row["errors"].append(f"Mã “{row['code']}” bị trùng với một dòng phía trên.")
        seen.add(row["code"])
        row["errors"] = [f"Dòng {number}: {error}" for error in row["errors"]]
        parsed.append((number, row))
    return parsed


def _parse_row(values: list, positions: dict[str, JobPosition]) -> dict:
    row: dict = {name: _text(values[i]) for i, name in enumerate(LIMITS)}
    errors = [
        f"{HEADERS[i]} không được để trống."
        for i, name in enumerate(LIMITS)
        if not row[name] and name != "output"
    ]
    errors += [
        f"{HEADERS[i]} dài quá {limit} ký tự."
        for i, (name, limit) in enumerate(LIMITS.items())
        if len(row[name]) > limit
    ]
    row["complexity"] = _COMPLEXITY_KEYS.get(fold(_text(values[4])))
    if row["complexity"] is None:
        errors.append(
            f"Nhóm độ phức tạp “{_text(values[4])}” không hợp lệ (hợp lệ: "
            + ", ".join(COMPLEXITY_LABELS.values())
            + ")."
        )
    row["coefficient"], error = _coefficient(values[5])
    errors += [error] if error else []
    codes = [c.strip() for c in _text(values[6]).split(",") if c.strip()]
    errors += [f"Không có vị trí việc làm mã “{c}”." for c in codes if c not in positions]
    row["positions"] = [positions[c] for c in codes if c in positions]
    row["errors"] = errors
    return row


def _coefficient(value) -> tuple[Decimal | None, str]:
    text = _text(value).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, f"Hệ số quy đổi “{_text(value)}” không phải là số."
    if not number.is_finite() or not Decimal(0) < number <= Decimal("999.99"):
        return None, "Hệ số quy đổi phải lớn hơn 0 và không quá 999,99."
    if number != number.quantize(Decimal("0.01")):
        return None, "Hệ số quy đổi có tối đa 2 chữ số thập phân."
    return number, ""


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)) or ""
