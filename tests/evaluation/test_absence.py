"""Sheets' `worked` flag follows the absence register; not worked does not block the lock."""

from datetime import date

import pytest

from canbo.core.models import AuditEntry
from canbo.evaluation.choices import PeriodStatus, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.absence import sync_worked
from canbo.evaluation.services.periods import lock_period, open_period
from canbo.people.errors import LeaveError
from canbo.people.leave import delete_leave, record_leave
from canbo.people.models import LeavePeriod

MARCH, APRIL = date(2026, 3, 1), date(2026, 4, 1)


def maternity(world, start=MARCH, end=date(2026, 6, 30)):
    return record_leave(
        world.users["personnel"],
        world.people["colleague"],
        "maternity",
        start,
        end,
        "QĐ 12/QĐ-UBND",
    )


def sheet_of(world, key, month):
    return EvaluationSheet.objects.get(person=world.people[key], period__start=month)


def publish_all_but(period, sheet):
    """Publish the others with the result the workflow would freeze (leaders' included)."""
    from canbo.evaluation.services.result import compute

    others = period.sheets.exclude(pk=sheet.pk) if sheet else period.sheets.all()
    others.update(status=SheetStatus.PUBLISHED)
    for other in others:
        other.result = compute(other)
        other.save(update_fields=["result"])


def test_maternity_in_march_lets_march_lock_without_the_sheet_approved(world):
    march = open_period(world.users["personnel"], world.tanphong, MARCH)
    colleague = sheet_of(world, "colleague", MARCH)
    assert colleague.worked
    publish_all_but(march, colleague)
    with pytest.raises(EvaluationError, match="1 phiếu chưa được phê duyệt"):
        lock_period(world.users["personnel"], march)
    maternity(world)  # the signal brings the open month's sheet in step
    colleague.refresh_from_db()
    assert colleague.worked is False and colleague.status == SheetStatus.DRAFT
    entry = AuditEntry.objects.get(action="evaluation.sync_worked")
    assert entry.object_id == str(colleague.pk) and entry.changes == {"worked": [True, False]}
    assert entry.reason.startswith("Nghỉ thai sản 01/03/2026 – 30/06/2026 (QĐ 12/QĐ-UBND)")
    lock_period(world.users["personnel"], march)
    march.refresh_from_db()
    assert march.status == PeriodStatus.LOCKED


def test_sheets_created_after_the_leave_start_not_worked(world):
    maternity(world)
    open_period(world.users["personnel"], world.tanphong, APRIL)
    assert sheet_of(world, "colleague", APRIL).worked is False
    assert sheet_of(world, "staff", APRIL).worked is True
    # A month barely touched by leave stays worked: July has none of it.
    open_period(world.users["personnel"], world.tanphong, date(2026, 7, 1))
    assert sheet_of(world, "colleague", date(2026, 7, 1)).worked is True


def test_deleting_the_leave_makes_the_open_month_count_again(world):
    leave = maternity(world)
    open_period(world.users["personnel"], world.tanphong, APRIL)
    delete_leave(world.users["personnel"], leave, "Nhập nhầm người")
    assert sheet_of(world, "colleague", APRIL).worked is True


def test_a_leave_changing_a_locked_month_is_refused_and_writes_nothing(world):
    march = open_period(world.users["personnel"], world.tanphong, MARCH)
    publish_all_but(march, None)
    lock_period(world.users["personnel"], march)
    with pytest.raises(LeaveError, match="03/2026 đã khoá"):
        maternity(world)
    assert not LeavePeriod.objects.exists()
    assert sheet_of(world, "colleague", MARCH).worked is True
    # From April on, nothing is locked: the same leave, starting in April, is accepted.
    maternity(world, start=APRIL)
    assert sheet_of(world, "colleague", MARCH).worked is True


def test_a_locked_month_keeps_its_flag_and_its_leave(world):
    march = open_period(world.users["personnel"], world.tanphong, MARCH)
    leave = maternity(world)
    colleague = sheet_of(world, "colleague", MARCH)
    publish_all_but(march, colleague)
    lock_period(world.users["personnel"], march)
    with pytest.raises(LeaveError, match="03/2026"):
        delete_leave(world.users["personnel"], leave, "Nhập nhầm")
    assert LeavePeriod.objects.filter(pk=leave.pk).exists()
    # Whatever happens to the register, a locked sheet is not rewritten.
    LeavePeriod.objects.all().delete()
    assert sync_worked([world.people["colleague"].pk], 2026) == 0
    assert sheet_of(world, "colleague", MARCH).worked is False


def test_sync_worked_returns_how_many_sheets_changed(world):
    open_period(world.users["personnel"], world.tanphong, MARCH)
    LeavePeriod.objects.create(
        person=world.people["staff"],
        kind="sick",
        start=MARCH,
        end=date(2026, 3, 31),
        evidence="Giấy ra viện",
    )
    ids = [world.people[k].pk for k in ("staff", "colleague")]
    assert sync_worked(ids, 2026) == 1
    assert sync_worked(ids, 2026) == 0
    assert sheet_of(world, "staff", MARCH).worked is False
