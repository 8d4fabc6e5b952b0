"""The absence register: leave periods per person, and the months they keep out of evaluation.

A month is "not worked" when leave covers more than the rulebook's share of its working days
(canbo.scoring.absence). Whether a month's evaluation is locked is known above this app: it
is asked through the `leave_locked_months` signal, and told of changes by `leave_changed`.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from canbo.core import audit
from canbo.core.access import can
from canbo.core.text import nfc
from canbo.people.choices import LeaveKind
from canbo.people.errors import LeaveError
from canbo.people.models import LeavePeriod, Person
from canbo.people.signals import leave_changed, leave_locked_months
from canbo.scoring import Rulebook, ScoringInputError, get_rulebook, rulebook_for
from canbo.scoring.absence import Span, leave_by_month, months_not_worked

_SPLIT = gettext_lazy(
    "A leave period must lie within one evaluation year: record %(start)s – 31/12/%(y)s "
    "and 01/01/%(next)s – %(end)s as two periods."
)
_FIELDS = ["person", "kind", "start", "end", "evidence", "note"]


def _rulebook(year: int) -> Rulebook:
    try:
        return rulebook_for(date(year, 1, 1))
    except ScoringInputError:  # a year before the decree: the default rule still explains
        return get_rulebook()


def can_manage_leave(actor, person: Person) -> bool:
    return can(actor, "people.leave.manage") and (
        Person.objects.visible_to(actor).filter(pk=person.pk).exists()
    )


def _require(actor, person: Person) -> None:
    if not can_manage_leave(actor, person):
        raise LeaveError(_("You may not manage the leave of this civil servant."))


def _validate(kind: str, start: date, end: date, evidence: str) -> None:
    if kind not in LeaveKind.values:
        raise LeaveError(_("Unknown kind of leave: %(kind)s.") % {"kind": kind})
    if not evidence:
        raise LeaveError(_("The decision or evidence of the leave is required."))
    if end < start:
        raise LeaveError(_("The leave ends before it starts."))
    if start.year != end.year:
        raise LeaveError(
            _SPLIT
            % {
                "start": f"{start:%d/%m/%Y}",
                "end": f"{end:%d/%m/%Y}",
                "y": start.year,
                "next": start.year + 1,
            }
        )


def _spans(person: Person, year: int, exclude: int | None = None) -> list[Span]:
    rows = person.leaves.filter(start__year=year).exclude(pk=exclude)
    return list(rows.values_list("start", "end"))


def _refuse_locked_change(person: Person, year: int, before: list[Span], after: list[Span]) -> None:
    """Refuse a change that would turn a month of a locked evaluation worked or not worked."""
    rulebook = _rulebook(year)
    changed = set(months_not_worked(before, year, rulebook)) ^ set(
        months_not_worked(after, year, rulebook)
    )
    if not changed:
        return
    months = [date(year, month, 1) for month in sorted(changed)]
    locked = sorted(
        {
            m
            for _, found in leave_locked_months.send(
                sender=LeavePeriod, person=person, months=months
            )
            for m in found or ()
        }
    )
    if locked:
        raise LeaveError(
            _(
                "The evaluation of %(months)s is locked: this change would alter which months "
                "count for the person. Nothing was saved."
            )
            % {"months": ", ".join(f"{m:%m/%Y}" for m in locked)}
        )


@transaction.atomic
def record_leave(
    actor, person: Person, kind: str, start: date, end: date, evidence: str, note: str = ""
) -> LeavePeriod:
    """Record a leave period (one calendar year, no overlap, with its decision or evidence)."""
    _require(actor, person)
    evidence, note = nfc(evidence or ""), nfc(note or "")
    _validate(kind, start, end, evidence)
    Person.objects.select_for_update().filter(pk=person.pk).first()  # one writer per person
    other = person.leaves.filter(start__lte=end, end__gte=start).first()
    if other is not None:
        raise LeaveError(
            _("This leave overlaps another one of the same person: %(other)s.") % {"other": other}
        )
    before = _spans(person, start.year)
    _refuse_locked_change(person, start.year, before, [*before, (start, end)])
    leave = LeavePeriod.objects.create(
        person=person,
        kind=kind,
        start=start,
        end=end,
        evidence=evidence,
        note=note,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record(
        actor, "people.record_leave", leave, after=audit.snapshot(leave, _FIELDS), reason=note
    )
    leave_changed.send(sender=LeavePeriod, person=person, year=start.year)
    return leave


@transaction.atomic
def delete_leave(actor, leave: LeavePeriod, reason: str) -> None:
    """Delete a leave period recorded by mistake; the reason goes to the audit log."""
    person = leave.person
    _require(actor, person)
    reason = nfc(reason or "")
    if not reason:
        raise LeaveError(_("A reason is required to delete a leave period."))
    Person.objects.select_for_update().filter(pk=person.pk).first()
    year = leave.start.year
    _refuse_locked_change(
        person, year, _spans(person, year), _spans(person, year, exclude=leave.pk)
    )
    audit.record(
        actor, "people.delete_leave", leave, before=audit.snapshot(leave, _FIELDS), reason=reason
    )
    leave.delete()
    leave_changed.send(sender=LeavePeriod, person=person, year=year)


def not_worked_months(person_ids: Iterable[int], year: int) -> dict[int, dict[date, str]]:
    """Per person, the months of `year` not worked because of leave, with the reason.

    `person_ids` may be a list or a values queryset (used as a subquery)."""
    rows: dict[int, list[LeavePeriod]] = defaultdict(list)
    for leave in LeavePeriod.objects.filter(
        person_id__in=person_ids, start__lte=date(year, 12, 31), end__gte=date(year, 1, 1)
    ).order_by("person_id", "start"):
        rows[leave.person_id].append(leave)
    rulebook, result = _rulebook(year), {}
    with translation.override(settings.LANGUAGE_CODE):  # stored text: the site's language
        for person_id, leaves in rows.items():
            spans = [(leave.start, leave.end) for leave in leaves]
            months = months_not_worked(spans, year, rulebook)
            if months:
                counts = leave_by_month(spans, year)
                result[person_id] = {
                    date(year, m, 1): _reason(leaves, year, m, counts[m]) for m in months
                }
    return result


def _reason(leaves: list[LeavePeriod], year: int, month: int, count) -> str:
    first = date(year, month, 1)
    last = date(year + month // 12, month % 12 + 1, 1)
    touching = [leave for leave in leaves if leave.start < last and leave.end >= first]
    names = "; ".join(
        f"{leave.get_kind_display()} {leave.start:%d/%m/%Y} – "
        f"{leave.end:%d/%m/%Y} ({leave.evidence})"
        for leave in touching
    )
    return _("%(leaves)s: on leave %(days)s/%(working)s working days of the month") % {
        "leaves": names,
        "days": count.leave_days,
        "working": count.working_days,
    }
