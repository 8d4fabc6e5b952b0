"""Navigation by role: the menu shows only what the user's capabilities allow."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.access import can, scope_for

MENU = [
    ("home", _("Home"), None),
    ("org:list", _("Organisations"), "org.view"),
    ("people:list", _("Civil servants"), "people.list"),
    ("evaluation:me", _("My work"), "evaluation.me"),
    ("evaluation:review_board", _("Review"), "evaluation.review_board"),
    ("evaluation:approval_board", _("Approval"), "evaluation.approval_board"),
    ("evaluation:periods", _("Evaluation periods"), "evaluation.periods"),
    ("evaluation:annual_current", _("Annual classification"), "evaluation.annual"),
    ("reports:dashboard", _("Dashboard"), "reports.dashboard"),
    ("agency:home", _("Agency evaluation"), "agency.view"),
    ("work:tasks", _("Tasks of the unit"), "work.tasks.list"),
    ("work:catalogs", _("Product catalogues"), "work.catalog.view"),
    ("cadre:index", _("Cadre development"), "cadre.own"),
    ("feedback:index", _("Citizen satisfaction"), "feedback.own"),
    ("oversight:actions", _("Plan 05-NQ/TU"), "oversight.plan.view"),
    ("integration:imports", _("Imports"), "integration.import"),
    ("integration:clients", _("Connected systems"), "integration.manage"),
    ("audit", _("Audit log"), "audit.view"),
    ("people:access_log", _("Personal data access log"), "people.access_log"),
]


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": []}
    items = [
        {"url": reverse(name), "label": label, "active": request.path == reverse(name)}
        for name, label, capability in MENU
        if capability is None or can(user, capability)
    ]
    return {"nav": items, "scope": scope_for(user)}
