"""The monthly evaluation sheet (phiếu đánh giá, xếp loại chất lượng hằng tháng) as .docx."""

from django.template.defaultfilters import floatformat
from django.utils.formats import localize
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.general import TOTAL, general_rows
from canbo.reports import docx_common as d
from canbo.reports.numbers import DASH, FROZEN, percent_text, score_text, sheet_result

DOTS = "…" * 30


def user_name(user) -> str:
    """The civil servant behind a user account, else the account's own name."""
    if user is None:
        return ""
    profile = getattr(user, "profile", None)
    person = getattr(profile, "person", None) if profile else None
    return person.full_name if person else (user.get_full_name() or user.username)


def person_fields(doc, person, period_text: str) -> None:
    d.add_field(doc, _("Full name"), person.full_name)
    d.add_field(doc, _("Title"), str(person.title or ""))
    d.add_field(doc, pgettext("organisation", "Unit"), str(person.organization or ""))
    d.add_field(doc, _("Job position"), str(person.job_position or ""))
    d.add_field(doc, _("Evaluation period"), period_text)


def add_sheet(doc, sheet: EvaluationSheet, tasks) -> None:
    """Append one person's monthly form to the document."""
    result = sheet_result(sheet)
    person, start = sheet.person, sheet.period.start
    agency = d.agency_of(person.organization)
    d.add_letterhead(doc, agency, sheet.approved_at)
    d.add_title(
        doc,
        _("Monthly evaluation and quality classification sheet of a civil servant"),
        _("Month %(month)s/%(year)s") % {"month": f"{start:%m}", "year": start.year},
    )
    if sheet.status not in FROZEN:
        d.add_note(
            doc,
            _(
                "DRAFT: this sheet is not approved yet (status: %(status)s); "
                "its numbers may still change."
            )
            % {"status": sheet.get_status_display()},
        )
    person_fields(doc, person, f"{start:%m/%Y}")
    _general(doc, sheet)
    _tasks(doc, sheet, result, tasks)
    d.add_heading(doc, _("III. Total and classification"))
    d.add_table(
        doc,
        [_("Content"), _("Result")],
        [
            [_("Total"), score_text(result.get("total"))],
            [_("Classification"), result.get("label") or DASH],
        ],
        widths=[11, 5.5],
    )
    _comments(doc, sheet)
    d.add_signatures(
        doc,
        [
            (_("Person self-assessing"), person.full_name, sheet.submitted_at),
            (_("Head of the unit"), user_name(sheet.reviewed_by), sheet.reviewed_at),
            (_("Competent approving authority"), user_name(sheet.approved_by), sheet.approved_at),
        ],
    )


def _general(doc, sheet: EvaluationSheet) -> None:
    """The form-01 table by the sheet's criteria set: groups with subtotals, their lines."""
    d.add_heading(doc, _("I. General criteria (max 30)"))
    rows = general_rows(sheet)
    cells = [[row.code, row.label, row.max_text, *_points(row)] for row in rows]
    table = d.add_table(
        doc,
        [
            _("No."),
            _("Criterion"),
            _("Maximum points"),
            _("Self-assessed points"),
            _("Competent authority's points"),
        ],
        cells,
        widths=[1.3, 8.2, 2, 2.5, 2.5],
    )
    for row, line in zip(rows, table.rows[1:], strict=True):
        for run in (r for cell in line.cells for p in cell.paragraphs for r in p.runs):
            run.bold = row.heading
    reasons = [f"{row.code}: {row.reason}" for row in rows if row.reason]
    if reasons:
        d.add_note(doc, f"{_('Reason for the change')}: " + "; ".join(reasons))


def _points(row) -> list[str]:
    # A line prints as the page prints a stored point (9,0; 2,25); the total as a score (25,50).
    if row.kind == TOTAL:
        return [score_text(row.self_points), score_text(row.review_points)]
    return [_point(row.self_points), _point(row.review_points)]


def _point(value) -> str:
    return DASH if value is None else localize(value)


def _tasks(doc, sheet: EvaluationSheet, result: dict, tasks) -> None:
    d.add_heading(doc, _("II. Task results (max 70)"))
    rows = [
        [_("Quantity (a)"), percent_text(result.get("a"))],
        [_("Quality (b)"), percent_text(result.get("b"))],
        [_("Progress (c)"), percent_text(result.get("c"))],
    ]
    if sheet.is_leader:
        rows += [
            [_("Results of the unit (d)"), percent_text(result.get("d"))],
            [_("Capacity to organise implementation (đ)"), percent_text(result.get("dd"))],
            [_("Internal solidarity (e)"), percent_text(result.get("e"))],
        ]
    task_score = result.get("task_score")
    rows.append(
        [
            _("Task results (max 70)"),
            _("no assigned products") if task_score is None else score_text(task_score),
        ]
    )
    d.add_table(doc, [_("Component"), _("Result")], rows, widths=[11, 5.5], bold_last=True)
    lines = [
        [
            str(n),
            t.name,
            _converted(t),
            _date(t.due_date),
            _date(t.completed_date),
            str(t.quality_failures),
            str(t.delays),
        ]
        for n, t in enumerate(tasks, start=1)
    ]
    if lines:
        d.add_note(doc, _("Assigned tasks"), italic=False)
        d.add_table(
            doc,
            [
                "#",
                _("Task"),
                _("Quantity × coefficient"),
                _("Due date"),
                _("Completed on"),
                _("Quality failures"),
                _("Delays"),
            ],
            lines,
            widths=[1, 5.5, 2.5, 2.2, 2.2, 1.6, 1.5],
        )
    else:
        d.add_note(doc, _("No assigned products in this period."))


def _converted(task) -> str:
    return _("%(quantity)s × %(coefficient)s") % {
        "quantity": floatformat(task.quantity, "-2"),
        "coefficient": floatformat(task.coefficient, "-2"),
    }


def _date(value) -> str:
    return value.strftime("%d/%m/%Y") if value else DASH


def _comments(doc, sheet: EvaluationSheet) -> None:
    d.add_heading(doc, _("IV. Comments"))
    for label, text in [
        (_("Self-assessment comment"), sheet.self_comment),
        (_("Evidence"), sheet.evidence),
        (_("Reviewer's comment"), sheet.review_comment),
        (_("Collective comments"), sheet.collective_comment),
        (_("Approver's comment"), sheet.approval_comment),
    ]:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(text or DOTS)


def sheets_document(entries) -> bytes:
    """One .docx for (sheet, tasks) pairs: each person's form starts on a new page."""
    doc = d.new_document()
    for index, (sheet, tasks) in enumerate(entries):
        if index:
            d.new_page(doc)
        add_sheet(doc, sheet, tasks)
    return d.to_bytes(doc)
