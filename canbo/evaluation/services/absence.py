"""Keep month sheets' `worked` flag in step with the absence register (canbo.people.leave).

Locked periods are never changed (a leave that would change one is refused upstream); sheets
being created are set once, whatever their period's state.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Q

from canbo.core import audit
from canbo.evaluation.choices import PeriodKind, PeriodStatus
from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet
from canbo.people.leave import not_worked_months
from canbo.people.models import Person


def sync_worked(
    person_ids: Iterable[int], year: int, period: EvaluationPeriod | None = None
) -> int:
    """Set `worked` on the month sheets of `year` (of unlocked periods, or of the new
    `period`); return how many changed. `person_ids` may be a values queryset."""
    months = not_worked_months(person_ids, year)
    sheets = EvaluationSheet.objects.filter(
        person_id__in=person_ids, period__kind=PeriodKind.MONTH, period__start__year=year
    )
    if period is None:
        sheets = sheets.exclude(period__status=PeriodStatus.LOCKED)
    else:
        sheets = sheets.filter(period=period)
    # Only sheets that may change: people with months not worked, or sheets marked so.
    sheets = sheets.filter(Q(person_id__in=list(months)) | Q(worked=False))
    changed = [
        sheet
        for sheet in sheets.select_related("person", "period__organization")
        if sheet.worked != (sheet.period.start not in months.get(sheet.person_id, {}))
    ]
    for sheet in changed:
        reason = months.get(sheet.person_id, {}).get(sheet.period.start, "")
        sheet.worked = not reason
        sheet.save(update_fields=["worked"])
        audit.record(
            None,
            "evaluation.sync_worked",
            sheet,
            {"worked": not sheet.worked},
            {"worked": sheet.worked},
            reason=reason,
        )
    return len(changed)


def on_leave_changed(sender, person: Person, year: int, **kwargs) -> None:
    sync_worked([person.pk], year)


def locked_months(sender, person: Person, months: list[date], **kwargs) -> list[date]:
    """Of `months`, those in which the person has a sheet of a locked month period."""
    return list(
        EvaluationSheet.objects.filter(
            person=person,
            period__kind=PeriodKind.MONTH,
            period__start__in=months,
            period__status=PeriodStatus.LOCKED,
        ).values_list("period__start", flat=True)
    )
