"""Satisfaction pages for signed-in users: the index, an officer's trend, comments to follow
up, the monthly workbook and the printable QR codes. Rows come through `visible_to`."""

from datetime import date

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from canbo.core.access import can, is_province_wide, require, scope_for, within
from canbo.feedback import qr, services
from canbo.feedback.chart import trend_svg
from canbo.feedback.choices import DISSATISFIED_MAX
from canbo.feedback.index import dossiers_for, index_rows, person_trend
from canbo.feedback.models import Dossier, Rating
from canbo.feedback.workbook import commune_workbook
from canbo.org.choices import COMMUNE_KINDS, OrgKind
from canbo.org.models import Organization
from canbo.people.models import Person

LEVELS = [
    ("officer", gettext_lazy("Officer")),
    ("unit", gettext_lazy("Unit")),
    ("commune", gettext_lazy("Commune")),
]
PAGE_SIZE = 100


class IndexFilter(forms.Form):
    month = forms.DateField(
        label=gettext_lazy("Month"),
        input_formats=["%Y-%m"],
        required=False,
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
    )
    level = forms.ChoiceField(label=gettext_lazy("Grouped by"), choices=LEVELS, required=False)
    commune = forms.ModelChoiceField(label=gettext_lazy("Commune"), queryset=None, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = Organization.objects.visible_to(user).filter(
            kind__in=COMMUNE_KINDS
        )
        if not is_province_wide(user):
            del self.fields["commune"]

    def month_value(self) -> date:
        data = self.cleaned_data if self.is_valid() else {}
        return (data.get("month") or timezone.localdate()).replace(day=1)


def index_page(request):
    require(request.user, "feedback.own")
    form = IndexFilter(request.GET or None, user=request.user)
    month = form.month_value()
    level = (form.cleaned_data.get("level") if form.is_valid() else "") or "officer"
    commune = form.cleaned_data.get("commune") if form.is_valid() else None
    if not can(request.user, "feedback.list"):  # an officer sees their own index only
        level = "officer"
    queryset = dossiers_for(request.user, [month], commune.path if commune else None)
    page = Paginator(index_rows(queryset, level), PAGE_SIZE).get_page(request.GET.get("page"))
    query = "&".join(f"{k}={v}" for k, v in request.GET.items() if k != "page" and v)
    return render(
        request,
        "feedback/index.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "level": level,
            "month": month,
            "show_commune": is_province_wide(request.user),
            "can_list": can(request.user, "feedback.list"),
            "commune": commune,
        },
    )


def person_page(request, pk: int):
    require(request.user, "feedback.own")
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=pk)
    year = _year(request)
    trend = person_trend(person.pk, year)
    ratings = (
        Rating.objects.visible_to(request.user)
        .filter(officer=person, month__year=year)
        .exclude(comment="")
        .select_related("dossier", "contact")[:50]
    )
    can_qr = can(request.user, "feedback.qr")
    dossiers = (
        (
            Dossier.objects.visible_to(request.user)
            .filter(officer=person)
            .order_by("-received_date", "-id")[:10]
        )
        if can_qr
        else []
    )
    return render(
        request,
        "feedback/person.html",
        {
            "person": person,
            "year": year,
            "trend": trend,
            "chart": trend_svg(trend, year),
            "ratings": ratings,
            "can_qr": can_qr,
            "dossiers": dossiers,
            "can_follow": can(request.user, "feedback.follow_up"),
        },
    )


def _year(request) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and 2000 <= int(raw) <= 2100 else timezone.localdate().year


def comments_page(request):
    require(request.user, "feedback.own")
    ratings = (
        Rating.objects.visible_to(request.user)
        .exclude(comment="")
        .filter(level__lte=DISSATISFIED_MAX)
        .select_related("officer", "dossier", "organization", "contact")
    )
    state = request.GET.get("state", "")
    if state == "unseen":
        ratings = ratings.filter(seen_at__isnull=True)
    elif state == "unanswered":
        ratings = ratings.filter(answered_at__isnull=True)
    page = Paginator(ratings.order_by("-created_at", "-id"), 50).get_page(request.GET.get("page"))
    me = scope_for(request.user).person_id
    return render(
        request,
        "feedback/comments.html",
        {
            "page": page,
            "query": f"state={state}" if state else "",
            "state": state,
            "me": me,
            "can_follow": can(request.user, "feedback.follow_up"),
            "can_contact": can(request.user, "feedback.contact"),
            "show_commune": is_province_wide(request.user),
        },
    )


def _rating(request, pk: int) -> Rating:
    return get_object_or_404(Rating.objects.visible_to(request.user), pk=pk)


@require_POST
def rating_seen(request, pk: int):
    require(request.user, "feedback.follow_up")
    services.mark_seen(request.user, _rating(request, pk))
    messages.success(request, _("Marked as looked at."))
    return redirect("feedback:comments")


@require_POST
def rating_answer(request, pk: int):
    require(request.user, "feedback.own")
    rating = _rating(request, pk)
    try:
        services.answer_rating(request.user, rating, request.POST.get("answer", ""))
    except services.FeedbackError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Your answer was saved."))
    return redirect("feedback:comments")


@require_POST
def contact_delete(request, pk: int):
    require(request.user, "feedback.contact")
    services.delete_contact(request.user, _rating(request, pk))
    messages.success(request, _("The citizen's phone number was deleted."))
    return redirect("feedback:comments")


def commune_xlsx(request, pk: int):
    require(request.user, "feedback.list")
    commune = get_object_or_404(
        Organization.objects.visible_to(request.user).filter(kind__in=COMMUNE_KINDS), pk=pk
    )
    form = IndexFilter(request.GET or None, user=request.user)
    month = form.month_value()
    queryset = dossiers_for(request.user, [month], commune.path)
    content = commune_workbook(commune, month, queryset)
    response = HttpResponse(
        content, content_type=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    )
    response["Content-Disposition"] = (
        f'attachment; filename="hai-long-{commune.pk}-{month:%Y-%m}.xlsx"'
    )
    return response


def qr_person(request, pk: int):
    require(request.user, "feedback.qr")
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=pk)
    url = qr.counter_url(person.pk)
    return render(
        request,
        "feedback/qr.html",
        {"person": person, "url": url, "svg": qr.svg(url), "dossier": None},
    )


def qr_dossier(request, pk: int):
    require(request.user, "feedback.qr")
    dossier = get_object_or_404(
        Dossier.objects.visible_to(request.user).select_related("officer", "organization"), pk=pk
    )
    url = qr.dossier_url(dossier.pk)
    return render(
        request,
        "feedback/qr.html",
        {"person": dossier.officer, "url": url, "svg": qr.svg(url), "dossier": dossier},
    )


def qr_commune(request, pk: int):
    """One printable page with the counter QR code of every officer of a commune's public
    administrative service centre (the people of the user's scope)."""
    require(request.user, "feedback.qr")
    commune = get_object_or_404(
        Organization.objects.visible_to(request.user).filter(kind__in=COMMUNE_KINDS), pk=pk
    )
    officers = (
        within(Person.objects.visible_to(request.user), commune.path)
        .filter(organization__kind=OrgKind.SERVICE_CENTRE)
        .order_by("full_name", "code")
    )
    cards = [(p, qr.counter_url(p.pk)) for p in officers]
    return render(
        request,
        "feedback/qr_sheet.html",
        {"commune": commune, "cards": [(p, url, qr.svg(url, scale=4)) for p, url in cards]},
    )
