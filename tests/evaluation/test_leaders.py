"""Leaders (Art. 15, DOMAIN §2.1): scope, d from approved results, re-approval, superiors."""

from datetime import date

import pytest

from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import EvaluationSheet, LeaderCharge, Notification
from canbo.evaluation.services.leaders import leader_kind, scope_of
from canbo.evaluation.services.periods import create_sheets, lock_period
from canbo.evaluation.services.result import compute
from canbo.evaluation.services.sheets import approve_sheet, review_sheet, submit_self_assessment
from canbo.org.models import Title
from canbo.work.task_services import assign_task
from tests.factories import form01, make_person, make_user


@pytest.fixture
def leaders(world):
    """A vice chairman in charge of the economy department and a deputy in the office."""
    vice = Title.objects.create(code="PCT", name="Phó Chủ tịch UBND", is_leader=True, rank=150)
    deputy = Title.objects.create(code="PTP", name="Phó Trưởng phòng", is_leader=True, rank=150)
    people = {
        "vice": make_person("TP-6", "Vàng Thị Dung", world.tanphong, vice, None),
        "deputy": make_person("TP-7", "Hà Văn Tú", world.tp_office, deputy, world.position),
    }
    LeaderCharge.objects.create(leader=people["vice"], organization=world.tp_economy)
    make_user("vice", Role.VICE_CHAIRMAN, world.tanphong, people["vice"])
    make_user("eco", Role.CIVIL_SERVANT, world.tp_economy, world.people["economy"])
    return people


@pytest.fixture
def month(world, leaders, period):
    """The period fixture gives the office's civil servant 2 tasks; add one unfinished task to
    the economy department, so its civil servant fails the month."""
    assign_task(
        None,
        name="Hồ sơ đất đai",
        assignee=world.people["economy"],
        coefficient=1,
        assigned_date=date(2026, 10, 3),
        due_date=date(2026, 10, 25),
    )
    create_sheets(period)  # sheets for the leaders added after opening
    return period


def _sheet(period, person) -> EvaluationSheet:
    return EvaluationSheet.objects.get(period=period, person=person)


def _scope_text(sheet) -> str:
    return compute(sheet)["explanation"][0]["text"]


def test_kinds_follow_title_rank_within_the_unit(world, leaders):
    assert leader_kind(world.people["chair"]) == "chairman"
    assert leader_kind(leaders["vice"]) == "vice_chairman"
    assert leader_kind(world.people["head"]) == "head"
    assert leader_kind(leaders["deputy"]) == "deputy"
    assert leader_kind(world.people["staff"]) is None


def test_chairman_answers_for_the_whole_commune(world, month):
    scope = scope_of(world.people["chair"])
    codes = {p.code for p in world.people.values() if p.pk in scope.in_charge}
    assert codes == {"TP-1", "TP-2", "TP-3", "TP-4"}
    assert "3 nhiệm vụ" in _scope_text(_sheet(month, world.people["chair"]))


def test_vice_chairman_answers_for_the_departments_in_charge(world, leaders, month):
    scope = scope_of(leaders["vice"])
    assert scope.in_charge == {world.people["economy"].pk}
    result = compute(_sheet(month, leaders["vice"]))
    assert "1 nhiệm vụ" in result["explanation"][0]["text"]
    assert result["a"] == 0  # the economy task is not completed


def test_deputy_without_assignment_answers_for_the_department_except_the_head(world, leaders):
    scope = scope_of(leaders["deputy"])
    assert world.people["head"].pk not in scope.in_charge
    assert {world.people["staff"].pk, world.people["colleague"].pk} <= scope.in_charge
    assert world.people["economy"].pk not in scope.in_charge


def test_items_the_leader_assigned_count_in_their_scope(world, leaders, month):
    assign_task(
        None,
        name="Chỉ đạo rà soát",
        assignee=world.people["outsider"],
        assigner=leaders["deputy"],
        coefficient=1,
        assigned_date=date(2026, 10, 5),
        due_date=date(2026, 10, 20),
    )
    assert "3 nhiệm vụ" in _scope_text(_sheet(month, leaders["deputy"]))


def _publish(world, period, person, user, reviewer, approver, general=(9, 9, 9)):
    sheet = submit_self_assessment(user, _sheet(period, person), form01(*general))
    sheet = review_sheet(reviewer, sheet, form01(*general), {})
    return approve_sheet(approver, sheet)


def test_d_follows_approved_results_and_the_leader_returns_for_reapproval(world, leaders, month):
    chair, province = world.users["chair"], world.users["personnel"]
    chair_sheet = _publish(world, month, world.people["chair"], chair, province, province)
    assert chair_sheet.result["d"] == 1
    eco_user = world.people["economy"].profile.user
    eco = _publish(world, month, world.people["economy"], eco_user, chair, chair, (5, 5, 5))
    assert eco.classification == "fail"
    chair_sheet.refresh_from_db()
    assert chair_sheet.status == SheetStatus.REVIEWED and chair_sheet.result["d"] == 0.5
    assert any("Giàng A Páo" in s["text"] for s in chair_sheet.result["explanation"])
    assert Notification.objects.filter(user=chair, text__contains="phê duyệt lại").exists()
    assert Notification.objects.filter(user=province, text__contains="phê duyệt lại").exists()
    assert AuditEntry.objects.filter(action="evaluation.leader_result_changed").count() == 1
    # the vice chairman in charge of economy was not yet approved: nothing to return
    chair_sheet = approve_sheet(province, chair_sheet)
    assert chair_sheet.result["d"] == 0.5 and chair_sheet.status == SheetStatus.PUBLISHED


def test_a_stale_leader_result_blocks_the_lock(world, leaders, month):
    province = world.users["personnel"]
    chair_sheet = _publish(
        world, month, world.people["chair"], world.users["chair"], province, province
    )
    # A subordinate's approved result changed behind the workflow's back.
    others = EvaluationSheet.objects.filter(period=month).exclude(pk=chair_sheet.pk)
    others.filter(is_leader=False).update(status=SheetStatus.PUBLISHED, classification="fail")
    for other in others.filter(is_leader=True):  # the other leaders, approved and up to date
        other.status, other.result = SheetStatus.PUBLISHED, compute(other)
        other.save()
    with pytest.raises(EvaluationError, match="Lê Văn Bình.*phê duyệt lại"):
        lock_period(province, month)
    assert not type(month).objects.get(pk=month.pk).is_locked
    chair_sheet.refresh_from_db()  # returned for re-approval, with d now 50 %
    assert chair_sheet.status == SheetStatus.REVIEWED and chair_sheet.result["d"] == 0.5
    with pytest.raises(EvaluationError, match="chưa được phê duyệt"):
        lock_period(province, month)
    approve_sheet(province, chair_sheet)
    assert lock_period(province, month).is_locked


def test_nobody_reviews_or_approves_their_superior(world, leaders, month):
    vice_user = leaders["vice"].profile.user
    chair_sheet = submit_self_assessment(
        world.users["chair"], _sheet(month, world.people["chair"]), form01(9, 9, 9)
    )
    with pytest.raises(EvaluationError):
        review_sheet(vice_user, chair_sheet, form01(9, 9, 9), {}, organising="full", third="full")
    vice_sheet = submit_self_assessment(vice_user, _sheet(month, leaders["vice"]), form01(9, 9, 9))
    review_sheet(world.users["chair"], vice_sheet, form01(9, 9, 9), {})
    with pytest.raises(EvaluationError):
        approve_sheet(world.users["personnel"], _sheet(month, leaders["vice"]))
    assert (
        approve_sheet(world.users["chair"], _sheet(month, leaders["vice"])).status
        == SheetStatus.PUBLISHED
    )


def test_personnel_officers_assign_and_remove_a_deputys_charge(world, leaders, client):
    from canbo.evaluation.services.charges import assign_charge, remove_charge

    personnel, deputy = world.users["personnel"], leaders["deputy"]
    charge = assign_charge(personnel, deputy, world.tp_office, "Phụ trách văn thư")
    assert scope_of(deputy).in_charge >= {world.people["head"].pk}  # the whole office now
    with pytest.raises(EvaluationError, match="đã có"):
        assign_charge(personnel, deputy, world.tp_office)
    with pytest.raises(EvaluationError, match="cấp phó"):
        assign_charge(personnel, world.people["staff"], world.tp_office)
    with pytest.raises(EvaluationError, match="cùng xã"):
        assign_charge(personnel, deputy, world.dk_office)
    with pytest.raises(EvaluationError, match="quyền"):
        assign_charge(world.users["chair"], deputy, world.tp_economy)
    client.force_login(personnel)
    page = client.get(f"/evaluation/charges/{world.tanphong.pk}/").content.decode()
    assert "Hà Văn Tú" in page and "Văn phòng HĐND và UBND" in page
    remove_charge(personnel, charge, "Điều chỉnh phân công")
    assert not LeaderCharge.objects.filter(leader=deputy).exists()
    assert (
        AuditEntry.objects.filter(
            action__in=["evaluation.assign_charge", "evaluation.remove_charge"]
        ).count()
        == 2
    )
