"""Enrolment rules, completion updating the record (with audit), plan progress."""

from datetime import date

import pytest

from canbo.cadre.errors import CadreError
from canbo.cadre.gaps import EDUCATION, MAJOR, THEORY, compute_gaps
from canbo.cadre.models import EnrolmentStatus, TrainingPlan
from canbo.cadre.services.training import (
    change_enrolment_status,
    enrol_person,
    mark_completion,
    plan_progress,
    set_training_plan,
)
from canbo.core.models import AuditEntry
from canbo.org.choices import Education, Field, PoliticalTheory


def test_duplicate_enrolment_is_refused_in_vietnamese(world, it_class, it_person):
    actor = world.users["personnel"]
    enrol_person(actor, it_class, it_person)
    with pytest.raises(CadreError, match="đã được ghi danh vào lớp này"):
        enrol_person(actor, it_class, it_person)


def test_full_class_is_refused_in_vietnamese(world, it_class, it_person):
    actor = world.users["personnel"]
    enrol_person(actor, it_class, it_person)
    enrol_person(actor, it_class, world.people["staff"])
    with pytest.raises(CadreError, match=r"Lớp đã đủ chỗ \(2 chỗ\)"):
        enrol_person(actor, it_class, world.people["colleague"])
    assert it_class.enrolments.count() == 2


def test_a_dropped_place_frees_the_seat(world, it_class, it_person):
    actor = world.users["personnel"]
    first = enrol_person(actor, it_class, it_person)
    enrol_person(actor, it_class, world.people["staff"])
    change_enrolment_status(actor, first, EnrolmentStatus.DROPPED)
    enrol_person(actor, it_class, world.people["colleague"])
    with pytest.raises(CadreError):
        mark_completion(actor, first, date(2026, 6, 1))


def test_completion_updates_the_record_removes_the_gap_and_is_audited(world, it_class, it_person):
    actor = world.users["personnel"]
    assert {EDUCATION, MAJOR} <= {g.kind for g in compute_gaps(it_person)}
    enrolment = enrol_person(actor, it_class, it_person)
    mark_completion(actor, enrolment, date(2028, 12, 31), "ĐH-0001")
    it_person.refresh_from_db()
    assert it_person.education == Education.UNIVERSITY
    assert it_person.major == "Kế toán; Công nghệ thông tin"
    kinds = {g.kind for g in compute_gaps(it_person)}
    assert EDUCATION not in kinds and MAJOR not in kinds
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.certificate_number == "ĐH-0001"
    entry = AuditEntry.objects.get(action="cadre.mark_completion")
    assert entry.object_id == str(it_person.pk)
    assert entry.changes["education"] == [Education.VOCATIONAL, Education.UNIVERSITY]
    assert entry.changes["major"] == ["Kế toán", "Kế toán; Công nghệ thông tin"]
    assert "ĐH-0001" in entry.reason
    with pytest.raises(CadreError, match="đã hoàn thành"):
        mark_completion(actor, enrolment, date(2029, 1, 1))


def test_completion_never_lowers_a_level(world, theory_class):
    person = world.people["chair"]
    person.political_theory = PoliticalTheory.ADVANCED
    person.save()
    enrolment = enrol_person(None, theory_class, person)
    mark_completion(None, enrolment, date(2026, 12, 1))
    person.refresh_from_db()
    assert person.political_theory == PoliticalTheory.ADVANCED


def test_theory_course_removes_the_theory_gap(world, theory_class):
    chair = world.people["chair"]
    chair.title.min_political_theory = PoliticalTheory.INTERMEDIATE
    chair.title.save()
    assert [g.kind for g in compute_gaps(chair)] == [THEORY]
    mark_completion(None, enrol_person(None, theory_class, chair), date(2026, 12, 1))
    chair.refresh_from_db()
    assert compute_gaps(chair) == []


def test_plan_progress_counts_completions_of_the_org_field_and_year(world, it_class, it_person):
    plan = set_training_plan(world.users["personnel"], world.tanphong, 2028, Field.IT, 3)
    other_year = TrainingPlan.objects.create(
        organization=world.tanphong, year=2027, field=Field.IT, target=1
    )
    dk_plan = TrainingPlan.objects.create(
        organization=world.doanket, year=2028, field=Field.IT, target=1
    )
    mark_completion(None, enrol_person(None, it_class, it_person), date(2028, 12, 31))
    enrol_person(None, it_class, world.people["staff"])  # not completed: not counted
    assert plan_progress(plan) == 1
    assert plan_progress(other_year) == 0 and plan_progress(dk_plan) == 0
    assert AuditEntry.objects.filter(action="cadre.set_training_plan").count() == 1
