"""The periodic report on the plan implementing Resolution 05-NQ/TU (six-monthly or yearly):
the reporting body's text around the status of every action, ready to sign."""

from collections import Counter
from datetime import date

from django.utils.translation import gettext as _

from canbo.org.models import Organization
from canbo.oversight.models import ActionStatus, PlanAction, PlanReport, ReportKind
from canbo.oversight.plan_data import BTG
from canbo.oversight.tracking import ActionState, plan_states
from canbo.reports.docx_common import (
    add_field,
    add_heading,
    add_letterhead,
    add_long_table,
    add_note,
    add_signatures,
    add_title,
    new_document,
    place_of,
    to_bytes,
)


def report_for(as_of: date) -> PlanReport | None:
    """The report covering `as_of`: the six-monthly one in the first half, else the yearly."""
    kind = ReportKind.HALF_YEAR if as_of.month <= 6 else ReportKind.YEAR
    return PlanReport.objects.filter(kind=kind, year=as_of.year).first()


def reporting_body() -> Organization | None:
    return (
        Organization.objects.filter(name=BTG).first()
        or Organization.objects.order_by("depth", "path").first()
    )


def plan_document(
    as_of: date, report: PlanReport | None = None, states: list[ActionState] | None = None
) -> bytes:
    states = states if states is not None else plan_states(PlanAction.objects.all(), as_of)
    doc = new_document()
    body = reporting_body()
    province = Organization.objects.order_by("depth", "path").first()
    add_letterhead(doc, body, as_of, place=place_of(province))
    if report and report.number:
        add_field(doc, _("Document No."), report.number)
    period = (
        _("the first six months of %(year)s") if as_of.month <= 6 else _("the year %(year)s")
    ) % {"year": as_of.year}
    add_title(
        doc,
        _("Report"),
        _(
            "Results of implementing Resolution 05-NQ/TU of the "
            "Provincial Party Standing Committee in %(period)s"
        )
        % {"period": period},
    )
    add_note(doc, _("Situation as of %(date)s.") % {"date": f"{as_of:%d/%m/%Y}"})
    add_heading(doc, _("I. General assessment"))
    add_note(doc, report.assessment if report and report.assessment else "…", italic=False)
    add_heading(doc, _("II. Results of each action"))
    counts = Counter(s.status for s in states)
    add_note(
        doc,
        _(
            "%(total)s actions: %(done)s done, %(progress)s in progress, %(todo)s not "
            "started, %(waiting)s waiting for a precondition; %(late)s past their "
            "deadline."
        )
        % {
            "total": len(states),
            "done": counts[ActionStatus.DONE],
            "progress": counts[ActionStatus.IN_PROGRESS],
            "todo": counts[ActionStatus.NOT_STARTED],
            "waiting": counts[ActionStatus.WAITING],
            "late": sum(s.overdue for s in states),
        },
        italic=False,
    )
    headers = [
        _("Code"),
        _("Plan task"),
        _("Owner agency"),
        _("Time of implementation"),
        _("Status"),
        _("Live indicators"),
        _("Progress note"),
    ]
    rows = [
        [
            s.action.code,
            s.action.text,
            s.action.owner,
            s.action.time_text + (f" ({s.due:%d/%m/%Y})" if s.due else ""),
            s.status_label + (" — " + _("overdue") if s.overdue else ""),
            "; ".join(f"{n}: {v}" for n, v in s.indicators),
            s.note,
        ]
        for s in states
    ]
    add_long_table(doc, headers, rows, [1.4, 5.2, 2.4, 2.0, 1.8, 2.6, 2.6])
    add_heading(doc, _("III. Tasks for the next period"))
    add_note(doc, report.next_steps if report and report.next_steps else "…", italic=False)
    add_signatures(
        doc,
        [
            (
                report.signer_title
                if report and report.signer_title
                else _("On behalf of the reporting body"),
                report.signer if report else "",
                as_of,
            )
        ],
    )
    return to_bytes(doc)
