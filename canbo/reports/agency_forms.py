"""The agency evaluation form (.docx under the national header) and the province table
(.xlsx), built from the Contract rows of canbo.agency.report."""

from decimal import Decimal
from io import BytesIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from canbo.agency.models import AgencyEvaluation
from canbo.core import xlsx
from canbo.reports.docx_common import (
    add_field,
    add_heading,
    add_letterhead,
    add_note,
    add_signatures,
    add_table,
    add_title,
    new_document,
    to_bytes,
)
from canbo.scoring import LABELS

SCORE = "0.00"


def _number(text: str | None) -> Decimal | None:
    """A contract number ("81.86") as a cell: its digits, exactly."""
    return None if text is None else Decimal(text)


def agency_document(evaluation: AgencyEvaluation, row: dict) -> bytes:
    doc = new_document()
    add_letterhead(doc, evaluation.organization, timezone.localdate())
    add_title(
        doc,
        _("Agency evaluation and classification form"),
        _("Year %(year)s") % {"year": evaluation.year},
    )
    add_field(doc, _("Agency"), evaluation.organization.name)
    add_field(doc, _("Criteria set"), str(evaluation.criteria_set))
    add_heading(doc, _("I. Criteria"))
    rows = [
        [
            c["name"],
            c["source"] == "computed" and _("computed") or _("entered"),
            c["max"],
            c["points"],
        ]
        for c in row["criteria"]
    ]
    rows.append([_("Total"), "", "100.00", row["total"]])
    add_table(
        doc,
        [_("Criterion"), _("How measured"), _("Maximum"), _("Points")],
        rows,
        [9, 3, 2, 2],
        bold_last=True,
    )
    add_heading(doc, _("II. Socio-economic indicators"))
    add_table(
        doc,
        [_("Indicator"), _("Unit"), _("Target"), _("Actual"), _("Points")],
        [
            [i["name"], i["unit"], i["target"] or "—", i["actual"] or "—", i["points"]]
            for i in row["indicators"]
        ],
        [6, 3, 2.5, 2.5, 2],
    )
    add_heading(doc, _("III. Result"))
    add_field(doc, _("General criteria (max 30)"), row["general"])
    add_field(doc, _("Task results (max 70)"), row["task"])
    add_field(doc, _("Total"), row["total"])
    add_field(doc, _("Classification"), LABELS.get(row["level"], ""))
    add_heading(doc, _("Explanation"))
    for line in evaluation.explanation:
        prefix = f"{line['criterion']}: " if line.get("criterion") else ""
        add_note(doc, prefix + line["text"], italic=False)
    add_signatures(
        doc,
        [
            (_("Chairman of the commune People's Committee"), "", evaluation.self_assessed_at),
            (_("Department of Home Affairs"), "", evaluation.reviewed_at),
            (_("Provincial People's Committee"), "", evaluation.published_at),
        ],
    )
    return to_bytes(doc)


def province_workbook(year: int, rows: list[dict]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = str(year)
    heading = _("Agency evaluation of the communes, year %(year)s") % {"year": year}
    title = xlsx.put(ws, 1, 1, heading)
    title.font = Font(bold=True, size=13)
    headers = [
        "#",
        _("Code"),
        _("Commune / ward"),
        _("General criteria (max 30)"),
        _("Task results (max 70)"),
        _("Total"),
        _("Level"),
        _("Status"),
    ]
    names = [i["name"] for i in rows[0]["indicators"]] if rows else []
    headers += [_("%(name)s: points") % {"name": n} for n in names]
    xlsx.append(ws, [])
    xlsx.append(ws, headers)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for n, row in enumerate(rows, start=1):
        values = [
            n,
            row["code"],
            row["name"],
            _number(row["general"]),
            _number(row["task"]),
            _number(row["total"]),
            LABELS.get(row["level"], ""),
            row["status"],
        ]
        values += [_number(i["points"]) for i in row["indicators"]]
        xlsx.append(ws, values)
        for cell in ws[ws.max_row][3:6] + ws[ws.max_row][8:]:
            cell.number_format = SCORE
    for column, width in zip("ABCDEFGH", (5, 16, 24, 12, 12, 10, 28, 14), strict=True):
        ws.column_dimensions[column].width = width
    buffer = BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
