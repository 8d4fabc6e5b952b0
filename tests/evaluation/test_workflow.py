"""One month end to end through the service functions, and every refusal."""

import pytest

from canbo.core.models import AuditEntry
from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.errors import ConflictError, EvaluationError
from canbo.evaluation.models import EvaluationSheet, Notification
from canbo.evaluation.services.complaints import file_complaint, resolve_complaint
from canbo.evaluation.services.periods import lock_period
from canbo.evaluation.services.sheets import approve_sheet, review_sheet, submit_self_assessment
from tests.factories import form01

# II.4 (attitude serving citizens, coordination with colleagues) lowered from 2 to 1.5.
LESS_COORDINATION = [4.5, 4.5, 2.25, 2.25, 2, 1.5, 8]


def test_opening_creates_one_sheet_per_person_in_the_subtree(world, period):
    people = set(period.sheets.values_list("person__code", flat=True))
    assert people == {"TP-1", "TP-2", "TP-3", "TP-4", "TP-5"}
    assert EvaluationSheet.objects.get(period=period, person__code="TP-4").is_leader


def test_full_month(world, sheet):
    staff, head, chair = (world.users[k] for k in ("staff", "head", "chair"))
    sheet = submit_self_assessment(staff, sheet, form01(9, 8.5, 8), "Hoàn thành tốt")
    assert sheet.status == SheetStatus.SELF_ASSESSED
    # a = 1; b = 1; c = (2 + (1.5 - 0.375)) / 3.5 = 0.892857...; task = 70 * 2.892857 / 3
    assert sheet.result["c"] == pytest.approx(3.125 / 3.5)
    assert sheet.result["task_score"] == pytest.approx(70 * (2 + 3.125 / 3.5) / 3)
    sheet = review_sheet(head, sheet, LESS_COORDINATION, {5: "Chưa phối hợp tốt"}, "Đạt")
    assert sheet.general_review == LESS_COORDINATION
    assert sheet.adjust_reasons == {"5": "Chưa phối hợp tốt"}
    assert AuditEntry.objects.get(action="evaluation.review").reason == (
        "Tiêu chí II.4: Chưa phối hợp tốt"
    )
    sheet = approve_sheet(chair, sheet, "Đồng ý")
    assert sheet.status == SheetStatus.PUBLISHED
    assert float(sheet.total) == pytest.approx(25 + 70 * (2 + 3.125 / 3.5) / 3, abs=1e-4)
    assert sheet.classification == "excellent"
    assert Notification.objects.filter(user=staff).exists()
    actions = list(
        AuditEntry.objects.filter(object_type="evaluation.evaluationsheet").values_list(
            "action", flat=True
        )
    )
    assert set(actions) == {"evaluation.self_assess", "evaluation.review", "evaluation.approve"}


def test_adjusting_a_criterion_needs_a_reason(world, sheet):
    submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 9))
    lower = form01(9, 9, 9)
    lower[3] = lower[6] = 2  # II.2 and III
    with pytest.raises(EvaluationError, match=r"lý do .*\(tiêu chí II\.2, III\)"):
        review_sheet(world.users["head"], sheet, lower, {3: "  "})
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SELF_ASSESSED and sheet.general_review is None


@pytest.mark.parametrize(
    "points, message",
    [
        ([5.5, 4.5, 2, 2, 2, 2, 9], "I.1 .*nằm ngoài"),
        ([4.3, 4.5, 2, 2, 2, 2, 9], "bội số"),
        ([4.75, 4.5, 2, 2, 2, 2, 9], "bội số"),
        ([4.5, 4.5, 2, 2, 2, 2.3, 9], "II.4 .*bội số"),
        ([9, 9, 9], "đủ 7 tiêu chí"),
    ],
)
def test_general_points_are_checked(world, sheet, points, message):
    with pytest.raises(EvaluationError, match=message):
        submit_self_assessment(world.users["staff"], sheet, points)


def test_nobody_reviews_or_approves_their_own_sheet(world, period):
    head_sheet = EvaluationSheet.objects.get(period=period, person__code="TP-4")
    submit_self_assessment(world.users["head"], head_sheet, form01(9, 9, 9))
    with pytest.raises(EvaluationError):
        review_sheet(world.users["head"], head_sheet, form01(9, 9, 9), {})
    review_sheet(world.users["chair"], head_sheet, form01(9, 9, 9), {})  # leaders go up a level
    chair_sheet = EvaluationSheet.objects.get(period=period, person__code="TP-5")
    submit_self_assessment(world.users["chair"], chair_sheet, form01(9, 9, 9))
    with pytest.raises(EvaluationError):
        review_sheet(world.users["chair"], chair_sheet, form01(9, 9, 9), {})


def test_civil_servant_cannot_review_and_head_not_outside_unit(world, period, sheet):
    submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 9))
    with pytest.raises(EvaluationError):
        review_sheet(world.users["staff"], sheet, form01(9, 9, 9), {})
    economy = EvaluationSheet.objects.get(period=period, person__code="TP-3")
    submit_self_assessment(_user_for(world, "economy"), economy, form01(9, 9, 9))
    with pytest.raises(EvaluationError):
        review_sheet(world.users["head"], economy, form01(9, 9, 9), {})
    with pytest.raises(EvaluationError):
        approve_sheet(world.users["outsider"], sheet)


def _user_for(world, key):
    from tests.factories import make_user

    return make_user(f"user-{key}", "civil_servant", world.tp_economy, world.people[key])


def test_second_reviewer_gets_a_conflict(world, sheet):
    sheet = submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 9))
    stale_version = sheet.version
    review_sheet(world.users["head"], sheet, form01(9, 9, 9), {}, version=stale_version)
    with pytest.raises(ConflictError, match="người khác"):
        review_sheet(world.users["chair"], sheet, form01(8, 9, 9), {0: "x"}, version=stale_version)
    sheet.refresh_from_db()
    assert sheet.general_review == form01(9, 9, 9)


def test_complaint_accepted_reopens_and_rejected_keeps(world, sheet):
    staff, head, chair = (world.users[k] for k in ("staff", "head", "chair"))
    submit_self_assessment(staff, sheet, form01(9, 9, 9))
    review_sheet(head, sheet, [4.5, 3.5, 2.25, 2.25, 2.25, 2.25, 9], {1: "Vi phạm giờ giấc"})
    approve_sheet(chair, sheet)
    complaint = file_complaint(staff, sheet, "Tôi đã có giấy phép nghỉ")
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.CONTESTED
    with pytest.raises(EvaluationError):
        resolve_complaint(chair, complaint, True, "")
    resolve_complaint(chair, complaint, True, "Chấp nhận, chấm lại")
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SELF_ASSESSED
    review_sheet(head, sheet, form01(9, 9, 9), {})
    approve_sheet(chair, sheet)
    second = file_complaint(staff, sheet, "Vẫn chưa đúng")
    resolve_complaint(chair, second, False, "Giữ nguyên")
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.PUBLISHED


def test_locked_period_cannot_change(world, period, sheet):
    with pytest.raises(EvaluationError, match="chưa được phê duyệt"):
        lock_period(world.users["personnel"], period)
    period.sheets.exclude(pk=sheet.pk).update(worked=False)
    submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 9))
    review_sheet(world.users["head"], sheet, form01(9, 9, 9), {})
    approve_sheet(world.users["chair"], sheet)
    lock_period(world.users["personnel"], period)
    with pytest.raises(EvaluationError, match="đã khoá"):
        file_complaint(world.users["staff"], sheet, "muộn")
