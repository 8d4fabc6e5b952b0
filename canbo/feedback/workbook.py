"""The monthly satisfaction workbook of one commune (.xlsx through canbo.core.xlsx)."""

import io
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from canbo.core import xlsx
from canbo.feedback.index import index_rows

# The columns of the monthly workbook (translated when the workbook is built).
HEADERS = [
    pgettext_lazy("satisfaction column", "Officer code"),
    pgettext_lazy("satisfaction column", "Full name"),
    pgettext_lazy("satisfaction column", "Unit"),
    pgettext_lazy("satisfaction column", "Dossiers"),
    pgettext_lazy("satisfaction column", "Rated"),
    pgettext_lazy("satisfaction column", "Satisfied"),
    pgettext_lazy("satisfaction column", "Dissatisfied"),
    pgettext_lazy("satisfaction column", "Dissatisfied or complained about"),
    pgettext_lazy("satisfaction column", "Satisfaction index (%)"),
    pgettext_lazy("satisfaction column", "On time (%)"),
]


def commune_workbook(commune, month: date, queryset) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = f"{month:%m-%Y}"
    title = _("Citizen satisfaction index — %(commune)s — month %(month)s") % {
        "commune": commune.name,
        "month": f"{month:%m/%Y}",
    }
    xlsx.append(sheet, [title])
    sheet["A1"].font = Font(bold=True)
    xlsx.append(
        sheet,
        [
            _(
                "Formula (Decision 766/QĐ-TTg): (all dossiers − dossiers dissatisfied "
                "or complained about) ÷ all dossiers × 100 percent"
            )
        ],
    )
    xlsx.append(sheet, [str(header) for header in HEADERS])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for level in ("officer", "unit", "commune"):
        for row in index_rows(queryset, level):
            name = {
                "officer": row.person_name,
                "unit": row.unit_name,
                "commune": _("Whole commune/ward"),
            }[level]
            unit = row.unit_name if level == "officer" else ""
            code = (row.person_code or "") if level == "officer" else ""
            xlsx.append(
                sheet,
                [
                    code,
                    name,
                    unit,
                    row.dossiers,
                    row.rated,
                    row.satisfied,
                    row.dissatisfied,
                    row.complained_or_dissatisfied,
                    row.index,
                    row.on_time,
                ],
            )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
