"""The home page: the user's work inbox (every app contributes its to-dos to core.inbox) and
counts of what they may see. It sits in reports, above the apps whose rows it counts."""

from django.shortcuts import render
from django.utils import timezone

from canbo.core import inbox
from canbo.core.access import can, scope_for
from canbo.org.models import Organization
from canbo.people.models import Person


def home(request):
    scope = scope_for(request.user)
    profile = getattr(request.user, "profile", None)
    context = {
        "profile": profile,
        "me": profile.person if profile else None,
        "org_count": Organization.objects.visible_to(request.user).count(),
        "people_count": None
        if scope.self_only
        else Person.objects.visible_to(request.user).count(),
        "today": timezone.localdate(),
        "dashboard": can(request.user, "reports.dashboard"),
    }
    context["inbox"] = inbox.items_for(request.user, context["today"])
    return render(request, "core/home.html", context)
