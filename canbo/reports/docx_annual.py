"""The annual evaluation form (phiếu đánh giá, xếp loại chất lượng công chức năm) as .docx.

The year's score is the average of the monthly totals of the months worked (Art. 21): the
form lists each month as its sheet page shows it, then the average and classification as the
annual screen shows them.
"""

from django.utils.translation import gettext as _

from canbo.evaluation.choices import AnnualStatus
from canbo.evaluation.models import AnnualResult
from canbo.reports import docx_common as d
from canbo.reports.annual_report import average_text
from canbo.reports.docx_sheet import DOTS, person_fields
from canbo.reports.numbers import DASH, FROZEN, score_text, sheet_result
from canbo.scoring import FAIL, LABELS, OVERRIDES


def add_annual(doc, row: AnnualResult, months) -> None:
    """Append one person's annual form; `months` are their monthly sheets of the year."""
    person = row.person
    agency = d.agency_of(person.organization)
    d.add_letterhead(doc, agency, row.finalised_at)
    d.add_title(
        doc,
        _("Annual evaluation and quality classification form of a civil servant"),
        _("Year %(year)s") % {"year": row.year},
    )
    if row.status != AnnualStatus.FINAL:
        d.add_note(
            doc, _("DRAFT: the annual classification is not finalised yet; it may still change.")
        )
    person_fields(doc, person, str(row.year))
    d.add_heading(doc, _("I. Monthly results"))
    d.add_table(
        doc,
        [
            _("Month"),
            _("Status"),
            _("General criteria (max 30)"),
            _("Task results (max 70)"),
            _("Total"),
            _("Classification"),
        ],
        [_month_row(sheet) for sheet in months] or [[DASH] * 6],
        widths=[2, 3.2, 2.5, 2.5, 2, 4.3],
    )
    d.add_heading(doc, _("II. Annual result"))
    d.add_table(
        doc, [_("Content"), _("Result")], _result_rows(row), widths=[11, 5.5], bold_last=True
    )
    for code in row.overrides or []:
        d.add_note(
            doc,
            _("Classified “%(fail)s” whatever the score: %(ground)s.")
            % {"fail": LABELS[FAIL], "ground": OVERRIDES.get(code, code)},
        )
    d.add_heading(doc, _("III. Comments"))
    for label in (
        _("Self-assessment comment"),
        _("Reviewer's comment"),
        _("Collective comments"),
        _("Approver's comment"),
    ):
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(DOTS)
    d.add_signatures(
        doc,
        [
            (_("Person self-assessing"), person.full_name, None),
            (_("Head of the unit"), "", None),
            (_("Competent approving authority"), "", None),
        ],
    )


def _result_rows(row: AnnualResult) -> list[list[str]]:
    """Average, months, the level by score and, when the competent authority decided a lower
    one, that decision: the final level is the last (bold) line."""
    average = average_text(row)
    rows = [
        [_("Average of the months worked"), DASH if average is None else average.replace(".", ",")],
        [_("Months counted"), str(row.periods_used)],
        [_("Months not worked"), str(row.periods_absent)],
    ]
    if row.final_level:
        rows += [
            [_("Classification by score"), row.label or DASH],
            [_("Decision of the competent authority"), row.final_decision or DASH],
            [_("Reason"), row.final_reason or DASH],
        ]
    rows.append(
        [
            _("Final classification") if row.final_level else _("Classification"),
            LABELS.get(row.level, "") or DASH,
        ]
    )
    return rows


def _month_row(sheet) -> list[str]:
    month = f"{sheet.period.start:%m/%Y}"
    if not sheet.worked:
        return [month, _("Not worked (not counted)"), DASH, DASH, DASH, DASH]
    if sheet.status not in FROZEN:
        return [month, sheet.get_status_display(), DASH, DASH, DASH, _("Not counted")]
    result = sheet_result(sheet)
    task = result.get("task_score")
    return [
        month,
        sheet.get_status_display(),
        score_text(result.get("general_score")),
        _("no assigned products") if task is None else score_text(task),
        score_text(result.get("total")),
        result.get("label") or DASH,
    ]


def annual_document(entries) -> bytes:
    """One .docx for (annual result, monthly sheets) pairs, one person per page."""
    doc = d.new_document()
    for index, (row, months) in enumerate(entries):
        if index:
            d.new_page(doc)
        add_annual(doc, row, months)
    return d.to_bytes(doc)
