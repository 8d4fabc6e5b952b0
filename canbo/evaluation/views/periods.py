"""Periods: open, follow progress per commune (who is late), lock."""

from collections import defaultdict

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from canbo.core.access import require
from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.forms import OpenPeriodForm
from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet
from canbo.evaluation.services.annual import commune_of, communes_by_path
from canbo.evaluation.services.periods import lock_period, open_period
from canbo.org.models import Organization


def _periods(user):
    require(user, "evaluation.periods")
    return EvaluationPeriod.objects.visible_to(user).select_related("organization")


def period_list(request):
    periods = _periods(request.user)
    orgs = Organization.objects.visible_to(request.user).filter(depth__lte=1)
    form = OpenPeriodForm(request.POST or None, organizations=orgs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            period = open_period(
                request.user,
                data["organization"],
                data["month"],
                complaint_days=data["complaint_days"],
            )
        except EvaluationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Opened %(period)s.") % {"period": period})
            return redirect("evaluation:period", pk=period.pk)
    return render(
        request,
        "evaluation/periods.html",
        {"periods": periods.annotate(sheet_count=Count("sheets"))[:60], "form": form},
    )


LATE_RULES = [  # (status still at, deadline field, what is late)
    (SheetStatus.DRAFT, "self_assessment_due", gettext_lazy("Not self-assessed yet")),
    (SheetStatus.SELF_ASSESSED, "review_due", gettext_lazy("Not reviewed yet")),
    (SheetStatus.REVIEWED, "approval_due", gettext_lazy("Not approved yet")),
]


def period_detail(request, pk: int):
    period = get_object_or_404(_periods(request.user), pk=pk)
    sheets = EvaluationSheet.objects.visible_to(request.user).filter(period=period)
    communes = communes_by_path()
    orgs = {
        o.pk: o for o in Organization.objects.filter(pk__in=sheets.values("person__organization"))
    }
    progress: dict = defaultdict(lambda: {s.value: 0 for s in SheetStatus})
    rows = sheets.values_list("person__organization", "status").annotate(n=Count("id"))
    for org_id, status, n in rows:
        progress[commune_of(orgs[org_id], communes).name][status] += n
    today = timezone.localdate()
    late = [
        (label, sheets.filter(status=status).select_related("person__organization"))
        for status, field, label in LATE_RULES
        if getattr(period, field) < today
    ]
    context = {
        "period": period,
        "statuses": list(SheetStatus),
        "progress": sorted(progress.items()),
        "late": late,
    }
    return render(request, "evaluation/period.html", context)


@require_POST
def period_lock(request, pk: int):
    period = get_object_or_404(_periods(request.user), pk=pk)
    try:
        lock_period(request.user, period)
        messages.success(request, _("The evaluation period was locked."))
    except EvaluationError as exc:
        messages.error(request, exc.message)
    return redirect("evaluation:period", pk=period.pk)
