import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from canbo.core.models import AuditEntry
from canbo.work.catalog_services import new_catalog_version, save_catalog_item
from canbo.work.choices import DelayKind, TaskStatus
from canbo.work.errors import WorkError
from canbo.work.models import PeriodScore, Task
from canbo.work.task_services import (
    assign_task,
    cancel_task,
    certify_objective_cause,
    complete_task,
    extend_deadline,
    record_quality_review,
)


def test_coefficient_is_frozen_at_assignment(world, item, make_task):
    task = make_task(catalog_item=item["VP01"], coefficient=None, name="")
    assert (task.coefficient, task.name) == (Decimal("1.50"), "Soạn thảo công văn")
    draft = new_catalog_version(world.users["personnel"], item["VP01"].catalog, date(2027, 1, 1))
    changed = draft.items.get(code="VP01")
    changed.coefficient = Decimal("3.00")
    save_catalog_item(world.users["personnel"], changed)
    task.refresh_from_db()
    assert task.coefficient == Decimal("1.50") and task.catalog_item == item["VP01"]


def test_catalogue_item_coefficient_wins_over_a_given_one(item, make_task):
    assert make_task(catalog_item=item["VP03"], coefficient="9").coefficient == Decimal("2.00")


def test_same_external_id_is_one_task(world, make_task):
    first = make_task(source="eoffice", external_id="VB-1")
    again = make_task(source="eoffice", external_id="VB-1", name="Khác")
    assert first.pk == again.pk and Task.objects.count() == 1
    other_source = make_task(source="qlvb", external_id="VB-1")
    manual = [make_task(), make_task()]
    assert other_source.pk != first.pk and Task.objects.count() == 4 and manual[0].source == ""


def test_period_is_the_due_month_else_the_assignment_month(make_task):
    assert make_task(due_date=date(2026, 4, 3)).period == date(2026, 4, 1)
    assert make_task(due_date=None).period == date(2026, 3, 1)


def test_extension_and_late_completion_are_delays(world, make_task):
    task = make_task(due_date=date(2026, 3, 10))
    task = extend_deadline(world.users["head"], task, date(2026, 3, 20), "Chờ số liệu")
    assert (task.due_date, task.delays, task.period) == (date(2026, 3, 20), 1, date(2026, 3, 1))
    task = complete_task(world.users["staff"], task, date(2026, 3, 25), "Công văn 45/UBND")
    kinds = list(task.delay_records.values_list("kind", "due_before", "due_after"))
    assert kinds == [
        (DelayKind.EXTENSION, date(2026, 3, 10), date(2026, 3, 20)),
        (DelayKind.LATE_COMPLETION, date(2026, 3, 20), date(2026, 3, 25)),
    ]
    assert task.delays == 2 and task.status == TaskStatus.COMPLETED
    assert task.evidence == "Công văn 45/UBND"


def test_on_time_completion_has_no_delay(world, make_task):
    task = complete_task(None, make_task(), date(2026, 3, 20))
    assert task.delays == 0 and not task.delay_records.exists()


def test_counters_follow_reviews_and_certifications(world, make_task):
    head = world.users["head"]
    task = complete_task(head, make_task(due_date=date(2026, 3, 5)), date(2026, 3, 6))
    record_quality_review(head, task, passed=True)
    failed = record_quality_review(head, task, passed=False, note="Sai số liệu")
    record_quality_review(head, task, passed=False, note="Sai thể thức")
    task.refresh_from_db()
    counters = ("quality_failures", "objective_quality_failures", "delays", "objective_delays")
    assert [getattr(task, n) for n in counters] == [2, 0, 1, 0]
    certify_objective_cause(world.users["chair"], failed, "Số liệu cấp trên gửi sai")
    certify_objective_cause(world.users["chair"], task.delay_records.get(), "Mất điện 2 ngày")
    task.refresh_from_db()
    assert [getattr(task, n) for n in counters] == [2, 1, 1, 1]
    failed.refresh_from_db()
    assert failed.certified_by == world.users["chair"] and failed.certified_at


@pytest.mark.parametrize("reason", ["", "   "])
def test_certification_needs_a_reason(world, make_task, reason):
    task = complete_task(None, make_task(due_date=date(2026, 3, 5)), date(2026, 3, 6))
    with pytest.raises(WorkError, match="lý do"):
        certify_objective_cause(world.users["chair"], task.delay_records.get(), reason)
    assert not task.delay_records.get().objective


def test_state_is_checked(world, make_task):
    head = world.users["head"]
    task = make_task()
    with pytest.raises(WorkError, match="trạng thái"):
        record_quality_review(head, task, passed=True)
    with pytest.raises(WorkError, match="lỗi"):
        record_quality_review(head, complete_task(head, task, date(2026, 3, 3)), passed=False)
    with pytest.raises(WorkError, match="trạng thái"):
        complete_task(head, task, date(2026, 3, 4))
    with pytest.raises(WorkError, match="lý do"):
        cancel_task(head, make_task(), "")
    with pytest.raises(WorkError, match="sau hạn"):
        extend_deadline(head, make_task(), date(2026, 3, 1))
    with pytest.raises(WorkError, match="tương lai"):
        complete_task(head, make_task(), date(2999, 1, 1))


def test_bad_new_task_is_refused(world, catalog, make_task):
    draft = new_catalog_version(world.users["personnel"], catalog, date(2027, 1, 1))
    with pytest.raises(WorkError, match="đã ban hành"):
        make_task(catalog_item=draft.items.first())
    for bad in [
        {"quantity": 0},
        {"quantity": "abc"},
        {"coefficient": "0"},
        {"coefficient": "1.234"},
        {"due_date": date(2026, 3, 1)},
        {"name": ""},
    ]:
        with pytest.raises(WorkError):
            make_task(**bad)
    with pytest.raises(WorkError, match="đơn vị"):
        assign_task(None, name="X", assigned_date=date(2026, 3, 1), coefficient=1)
    assert not Task.objects.exists()


def test_text_is_stored_nfc(make_task):
    task = make_task(name=unicodedata.normalize("NFD", "Rà soát hồ sơ đất đai"))
    task.refresh_from_db()
    assert task.name == unicodedata.normalize("NFC", "Rà soát hồ sơ đất đai")


def test_every_step_writes_an_audit_entry(world, make_task):
    head = world.users["head"]
    task = make_task(due_date=date(2026, 3, 10))
    extend_deadline(head, task, date(2026, 3, 12), "Chờ ý kiến")
    complete_task(head, task, date(2026, 3, 13))
    review = record_quality_review(head, task, passed=False, note="Thiếu phụ lục")
    certify_objective_cause(world.users["chair"], review, "Phụ lục do sở gửi chậm")
    cancel_task(head, make_task(), "Trùng nhiệm vụ")
    entries = AuditEntry.objects.filter(object_type="work.task").order_by("id")
    assert [e.action for e in entries] == [
        "work.assign_task",
        "work.extend_deadline",
        "work.complete_task",
        "work.record_quality_review",
        "work.certify_objective_cause",
        "work.assign_task",
        "work.cancel_task",
    ]
    certify = entries.get(action="work.certify_objective_cause")
    assert certify.actor == world.users["chair"] and certify.reason == "Phụ lục do sở gửi chậm"
    assert certify.changes == {"objective_quality_failures": [0, 1]}


def test_a_change_refreshes_the_month_score_after_commit(
    world, make_task, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task = make_task(quantity=2, coefficient="1.50")
    score = PeriodScore.objects.get(person=world.people["staff"], kind="month")
    assert score.period_start == date(2026, 3, 1) and score.a == 0
    with django_capture_on_commit_callbacks(execute=True):
        complete_task(None, task, date(2026, 3, 5))
    score.refresh_from_db()
    assert (score.a, score.task_score) == (1, 70)
    assert any(
        step["rule"] == "quantity" and "Nhiệm vụ" in step["text"] for step in score.explanation
    )


def test_nothing_is_refreshed_when_the_transaction_rolls_back(world, make_task):
    make_task()
    assert not PeriodScore.objects.exists()  # tests run in a transaction: no commit yet
