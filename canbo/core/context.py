"""Navigation by role: the menu shows only what the user's capabilities allow."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from canbo.core.access import can, scope_for

MENU = [
    ("home", _("Home"), None),
    ("org:list", _("Organisations"), "org.view"),
    ("people:list", _("Civil servants"), "people.list"),
    ("integration:clients", _("Connected systems"), "integration.manage"),
    ("audit", _("Audit log"), "audit.view"),
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
