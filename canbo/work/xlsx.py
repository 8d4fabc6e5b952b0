"""Catalogue items in and out of .xlsx (headers and complexity groups translated: the
province's files are Vietnamese). Imports are all rows or none."""

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from openpyxl import Workbook

from canbo.core import sheet_read, xlsx
from canbo.core.text import fold, nfc
from canbo.org.models import JobPosition
from canbo.work.catalog_services import save_catalog_item
from canbo.work.choices import Complexity
from canbo.work.errors import WorkError
from canbo.work.models import Catalog, CatalogItem

_HEADERS = [
    pgettext_lazy("catalogue column", "Code"),
    pgettext_lazy("catalogue column", "Product/work name"),
    pgettext_lazy("catalogue column", "Output product"),
    pgettext_lazy("catalogue column", "Unit of measure"),
    pgettext_lazy("catalogue column", "Complexity group"),
    pgettext_lazy("catalogue column", "Conversion coefficient"),
    pgettext_lazy("catalogue column", "Job position"),
]
COMPLEXITY_LABELS = {
    Complexity.SIMPLE: pgettext_lazy("complexity group", "Simple"),
    Complexity.STANDARD: pgettext_lazy("complexity group", "Standard"),
    Complexity.ADVANCED: pgettext_lazy("complexity group", "Advanced"),
    Complexity.COMPLEX: pgettext_lazy("complexity group", "Complex"),
    Complexity.SPECIAL: pgettext_lazy("complexity group", "Special"),
}
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
SHEET_LIMITS = sheet_read.Limits(rows=MAX_ROWS)
LIMITS = {"code": 32, "name": 300, "output": 300, "unit": 60}


def __getattr__(name: str) -> list[str]:
    """HEADERS as plain strings, translated when read (written into cells and compared)."""
    if name == "HEADERS":
        return [str(header) for header in _HEADERS]
    raise AttributeError(name)


def _complexity_keys() -> dict:
    """{accent-free label or code: complexity}, in the active language."""
    labels = {fold(str(label)): code for code, label in COMPLEXITY_LABELS.items()}
    return labels | {code.value: code for code in Complexity}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def export_catalog(catalog: Catalog) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Catalogue")
    xlsx.append(sheet, [str(header) for header in _HEADERS])
    for item in catalog.items.prefetch_related("job_positions").order_by("code"):
        positions = ", ".join(sorted(p.code for p in item.job_positions.all()))
        xlsx.append(
            sheet,
            [
                item.code,
                item.name,
                item.output,
                item.unit,
                str(COMPLEXITY_LABELS[item.complexity]),
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
        raise WorkError(_("A published catalogue cannot be edited: create a new version."))
    rows = _read_rows(content)
    report, parsed = ImportReport(), _parse_rows(rows)
    report.errors = [(n, msg) for n, row in parsed for msg in row.get("errors", [])]
    if report.errors:
        return report
    existing = {item.code: item for item in catalog.items.all()}
    with transaction.atomic():
        for _number, row in parsed:
            item = existing.get(row["code"]) or CatalogItem(catalog=catalog)
            report.updated += bool(item.pk)
            report.created += not item.pk
            for name in ("code", "name", "output", "unit", "complexity", "coefficient"):
                setattr(item, name, row[name])
            save_catalog_item(actor, item, row["positions"])
    return report


def _read_rows(content: bytes) -> list[tuple[int, tuple]]:
    if len(content) > MAX_BYTES:
        raise WorkError(
            _("The file is too large (at most %(size)s MB).") % {"size": MAX_BYTES // (1024 * 1024)}
        )
    if not sheet_read.is_zip(content):
        raise WorkError(_("The file is not a valid Excel (.xlsx) file."))
    try:
        header, rows = sheet_read.table(content, SHEET_LIMITS)
    except sheet_read.UnsafeSheet as exc:
        raise WorkError(exc.message) from None
    headers = [str(h) for h in _HEADERS]
    if [_text(v) for v in header[: len(headers)]] != headers:
        raise WorkError(
            _("The first row of the file must be the headers: %(headers)s.")
            % {"headers": "; ".join(headers)}
        )
    return [(n, row) for n, row in rows if any(_text(v) for v in row)]


def _parse_rows(rows: list[tuple[int, tuple]]) -> list[tuple[int, dict]]:
    positions = {p.code: p for p in JobPosition.objects.all()}
    complexity = _complexity_keys()
    seen: set[str] = set()
    parsed = []
    for number, values in rows:
        row = _parse_row(list(values) + [None] * len(_HEADERS), positions, complexity)
        if row["code"] and row["code"] in seen:
            row["errors"].append(_("Code “%(code)s” repeats a row above.") % {"code": row["code"]})
        seen.add(row["code"])
        row["errors"] = [
            _("Row %(number)s: %(error)s") % {"number": number, "error": error}
            for error in row["errors"]
        ]
        parsed.append((number, row))
    return parsed


def _parse_row(values: list, positions: dict[str, JobPosition], complexity: dict) -> dict:
    row: dict = {name: _text(values[i]) for i, name in enumerate(LIMITS)}
    errors = [
        _("%(column)s must not be empty.") % {"column": _HEADERS[i]}
        for i, name in enumerate(LIMITS)
        if not row[name] and name != "output"
    ]
    errors += [
        _("%(column)s is longer than %(limit)s characters.")
        % {"column": _HEADERS[i], "limit": limit}
        for i, (name, limit) in enumerate(LIMITS.items())
        if len(row[name]) > limit
    ]
    row["complexity"] = complexity.get(fold(_text(values[4])))
    if row["complexity"] is None:
        errors.append(
            _("Complexity group “%(value)s” is not valid (valid: %(choices)s).")
            % {
                "value": _text(values[4]),
                "choices": ", ".join(str(label) for label in COMPLEXITY_LABELS.values()),
            }
        )
    row["coefficient"], error = _coefficient(values[5])
    errors += [error] if error else []
    codes = [c.strip() for c in _text(values[6]).split(",") if c.strip()]
    errors += [
        _("There is no job position with code “%(code)s”.") % {"code": c}
        for c in codes
        if c not in positions
    ]
    row["positions"] = [positions[c] for c in codes if c in positions]
    row["errors"] = errors
    return row


def _coefficient(value) -> tuple[Decimal | None, str]:
    text = _text(value).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None, _("Conversion coefficient “%(value)s” is not a number.") % {
            "value": _text(value)
        }
    if not number.is_finite() or not Decimal(0) < number <= Decimal("999.99"):
        return None, _("Conversion coefficient must be greater than 0 and at most 999,99.")
    if number != number.quantize(Decimal("0.01")):
        return None, _("Conversion coefficient has at most 2 decimal places.")
    return number, ""


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)) or ""
