"""What each person has to do next in the evaluation cycle (the home page's inbox).

Every query goes through `visible_to`; each role costs a fixed number of queries, whatever
the amount of data.
"""

from datetime import date, timedelta

from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from canbo.core.access import can, made_by, not_own, own_rows, scope_for
from canbo.core.inbox import InboxItem
from canbo.evaluation.choices import AnnualStatus, ComplaintStatus, PeriodStatus, SheetStatus
from canbo.evaluation.models import (
    AnnualResult,
    Complaint,
    EvaluationPeriod,
    EvaluationSheet,
    Notification,
)
from canbo.evaluation.permissions import approvable_sheets
from canbo.org.choices import COMMUNE_KINDS
from canbo.org.models import Organization
from canbo.work.choices import TaskStatus
from canbo.work.models import Task

TASK_HORIZON = timedelta(days=7)  # tasks due within a week are shown as coming
ANNUAL_DEADLINE = (12, 15)  # annual classification finished before 15 December (Art. 21)
NOTIFICATIONS_SHOWN = 5


def evaluation_inbox(user, today: date) -> list[InboxItem]:
    scope = scope_for(user)
    items: list[InboxItem] = []
    if scope.person_id and can(user, "evaluation.me"):
        items += _own_sheets(user, today) + _own_tasks(user, today)
    if can(user, "evaluation.review_unit") or can(user, "evaluation.review_commune"):
        items += _to_review(user, today)
    if can(user, "evaluation.approve"):
        items += _to_approve(user, today) + _open_complaints(user)
    if can(user, "evaluation.periods"):
        items += _periods_to_close(user, today) + _annual_to_finish(user, today)
    return items + _notifications(user)


def _sheet_url(pk: int) -> str:
    return reverse("evaluation:sheet", args=[pk])


def _own_sheets(user, today: date) -> list[InboxItem]:
    sheets = (
        own_rows(EvaluationSheet.objects.visible_to(user), user)
        .filter(
            status=SheetStatus.DRAFT,
            period__status=PeriodStatus.OPEN,
            worked=True,
        )
        .select_related("period__organization")
        .order_by("period__start")
    )
    return [
        InboxItem(
            _("Self-assess for %(period)s") % {"period": f"{s.period.start:%m/%Y}"},
            _sheet_url(s.pk) + "#form-self",
            due=s.period.self_assessment_due,
            urgent=s.period.self_assessment_due < today,
        )
        for s in sheets
    ]


def _own_tasks(user, today: date) -> list[InboxItem]:
    counts = (
        own_rows(Task.objects.visible_to(user), user, "assignee_id")
        .filter(
            status=TaskStatus.ASSIGNED,
            due_date__isnull=False,
        )
        .aggregate(
            overdue=Count("id", filter=Q(due_date__lt=today)),
            soon=Count("id", filter=Q(due_date__gte=today, due_date__lte=today + TASK_HORIZON)),
            first=Min("due_date", filter=Q(due_date__gte=today)),
        )
    )
    url = reverse("work:my_tasks")
    items = []
    if counts["overdue"]:
        items.append(
            InboxItem(
                ngettext(
                    "%(n)d task past its due date",
                    "%(n)d tasks past their due date",
                    counts["overdue"],
                )
                % {"n": counts["overdue"]},
                url,
                counts["overdue"],
                urgent=True,
            )
        )
    if counts["soon"]:
        items.append(
            InboxItem(
                ngettext(
                    "%(n)d task due within 7 days", "%(n)d tasks due within 7 days", counts["soon"]
                )
                % {"n": counts["soon"]},
                url,
                counts["soon"],
                due=counts["first"],
            )
        )
    return items


def _to_review(user, today: date) -> list[InboxItem]:
    sheets = not_own(EvaluationSheet.objects.visible_to(user), user).filter(
        status=SheetStatus.SELF_ASSESSED, period__status=PeriodStatus.OPEN
    )
    if can(user, "evaluation.review_unit"):  # leaders and the commune's own people go up a level
        sheets = sheets.exclude(is_leader=True).exclude(
            person__organization__kind__in=COMMUNE_KINDS
        )
    found = sheets.aggregate(
        n=Count("id"), due=Min("period__review_due"), month=Min("period__start")
    )
    if not found["n"]:
        return []
    url = reverse("evaluation:review_board") + (
        f"?month={found['month']:%Y-%m}&status={SheetStatus.SELF_ASSESSED}"
    )
    return [
        InboxItem(
            ngettext(
                "%(n)d sheet waits for your review", "%(n)d sheets wait for your review", found["n"]
            )
            % found,
            url,
            found["n"],
            due=found["due"],
            urgent=found["due"] < today,
        )
    ]


def _to_approve(user, today: date) -> list[InboxItem]:
    found = approvable_sheets(user).aggregate(
        n=Count("id"), due=Min("period__approval_due"), month=Min("period__start")
    )
    if not found["n"]:
        return []
    url = reverse("evaluation:approval_board") + f"?month={found['month']:%Y-%m}"
    return [
        InboxItem(
            ngettext(
                "%(n)d sheet waits for your approval",
                "%(n)d sheets wait for your approval",
                found["n"],
            )
            % found,
            url,
            found["n"],
            due=found["due"],
            urgent=found["due"] < today,
        )
    ]


def _open_complaints(user) -> list[InboxItem]:
    complaints = Complaint.objects.filter(
        sheet__in=EvaluationSheet.objects.visible_to(user), status=ComplaintStatus.OPEN
    )
    complaints = not_own(complaints, user, "sheet__person_id")
    found = complaints.aggregate(n=Count("id"), sheet=Min("sheet_id"))
    if not found["n"]:
        return []
    return [
        InboxItem(
            ngettext(
                "%(n)d complaint waits for your answer",
                "%(n)d complaints wait for your answer",
                found["n"],
            )
            % found,
            _sheet_url(found["sheet"]) + "#complaints",
            found["n"],
            urgent=True,
        )
    ]


def _periods_to_close(user, today: date) -> list[InboxItem]:
    periods = EvaluationPeriod.objects.filter(
        organization__in=Organization.objects.visible_to(user),
        status=PeriodStatus.OPEN,
        approval_due__lt=today,
    )
    found = periods.aggregate(n=Count("id"), due=Min("approval_due"))
    late = (
        EvaluationSheet.objects.visible_to(user)
        .filter(period__in=periods)
        .exclude(status=SheetStatus.PUBLISHED)
        .aggregate(communes=Count("period__organization", distinct=True))["communes"]
    )
    url = reverse("evaluation:periods")
    items = []
    if found["n"]:
        items.append(
            InboxItem(
                ngettext(
                    "%(n)d period past its approval date to lock",
                    "%(n)d periods past their approval date to lock",
                    found["n"],
                )
                % found,
                url,
                found["n"],
                due=found["due"],
            )
        )
    if late:
        items.append(
            InboxItem(
                ngettext(
                    "%(n)d commune late with its sheets",
                    "%(n)d communes late with their sheets",
                    late,
                )
                % {"n": late},
                url,
                late,
                urgent=True,
            )
        )
    return items


def _annual_to_finish(user, today: date) -> list[InboxItem]:
    deadline = date(today.year, *ANNUAL_DEADLINE)
    if today.month < 10:  # the annual round starts in the last quarter
        return []
    communes = (
        AnnualResult.objects.visible_to(user)
        .filter(year=today.year, status=AnnualStatus.DRAFT)
        .aggregate(n=Count("organization", distinct=True))["n"]
    )
    if not communes:
        return []
    return [
        InboxItem(
            ngettext(
                "%(n)d commune has not finalised the annual classification",
                "%(n)d communes have not finalised the annual classification",
                communes,
            )
            % {"n": communes},
            reverse("evaluation:annual", args=[today.year]),
            communes,
            due=deadline,
            urgent=today > deadline,
        )
    ]


def _notifications(user) -> list[InboxItem]:
    unread = made_by(Notification.objects.all(), user, "user").filter(read_at__isnull=True)
    return [InboxItem(n.text, n.url) for n in unread[:NOTIFICATIONS_SHOWN]]
