"""Which year and which commune an agency page is about, read from the URL and the user:
a year out of range or a commune out of scope is a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from canbo.agency import evaluations
from canbo.core.access import is_province_wide, own_org
from canbo.org.models import Organization
from canbo.work.periods import MAX_YEAR, MIN_YEAR


def checked_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return year


def own_commune(user) -> Organization:
    commune = own_org(Organization.objects.all(), user, commune=True)
    if commune is None or not commune.is_commune:
        raise Http404
    return commune


def chosen_commune(request) -> Organization:
    """The commune of ?org= (a province-wide user's choice, else only his own), or by default
    the user's own commune (the first commune for a province-wide user)."""
    raw = request.GET.get("org") or request.POST.get("org") or ""
    if raw:
        if not raw.isdigit():
            raise Http404
        commune = get_object_or_404(Organization, pk=int(raw))
        if not is_province_wide(request.user) and commune != own_commune(request.user):
            raise Http404
        return commune
    if is_province_wide(request.user):
        first = next(iter(evaluations.communes()), None)
        if first is None:
            raise Http404
        return first
    return own_commune(request.user)
