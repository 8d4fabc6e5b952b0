"""The personal-data access log, read-only, for the provincial personnel office."""

from datetime import datetime, time

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from canbo.core.access import require
from canbo.people.models import Person, PersonalDataAccess

PAGE_SIZE = 50


class AccessFilterForm(forms.Form):
    person = forms.CharField(
        label=_("Civil servant (code or name)"), required=False, max_length=100
    )
    user = forms.CharField(label=_("User or connected system"), required=False, max_length=150)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def apply(self, queryset):
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data["person"]:
            queryset = queryset.filter(person__in=Person.objects.search(data["person"]))
        if data["user"]:
            who = data["user"]
            queryset = queryset.filter(Q(user__username__iexact=who) | Q(client__icontains=who))
        if data["start"]:
            queryset = queryset.filter(at__gte=_moment(data["start"], time.min))
        if data["end"]:
            queryset = queryset.filter(at__lte=_moment(data["end"], time.max))
        return queryset


def _moment(day, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


def access_log(request):
    require(request.user, "people.access_log")
    form = AccessFilterForm(request.GET or None)
    rows = PersonalDataAccess.objects.filter(
        person__in=Person.objects.visible_to(request.user)
    ).select_related("user", "person")
    if form.is_bound:
        rows = form.apply(rows)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "people/access_log.html", {"form": form, "page": page, "query": query.urlencode()}
    )
