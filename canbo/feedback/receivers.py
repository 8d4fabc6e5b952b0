"""What feedback tells the layers below through their signals and registries (connected in
FeedbackConfig.ready()): the index beside criterion (b) on the sheet, the (b) cap objection
at review, and the inbox items of dissatisfied comments."""

from datetime import date
from fractions import Fraction

from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from canbo.core.access import can, not_own, own_rows
from canbo.core.inbox import InboxItem
from canbo.evaluation.choices import PeriodKind
from canbo.evaluation.services.result import criteria_of, rulebook_of
from canbo.evaluation.signals import Objection, Panel
from canbo.feedback.choices import DISSATISFIED_MAX
from canbo.feedback.index import person_index
from canbo.feedback.models import Rating
from canbo.scoring import fmt, to_fraction
from canbo.scoring.satisfaction import b_needs_reason
from canbo.work import periods

B_GROUP = 1  # criterion (b) is the second group of every criteria set (b, or II of Mẫu 01)


def sheet_months(sheet) -> tuple[date, ...]:
    start = sheet.period.start
    if sheet.period.kind == PeriodKind.QUARTER:
        return periods.quarter_of(start).months
    if sheet.period.kind == PeriodKind.YEAR:
        return periods.year(start.year).months
    return (start,)


def b_lines(sheet) -> tuple[int, ...]:
    criteria = criteria_of(sheet)
    start = sum(len(g.items) for g in criteria.groups[:B_GROUP])
    return tuple(range(start, start + len(criteria.groups[B_GROUP].items)))


def _b_points(sheet, points: list | None) -> Fraction | None:
    if not points:
        return None
    return sum((Fraction(str(points[i])) for i in b_lines(sheet)), Fraction(0))


def satisfaction_panel(sender, sheet, user, **kwargs) -> list[Panel]:
    """The officer's index for the sheet's months, beside criterion (b), with the rule."""
    row = person_index(sheet.person_id, sheet_months(sheet))
    rulebook = rulebook_of(sheet)
    b_review = _b_points(sheet, sheet.general_review or sheet.general_self)
    warn = (
        row is not None
        and b_review is not None
        and b_needs_reason(
            row.index, b_review, rulebook.satisfaction_threshold, rulebook.satisfaction_b_cap
        )
    )
    html = render_to_string(
        "feedback/_sheet_panel.html",
        {
            "row": row,
            "threshold": rulebook.satisfaction_threshold,
            "cap": rulebook.satisfaction_b_cap,
            "warn": warn,
            "url": reverse("feedback:person", args=[sheet.person_id]),
        },
    )
    return [Panel(_("Citizen satisfaction (criterion b)"), html)]


def b_cap_objection(sender, sheet, points, reasons, **kwargs) -> list[Objection]:
    """Below the threshold, a reviewed (b) above the cap needs a written reason on a (b) line."""
    row = person_index(sheet.person_id, sheet_months(sheet))
    rulebook = rulebook_of(sheet)
    b_points = _b_points(sheet, points)
    if (
        row is None
        or b_points is None
        or not b_needs_reason(
            row.index, b_points, rulebook.satisfaction_threshold, rulebook.satisfaction_b_cap
        )
    ):
        return []
    message = _(
        "The citizens' satisfaction index of this officer is %(index)s %% (below %(threshold)s "
        "%%): criterion (b) above %(cap)s points needs a written reason on one of its lines."
    ) % {
        "index": _vn(row.index),
        "threshold": _vn(rulebook.satisfaction_threshold),
        "cap": _vn(rulebook.satisfaction_b_cap),
    }
    return [Objection(message, b_lines(sheet))]


def _vn(value) -> str:
    """2 decimals at most, rounded half up from the exact value (66,67; 70)."""
    return fmt(to_fraction(value))


def feedback_inbox(user, today: date) -> list[InboxItem]:
    """Heads: dissatisfied comments not yet looked at. Officers: those still unanswered."""
    items = []
    bad = Rating.objects.visible_to(user).filter(level__lte=DISSATISFIED_MAX).exclude(comment="")
    if can(user, "feedback.follow_up"):
        unseen = bad.filter(seen_at__isnull=True)
        n = not_own(unseen, user, "officer_id").count()
        if n:
            items.append(
                InboxItem(
                    ngettext(
                        "%(n)d dissatisfied citizen comment to look at",
                        "%(n)d dissatisfied citizen comments to look at",
                        n,
                    )
                    % {"n": n},
                    reverse("feedback:comments") + "?state=unseen",
                    n,
                    urgent=True,
                )
            )
    counts = own_rows(bad, user, "officer_id").aggregate(
        n=Count("id", filter=Q(answered_at__isnull=True))
    )
    if counts["n"]:
        items.append(
            InboxItem(
                ngettext(
                    "%(n)d citizen comment about you to answer",
                    "%(n)d citizen comments about you to answer",
                    counts["n"],
                )
                % {"n": counts["n"]},
                reverse("feedback:comments") + "?state=unanswered",
                counts["n"],
            )
        )
    return items
