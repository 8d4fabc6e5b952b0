from django.db.models import Count
from django.shortcuts import get_object_or_404, render

from canbo.core.access import can, require
from canbo.org.models import Organization, StaffingQuota
from canbo.people.models import Person


def org_list(request):
    require(request.user, "org.view")
    orgs = (
        Organization.objects.visible_to(request.user)
        .filter(depth__lte=1)
        .annotate(child_count=Count("children"))
    )
    return render(request, "org/list.html", {"orgs": orgs})


def org_detail(request, pk: int):
    require(request.user, "org.view")
    org = get_object_or_404(Organization.objects.visible_to(request.user), pk=pk)
    children = Organization.objects.visible_to(request.user).filter(parent=org)
    people = None
    if can(request.user, "people.list"):
        people = (
            Person.objects.visible_to(request.user)
            .filter(organization=org)
            .select_related("title", "job_position")[:200]
        )
    quotas = StaffingQuota.objects.filter(organization=org).select_related("job_position")
    context = {
        "org": org,
        "ancestors": org.ancestors(),
        "children": children,
        "people": people,
        "quotas": quotas,
    }
    return render(request, "org/detail.html", context)
