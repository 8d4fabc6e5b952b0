"""Workflow permissions per persona, bad input, audit, webhook on publication."""

import pytest
from django.contrib.auth.models import User

from canbo.agency import complaints, workflow
from canbo.agency.errors import AgencyError
from canbo.core.models import AuditEntry
from canbo.core.roles import Role
from tests.agency.conftest import evaluation_of, score_of
from tests.factories import make_user

ENTERED = {
    "I.1": ("8", "NQ 1"),
    "I.2": ("7,5", "BC 2"),
    "I.4": ("3", "BC 3"),
    "I.5": ("6", "BC 4"),
    "II.1": ("14", "BC 5"),
    "II.4": ("4", "BC 6"),
    "II.5": ("12", "BC 7"),
}


def _leader(world):
    return make_user("lanhdao", Role.PROVINCE_VIEWER, world.province)


def test_full_workflow_with_audit(agency_world):
    w = agency_world
    evaluation = evaluation_of(w.tanphong)
    workflow.save_self_assessment(w.users["chair"], evaluation, ENTERED)
    workflow.submit_self_assessment(w.users["chair"], evaluation)
    workflow.review_evaluation(
        w.users["personnel"],
        evaluation,
        {"II.1": "12"},
        "Chương trình công tác còn 2 việc chưa xong.",
    )
    evaluation.refresh_from_db()
    # general 8 + 7.5 + 2.7333 + 3 + 6 = 27.2333; task 12 + 10.625 + 14 + 4 + 12 = 52.625
    assert str(evaluation.general) == "27.2333" and str(evaluation.task) == "52.6250"
    assert evaluation.level == "good" and evaluation.status == "reviewed"
    workflow.approve_evaluation(_leader(w), evaluation)
    evaluation.refresh_from_db()
    assert evaluation.status == "published"
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "agency.save_self_assessment",
        "agency.submit_self_assessment",
        "agency.review_evaluation",
        "agency.approve_evaluation",
    } <= actions


@pytest.mark.parametrize("persona", ["staff", "head", "personnel", "outsider", "admin"])
def test_only_the_chairman_self_assesses(agency_world, persona):
    evaluation = evaluation_of(agency_world.tanphong)
    with pytest.raises(AgencyError):
        workflow.save_self_assessment(agency_world.users[persona], evaluation, ENTERED)


@pytest.mark.parametrize("persona", ["staff", "head", "chair", "outsider", "admin"])
def test_only_the_provincial_personnel_office_reviews(agency_world, persona):
    w = agency_world
    evaluation = evaluation_of(w.tanphong)
    workflow.save_self_assessment(w.users["chair"], evaluation, ENTERED)
    workflow.submit_self_assessment(w.users["chair"], evaluation)
    with pytest.raises(AgencyError):
        workflow.review_evaluation(w.users[persona], evaluation, {}, "lý do")


@pytest.mark.parametrize("persona", ["staff", "head", "chair", "personnel", "admin"])
def test_only_the_provincial_leadership_approves(agency_world, persona):
    w = agency_world
    evaluation = evaluation_of(w.tanphong)
    workflow.save_self_assessment(w.users["chair"], evaluation, ENTERED)
    workflow.submit_self_assessment(w.users["chair"], evaluation)
    workflow.review_evaluation(w.users["personnel"], evaluation, {}, "Thống nhất.")
    with pytest.raises(AgencyError):
        workflow.approve_evaluation(w.users[persona], evaluation)
    evaluation.refresh_from_db()
    assert evaluation.status == "reviewed"


def test_points_above_the_maximum_are_refused_and_nothing_is_written(agency_world):
    w = agency_world
    evaluation = evaluation_of(w.tanphong)
    bad = dict(ENTERED, **{"I.2": ("9", "BC 2")})  # max 8
    with pytest.raises(AgencyError) as caught:
        workflow.save_self_assessment(w.users["chair"], evaluation, bad)
    assert "I.2" in caught.value.message and "ngoài khoảng 0 – 8" in caught.value.message
    assert score_of(evaluation, "I.1").self_points is None  # all or nothing


def test_points_without_evidence_and_review_without_reason(agency_world):
    w = agency_world
    evaluation = evaluation_of(w.tanphong)
    with pytest.raises(AgencyError) as caught:
        workflow.save_self_assessment(w.users["chair"], evaluation, {"I.1": ("8", "")})
    assert "minh chứng" in caught.value.message
    with pytest.raises(AgencyError):
        workflow.submit_self_assessment(w.users["chair"], evaluation)  # nothing entered
    workflow.save_self_assessment(w.users["chair"], evaluation, ENTERED)
    workflow.submit_self_assessment(w.users["chair"], evaluation)
    with pytest.raises(AgencyError) as caught:
        workflow.review_evaluation(w.users["personnel"], evaluation, {}, "  ")
    assert "lý do" in caught.value.message
    with pytest.raises(AgencyError):  # a computed criterion is not changed by hand
        workflow.review_evaluation(w.users["personnel"], evaluation, {"II.2": "15"}, "x")


def test_webhook_on_publication(agency_world):
    from canbo.integration.models import WebhookDelivery, WebhookSubscription
    from canbo.integration.services import create_client

    w = agency_world
    client, _token = create_client(None, "Cổng tỉnh", w.province, ["agency:read"])
    WebhookSubscription.objects.create(
        client=client, event="agency.published", url="http://127.0.0.1:9/hook"
    )
    evaluation = evaluation_of(w.tanphong)
    workflow.save_self_assessment(w.users["chair"], evaluation, ENTERED)
    workflow.submit_self_assessment(w.users["chair"], evaluation)
    workflow.review_evaluation(w.users["personnel"], evaluation, {}, "Thống nhất.")
    workflow.approve_evaluation(_leader(w), evaluation)
    delivery = WebhookDelivery.objects.get()
    assert delivery.event == "agency.published"
    assert delivery.payload["organization_code"] == w.tanphong.code
    assert delivery.payload["level"] == "good"
    assert User.objects.filter(username="lanhdao").exists()


def _published(w):
    evaluation = evaluation_of(w.tanphong)
    workflow.save_self_assessment(w.users["chair"], evaluation, ENTERED)
    workflow.submit_self_assessment(w.users["chair"], evaluation)
    workflow.review_evaluation(w.users["personnel"], evaluation, {}, "Thống nhất.")
    leader = _leader(w)
    workflow.approve_evaluation(leader, evaluation)
    return evaluation, leader


def test_complaint_accepted_goes_back_to_review(agency_world):
    w = agency_world
    evaluation, leader = _published(w)
    with pytest.raises(AgencyError):
        complaints.file_complaint(w.users["personnel"], evaluation, "Không đồng ý")
    with pytest.raises(AgencyError):
        complaints.file_complaint(w.users["chair"], evaluation, " ")
    complaint = complaints.file_complaint(
        w.users["chair"], evaluation, "Chỉ tiêu thu ngân sách tính thiếu khoản ghi thu ghi chi."
    )
    evaluation.refresh_from_db()
    assert evaluation.status == "contested"
    with pytest.raises(AgencyError):  # the personnel office does not resolve
        complaints.resolve_complaint(w.users["personnel"], complaint, True, "Chấp nhận")
    complaints.resolve_complaint(leader, complaint, True, "Giao Sở Nội vụ thẩm định lại.")
    evaluation.refresh_from_db()
    assert evaluation.status == "self_assessed"
    with pytest.raises(AgencyError):
        complaints.resolve_complaint(leader, complaint, False, "lần hai")


def test_complaint_rejected_keeps_the_result_and_the_window_closes(agency_world):
    from datetime import timedelta

    from canbo.agency.models import AgencyEvaluation

    w = agency_world
    evaluation, leader = _published(w)
    complaint = complaints.file_complaint(w.users["chair"], evaluation, "Không đồng ý.")
    complaints.resolve_complaint(leader, complaint, False, "Giữ nguyên kết quả.")
    evaluation.refresh_from_db()
    assert evaluation.status == "published"
    AgencyEvaluation.objects.filter(pk=evaluation.pk).update(
        published_at=evaluation.published_at - timedelta(days=complaints.COMPLAINT_DAYS + 1)
    )
    with pytest.raises(AgencyError) as caught:
        complaints.file_complaint(w.users["chair"], evaluation, "Lần hai.")
    assert "hết thời hạn" in caught.value.message
