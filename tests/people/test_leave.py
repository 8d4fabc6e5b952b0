"""The absence register: who may record leave, what is refused, what the loader explains."""

from datetime import date

import pytest

from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from canbo.people.errors import LeaveError
from canbo.people.leave import delete_leave, not_worked_months, record_leave
from canbo.people.models import LeavePeriod
from canbo.people.signals import leave_changed, leave_locked_months
from tests.factories import make_user

MARCH, JUNE_END = date(2026, 3, 1), date(2026, 6, 30)


def maternity(world, actor=None, **changes):
    args = {
        "kind": "maternity",
        "start": MARCH,
        "end": JUNE_END,
        "evidence": "QĐ 12/QĐ-UBND",
    } | changes
    return record_leave(actor or world.users["personnel"], world.people["colleague"], **args)


def nothing_written():
    return (
        LeavePeriod.objects.count() == 0
        and not AuditEntry.objects.filter(action__startswith="people.")
        .exclude(action="people.assign_post")
        .exists()
    )


def test_personnel_officer_records_leave_audited_and_signalled(world):
    seen = []

    def receiver(sender, person, year, **kwargs):
        seen.append((person.pk, year))

    leave_changed.connect(receiver)
    try:
        leave = maternity(world, note="Sinh con thứ hai")
    finally:
        leave_changed.disconnect(receiver)
    assert (leave.kind, leave.start, leave.end) == ("maternity", MARCH, JUNE_END)
    assert leave.recorded_by == world.users["personnel"] and leave.recorded_at is not None
    entry = AuditEntry.objects.get(action="people.record_leave")
    assert entry.object_id == str(leave.pk) and entry.reason == "Sinh con thứ hai"
    assert entry.changes["evidence"] == [None, "QĐ 12/QĐ-UBND"]
    assert seen == [(world.people["colleague"].pk, 2026)]


def test_commune_personnel_officer_within_their_commune_only(world):
    tp_officer = make_user("tp_personnel", Role.PERSONNEL_COMMUNE, world.tanphong)
    dk_officer = make_user("dk_personnel", Role.PERSONNEL_COMMUNE, world.doanket)
    with pytest.raises(LeaveError, match="không có quyền"):
        maternity(world, dk_officer)
    assert nothing_written()
    assert maternity(world, tp_officer).recorded_by == tp_officer


@pytest.mark.parametrize("persona", ["staff", "head", "chair", "outsider"])
def test_others_may_not_record_leave(world, persona):
    with pytest.raises(LeaveError, match="không có quyền"):
        maternity(world, world.users[persona])
    assert nothing_written()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"end": date(2026, 2, 28)}, "kết thúc trước"),
        ({"end": date(2027, 1, 15)}, "01/01/2027 – 15/01/2027"),  # ask to split the year
        ({"evidence": "   "}, "bắt buộc"),
        ({"kind": "holiday"}, "không hợp lệ"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_writes_nothing(world, changes, message):
    with pytest.raises(LeaveError, match=message):
        maternity(world, **changes)
    assert nothing_written()


@pytest.mark.parametrize(
    "start, end",
    [
        (date(2026, 6, 30), date(2026, 7, 10)),  # touches the last day
        (date(2026, 1, 5), date(2026, 3, 1)),  # touches the first day
        (date(2026, 4, 1), date(2026, 4, 2)),  # inside
        (date(2026, 1, 1), date(2026, 12, 31)),  # around
    ],
)
def test_overlapping_leave_is_refused(world, start, end):
    maternity(world)
    with pytest.raises(LeaveError, match="trùng"):
        maternity(world, kind="sick", start=start, end=end, evidence="Giấy ra viện")
    assert LeavePeriod.objects.count() == 1


def test_adjacent_leave_and_another_persons_leave_are_fine(world):
    maternity(world)
    maternity(
        world, kind="sick", start=date(2026, 7, 1), end=date(2026, 7, 3), evidence="Giấy nghỉ ốm"
    )
    record_leave(
        world.users["personnel"], world.people["staff"], "sick", MARCH, JUNE_END, "Giấy ra viện"
    )
    assert LeavePeriod.objects.count() == 3


def test_a_change_to_a_locked_month_is_refused(world):
    asked = []

    def locked(sender, person, months, **kwargs):
        asked.append(months)
        return [m for m in months if m.month == 4]

    leave_locked_months.connect(locked)
    try:
        with pytest.raises(LeaveError, match="04/2026"):
            maternity(world)
        assert nothing_written()
        # A short leave changes no month's state: the lock is not in the way.
        maternity(world, kind="sick", start=date(2026, 4, 6), end=date(2026, 4, 8))
    finally:
        leave_locked_months.disconnect(locked)
    assert asked == [[date(2026, m, 1) for m in (3, 4, 5, 6)]]


def test_delete_needs_a_reason_and_rights_and_is_audited(world):
    leave = maternity(world)
    with pytest.raises(LeaveError, match="lý do"):
        delete_leave(world.users["personnel"], leave, " ")
    with pytest.raises(LeaveError, match="không có quyền"):
        delete_leave(world.users["head"], leave, "Nhập nhầm")
    assert LeavePeriod.objects.count() == 1
    delete_leave(world.users["admin"], leave, "Nhập nhầm người")
    assert LeavePeriod.objects.count() == 0
    entry = AuditEntry.objects.get(action="people.delete_leave")
    assert entry.reason == "Nhập nhầm người" and entry.changes["kind"] == ["maternity", None]


def test_deleting_a_leave_of_a_locked_month_is_refused(world):
    leave = maternity(world)
    leave_locked_months.connect(
        lambda sender, months, **kw: months[:1], weak=False, dispatch_uid="test.lock"
    )
    try:
        with pytest.raises(LeaveError, match="03/2026"):
            delete_leave(world.users["personnel"], leave, "Nhập nhầm")
    finally:
        leave_locked_months.disconnect(dispatch_uid="test.lock")
    assert LeavePeriod.objects.count() == 1


def test_loader_explains_each_month_not_worked(world):
    maternity(world)
    staff = world.people["staff"]
    # 15/09–30/09/2026: 12 of 22 working days (more than half); 6 days in October: worked.
    record_leave(
        world.users["personnel"],
        staff,
        "sick",
        date(2026, 9, 15),
        date(2026, 9, 30),
        "Giấy ra viện số 88",
    )
    record_leave(
        world.users["personnel"],
        staff,
        "other",
        date(2026, 10, 1),
        date(2026, 10, 8),
        "Đơn xin nghỉ",
    )
    ids = [world.people[k].pk for k in ("colleague", "staff", "head")]
    result = not_worked_months(ids, 2026)
    assert set(result) == {world.people["colleague"].pk, staff.pk}
    maternity_months = result[world.people["colleague"].pk]
    assert list(maternity_months) == [date(2026, m, 1) for m in (3, 4, 5, 6)]
    assert maternity_months[date(2026, 3, 1)] == (
        "Nghỉ thai sản 01/03/2026 – 30/06/2026 (QĐ 12/QĐ-UBND): nghỉ 22/22 ngày làm việc của tháng"
    )
    assert result[staff.pk] == {
        date(2026, 9, 1): (
            "Nghỉ ốm 15/09/2026 – 30/09/2026 (Giấy ra viện số 88): "
            "nghỉ 12/22 ngày làm việc của tháng"
        )
    }
    assert not_worked_months(ids, 2025) == {}


def test_two_leaves_of_one_month_add_up_in_the_explanation(world):
    staff = world.people["staff"]
    record_leave(
        world.users["personnel"], staff, "sick", date(2026, 9, 1), date(2026, 9, 9), "Giấy 1"
    )
    record_leave(
        world.users["personnel"],
        staff,
        "long_training",
        date(2026, 9, 14),
        date(2026, 9, 18),
        "QĐ cử đi học",
    )
    reason = not_worked_months([staff.pk], 2026)[staff.pk][date(2026, 9, 1)]
    assert reason == (
        "Nghỉ ốm 01/09/2026 – 09/09/2026 (Giấy 1); Đi học dài hạn 14/09/2026 – "
        "18/09/2026 (QĐ cử đi học): nghỉ 12/22 ngày làm việc của tháng"
    )
