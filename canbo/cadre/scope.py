"""Cadre rows a user may see: always derived from the people access chokepoint."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from canbo.core.access import narrowed_to
from canbo.people.models import Person


def people_of(user):
    return Person.objects.visible_to(user)


def scoped(queryset, user, field: str = "person"):
    """Rows whose person the user may see (Person.objects.visible_to is the only judge)."""
    return queryset.filter(**{f"{field}__in": people_of(user).values("pk")})


def posted_person(request, name: str = "person") -> Person:
    """The person named in a POST, or 404 when outside the user's scope (or not a number)."""
    try:
        pk = int(request.POST.get(name, ""))
    except ValueError:
        raise Http404 from None
    return get_object_or_404(people_of(request.user), pk=pk)


def filter_people(queryset, values: dict):
    """Apply the common list filters (unit, field, search) in the database."""
    queryset = narrowed_to(queryset, values.get("unit"))
    if values.get("field"):
        queryset = queryset.filter(job_position__field=values["field"])
    if values.get("q"):
        queryset = queryset.search(values["q"])
    return queryset
