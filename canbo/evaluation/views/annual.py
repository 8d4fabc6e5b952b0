"""The annual classification and quota screen."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from canbo.core.access import can, home_commune, require
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.groups import group_choices, group_label
from canbo.evaluation.models import AnnualResult, QuotaException
from canbo.evaluation.services import annual
from canbo.org.models import Organization
from canbo.scoring import LABELS, LEVELS, lower_than
from canbo.work.periods import MAX_YEAR, MIN_YEAR


def _root(user) -> Organization:
    """The organisation the user's annual screen covers."""
    return home_commune(Organization.objects.all(), user)


def annual_current(request):
    require(request.user, "evaluation.annual")
    return redirect("evaluation:annual", year=timezone.localdate().year)


def _in_range(year: int) -> int:
    """A year the system can hold (work.periods' bounds); any other is not a page: 404."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404
    return year


def annual_screen(request, year: int):
    """All communes in a summary (from counts); groups, margin and people of one commune."""
    require(request.user, "evaluation.annual")
    year = _in_range(year)
    visible = AnnualResult.objects.visible_to(request.user).filter(year=year)
    exceptions = {e.organization_id: e for e in QuotaException.objects.filter(year=year)}
    summaries = annual.quota_summary(year, visible, set(exceptions))
    orgs = Organization.objects.in_bulk(list(summaries))
    chosen = _chosen(request, orgs)
    summary = [
        {
            "org": org,
            "counts": summaries[org.pk]["counts"],
            "count": sum(summaries[org.pk]["counts"].values()),
            "exceeded": summaries[org.pk]["exceeded"],
            "exception": exceptions.get(org.pk),
        }
        for org in sorted(orgs.values(), key=lambda org: org.path)
    ]
    detail = None
    if chosen is not None:
        rows = list(
            visible.filter(organization=chosen).select_related("person").order_by("-average")
        )
        detail = _detail(request, year, chosen, rows, exceptions)
    context = {
        "year": year,
        "summary": summary,
        "detail": detail,
        "can_manage": can(request.user, "evaluation.periods"),
        "exceeded": any(s["exceeded"] for s in summary),
        "all_exceeded": bool(summary) and all(s["exceeded"] for s in summary),
    }
    return render(request, "evaluation/annual.html", context)


def _detail(request, year, chosen, rows, exceptions) -> dict:
    missing = annual.missing_months(year, [r.person_id for r in rows])
    for row in rows:
        row.group_label, row.missing = group_label(row.task_group), missing.get(row.person_id, 0)
        row.lower_levels = _lower_levels(row.classification)
        row.can_decide = (
            row.status == "draft"
            and bool(row.lower_levels)
            and annual.may_decide(request.user, row)
        )
    return {
        "org": chosen,
        "rows": rows,
        "exception": exceptions.get(chosen.pk),
        "report": annual.quota(year, rows, set(exceptions)).get(chosen.pk),
        "names": {str(r.person_id): r.person.full_name for r in rows},
        "groups": group_choices(),
        "finalised": all(r.status == "final" for r in rows),
    }


def _lower_levels(level: str) -> list[tuple[str, str]]:
    return [(code, LABELS[code]) for code in LEVELS if lower_than(code, level)]


def _chosen(request, orgs: dict):
    """The commune shown in detail: the one asked for, or the only one in scope."""
    wanted = request.GET.get("org", "")
    if wanted.isdigit() and int(wanted) in orgs:
        return orgs[int(wanted)]
    return next(iter(orgs.values())) if len(orgs) == 1 else None


@require_POST
def annual_action(request, year: int):
    action = request.POST.get("action")
    # The chairman records decisions on his commune's rows; the rest is the personnel office's.
    require(request.user, "evaluation.annual" if action == "decide" else "evaluation.periods")
    year = _in_range(year)
    root = _root(request.user)
    try:
        if action in ACTIONS:
            ACTIONS[action](request, year, root)
    except EvaluationError as exc:
        messages.error(request, exc.message)
    return redirect(
        f"{reverse('evaluation:annual', args=[year])}?org={request.POST.get('back', '')}"
    )


def _compute(request, year, root):
    require(request.user, "evaluation.periods")
    count = annual.compute_annual(request.user, year, root)
    messages.success(
        request,
        ngettext(
            "Computed %(count)s annual result for %(year)s.",
            "Computed %(count)s annual results for %(year)s.",
            count,
        )
        % {"count": count, "year": year},
    )


def _finalise(request, year, root):
    require(request.user, "evaluation.periods")
    outcome = annual.finalise_annual(request.user, year, root)
    messages.success(
        request,
        ngettext(
            "Finalised %(count)s annual result for %(year)s in %(communes)s communes and wards.",
            "Finalised %(count)s annual results for %(year)s in %(communes)s communes and wards.",
            outcome.rows,
        )
        % {"count": outcome.rows, "year": year, "communes": len(outcome.finalised)},
    )
    if outcome.refused:
        messages.error(request, annual.over_cap_message(outcome.refused))


def _exception(request, year, root):
    require(request.user, "evaluation.periods")
    org = get_object_or_404(
        Organization.objects.visible_to(request.user), pk=request.POST.get("organization")
    )
    annual.record_quota_exception(request.user, org, year, request.POST.get("decision", ""))
    messages.success(request, _("The exception decision was recorded."))


def _row(request, year) -> AnnualResult:
    return get_object_or_404(
        AnnualResult.objects.visible_to(request.user), year=year, pk=request.POST.get("row") or 0
    )


def _decide(request, year, root):
    row = annual.decide_final_level(
        request.user,
        _row(request, year),
        request.POST.get("level", ""),
        request.POST.get("reason", ""),
        request.POST.get("decision", ""),
    )
    messages.success(
        request,
        _("The rating decision for %(name)s was recorded.") % {"name": row.person.full_name},
    )


def _group(request, year, root):
    row = annual.set_task_group(
        request.user,
        _row(request, year),
        request.POST.get("group", ""),
        request.POST.get("reason", ""),
    )
    messages.success(
        request,
        _("Moved %(name)s to %(group)s.")
        % {"name": row.person.full_name, "group": group_label(row.task_group)},
    )


ACTIONS = {
    "compute": _compute,
    "finalise": _finalise,
    "exception": _exception,
    "decide": _decide,
    "group": _group,
}
