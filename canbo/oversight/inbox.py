"""The plan tracker's part of the home page's work inbox: overdue actions for their owners,
open findings past their deadline for the supervising body."""

from datetime import date

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import ngettext

from canbo.core.access import can, handled_cases
from canbo.core.inbox import InboxItem
from canbo.oversight.complaints import Case, CaseStatus
from canbo.oversight.models import Finding, FollowUp, PlanAction
from canbo.oversight.tracking import plan_states


def oversight_inbox(user, today: date) -> list[InboxItem]:
    items: list[InboxItem] = []
    if can(user, "oversight.plan.update"):
        owned = PlanAction.objects.updatable_by(user)
        late = [s for s in plan_states(owned, today, with_indicators=False) if s.overdue]
        if late:
            items.append(
                InboxItem(
                    ngettext(
                        "%(n)d plan action of your agency is past its deadline",
                        "%(n)d plan actions of your agency are past their deadline",
                        len(late),
                    )
                    % {"n": len(late)},
                    reverse("oversight:actions") + "?overdue=1&mine=1",
                    len(late),
                    due=min(s.due for s in late),
                    urgent=True,
                )
            )
    if can(user, "oversight.findings.write"):
        open_late = (
            Finding.objects.visible_to(user).filter(follow_up=FollowUp.OPEN, due__lt=today).count()
        )
        if open_late:
            items.append(
                InboxItem(
                    ngettext(
                        "%(n)d finding not remedied by its deadline",
                        "%(n)d findings not remedied by their deadline",
                        open_late,
                    )
                    % {"n": open_late},
                    reverse("oversight:findings") + "?overdue=1",
                    open_late,
                    urgent=True,
                )
            )
    if can(user, "oversight.complaints.manage"):
        items += _late_cases(user, today)
    return items


def _late_cases(user, today: date) -> list[InboxItem]:
    """Complaints and denunciations the user's body handles, past their legal deadline."""
    late = (
        handled_cases(Case.objects.all(), user)
        .filter(
            Q(status=CaseStatus.RECEIVED, accept_due__lt=today)
            | Q(status=CaseStatus.ACCEPTED, resolve_due__lt=today)
        )
        .count()
    )
    if not late:
        return []
    return [
        InboxItem(
            ngettext(
                "%(n)d complaint or denunciation past its legal deadline",
                "%(n)d complaints or denunciations past their legal deadline",
                late,
            )
            % {"n": late},
            reverse("oversight:cases") + "?overdue=on",
            late,
            urgent=True,
        )
    ]
