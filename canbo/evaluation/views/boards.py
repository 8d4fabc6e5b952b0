"""My work, the unit head's review board and the chairman's approval board."""

from datetime import date

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from canbo.core.access import is_province_wide, made_by, own_rows, require, within
from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.models import EvaluationSheet, Notification
from canbo.evaluation.permissions import approvable_sheets
from canbo.evaluation.services.annual import commune_of
from canbo.evaluation.services.sheets import approve_unit
from canbo.evaluation.views.chart import history_svg
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.work.choices import ScoreKind
from canbo.work.errors import WorkError
from canbo.work.models import Task
from canbo.work.periods import parse_period


def _month(request) -> date:
    try:
        period = parse_period(request.GET.get("month", ""))
    except WorkError:
        period = None
    if period is not None and period.kind == ScoreKind.MONTH:
        return period.start
    latest = (
        EvaluationSheet.objects.visible_to(request.user)
        .order_by("-period__start")
        .values_list("period__start", flat=True)
        .first()
    )
    return latest or timezone.localdate().replace(day=1)


def my_work(request):
    require(request.user, "evaluation.me")
    user = request.user
    month = timezone.localdate().replace(day=1)
    sheets = list(
        own_rows(EvaluationSheet.objects.all(), user)
        .select_related("period")
        .order_by("period__start")
    )
    current = next((s for s in reversed(sheets) if s.period.start <= month), None)
    tasks = own_rows(Task.objects.visible_to(user), user, "assignee_id").filter(period=month)
    notifications = made_by(Notification.objects.all(), user, "user")[:5]
    published = [s for s in sheets if s.status == SheetStatus.PUBLISHED and s.total is not None]
    context = {
        "month": month,
        "current": current,
        "tasks": tasks,
        "sheets": sheets[::-1],
        "notifications": notifications,
        "chart": history_svg(published),
    }
    return render(request, "evaluation/me.html", context)


def review_board(request):
    require(request.user, "evaluation.review_board")
    month = _month(request)
    sheets = (
        EvaluationSheet.objects.visible_to(request.user)
        .filter(period__start=month)
        .select_related("person__organization", "person__title", "period")
    )
    communes, commune = _commune_filter(request)
    if commune is not None:
        sheets = within(sheets, commune.path, "person__organization__path")
    status = request.GET.get("status", "")
    counts = dict(sheets.values_list("status").annotate(n=Count("id")))
    if status in SheetStatus.values:
        sheets = sheets.filter(status=status)
    # The board lists names, units, status and totals: the JSON columns stay in the database.
    sheets = sheets.defer(*BOARD_DEFERRED).order_by(
        "person__organization__path", "person__search_key"
    )
    total = counts.get(status, 0) if status in SheetStatus.values else sum(counts.values())
    page = CountedPaginator(sheets, BOARD_PAGE_SIZE, total).get_page(request.GET.get("page"))
    rows = _with_communes(list(page.object_list), communes)
    base = f"month={month:%Y-%m}" + (f"&commune={commune.pk}" if commune else "")
    query = base + (f"&status={status}" if status in SheetStatus.values else "")
    context = {
        "month": month,
        "sheets": rows,
        "page": page,
        "query": query,
        "base": base,
        "counts": [(s, counts.get(s.value, 0)) for s in SheetStatus],
        "status": status,
        "communes": communes,
        "commune": commune,
    }
    return render(request, "evaluation/review_board.html", context)


def _commune_filter(request):
    """Province-wide users pick a commune; within one commune there is nothing to pick."""
    if not is_province_wide(request.user):
        return {}, None
    communes = {
        c.path: c
        for c in Organization.objects.visible_to(request.user)
        .filter(kind__in=COMMUNE_KINDS)
        .order_by("name")
    }
    chosen = request.GET.get("commune", "")
    commune = next((c for c in communes.values() if str(c.pk) == chosen), None)
    return communes, commune


def _with_communes(sheets: list, communes: dict) -> list:
    for sheet in sheets:
        sheet.commune = commune_of(sheet.person.organization, communes) if communes else None
    return sheets


BOARD_PAGE_SIZE = 100
BOARD_DEFERRED = (
    "result",
    "general_self",
    "general_review",
    "adjust_reasons",
    "self_comment",
    "evidence",
    "review_comment",
    "collective_comment",
    "approval_comment",
)


class CountedPaginator(Paginator):
    """A paginator told its count (already known from the status counts): no COUNT query."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self.__dict__["count"] = count


def _approvable(user, month: date):
    return approvable_sheets(user).filter(period__start=month)


def approval_board(request):
    require(request.user, "evaluation.approval_board")
    month = _month(request)
    sheets = _approvable(request.user, month).select_related(
        "person__organization", "person__title"
    )
    return render(
        request,
        "evaluation/approval_board.html",
        {"month": month, "sheets": sheets.order_by("person__search_key")},
    )


@require_POST
def approve_bulk(request):
    """First post: confirm the chosen sheets by name; second post (confirm=yes): approve."""
    require(request.user, "evaluation.approval_board")
    month = _month(request)
    back = f"/evaluation/approve/?month={month:%Y-%m}"
    ids = [int(i) for i in request.POST.getlist("sheet") if i.isdigit()]
    chosen = list(
        _approvable(request.user, month)
        .filter(pk__in=ids)
        .exclude(complaints__status="open")
        .select_related("person__organization", "person__title")
        .order_by("person__search_key")
    )
    if not chosen:
        messages.error(request, _("No sheet selected."))
        return redirect(back)
    if request.POST.get("confirm") != "yes":
        return render(
            request, "evaluation/approval_confirm.html", {"month": month, "sheets": chosen}
        )
    approved, refusals = approve_unit(request.user, chosen)
    if approved:
        messages.success(request, _approved_message(approved, chosen))
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(back)


def _approved_message(approved: int, chosen: list) -> str:
    published = EvaluationSheet.objects.filter(
        pk__in=[s.pk for s in chosen], status=SheetStatus.PUBLISHED
    )
    units = sorted(set(published.values_list("person__organization__name", flat=True)))
    return ngettext(
        "Approved and published %(n)d sheet of %(units)s.",
        "Approved and published %(n)d sheets of %(units)s.",
        approved,
    ) % {"n": approved, "units": ", ".join(units)}


def unit_results(request):
    """The unit's published results for a month, visible to everyone in the unit."""
    require(request.user, "evaluation.sheet")
    month = _month(request)
    sheets = (
        EvaluationSheet.objects.published_to(request.user)
        .filter(period__start=month)
        .select_related("person__organization", "person__title")
        .order_by("person__organization__path", "person__search_key")
    )
    return render(request, "evaluation/unit_results.html", {"month": month, "sheets": sheets})
