"""The plan tracker as a table: one row per action, shared by the page's .xlsx export, the
periodic report's .xlsx and its .docx."""

from datetime import date

from django.utils.translation import gettext as _

from canbo.oversight.models import PlanAction
from canbo.oversight.tracking import ActionState, plan_states
from canbo.oversight.xlsx import workbook


def headers() -> list[str]:
    return [
        _("Code"),
        _("Plan task"),
        _("Owner agency"),
        _("Co-operating agencies"),
        _("Time of implementation"),
        _("Due"),
        _("Expected product"),
        _("Status"),
        _("Overdue"),
        _("Progress note"),
        _("Live indicators"),
    ]


def row(state: ActionState) -> list[str]:
    action = state.action
    return [
        action.code,
        action.text,
        action.owner,
        action.partners,
        action.time_text,
        f"{state.due:%d/%m/%Y}" if state.due else "",
        action.product,
        state.status_label,
        _("Yes") if state.overdue else "",
        state.note,
        "; ".join(f"{name}: {value}" for name, value in state.indicators),
    ]


def plan_workbook(as_of: date, states: list[ActionState] | None = None) -> bytes:
    states = states if states is not None else plan_states(PlanAction.objects.all(), as_of)
    title = _("Implementation of Resolution 05-NQ/TU as of %(date)s") % {
        "date": f"{as_of:%d/%m/%Y}"
    }
    return workbook(
        title, headers(), [row(s) for s in states], [10, 60, 28, 28, 18, 12, 36, 16, 10, 40, 40]
    )
