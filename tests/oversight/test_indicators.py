"""Live indicators against data planted in the small province."""

import re
from datetime import date

from canbo.cadre.models import (
    Enrolment,
    EnrolmentStatus,
    PlanningReview,
    PlanningTerm,
    Programme,
    ProgrammeKind,
    RotationRecord,
    TrainingClass,
)
from canbo.org.choices import Education, Field
from canbo.org.models import Organization
from canbo.oversight.indicators import INDICATORS, Context
from canbo.oversight.models import JobPositionApproval

AS_OF = date(2026, 11, 30)


def value(key: str, as_of: date = AS_OF) -> str:
    return INDICATORS[key][1](Context(as_of))


def klass(kind, name, start=date(2026, 9, 1), field=""):
    programme, _ = Programme.objects.get_or_create(name=name, kind=kind, field=field)
    return TrainingClass.objects.create(
        programme=programme, name=name, start=start, end=date(2028, 6, 30), capacity=50
    )


def test_job_positions_count_only_approvals_before_the_first_of_july(world):
    JobPositionApproval.objects.create(
        organization=world.tanphong, decision_number="1/QĐ", decision_date=date(2026, 6, 30)
    )
    JobPositionApproval.objects.create(
        organization=world.doanket, decision_number="2/QĐ", decision_date=date(2026, 7, 1)
    )
    assert value("job_positions") == "1/2"
    assert value("job_positions", date(2026, 6, 1)) == "0/2"


def test_university_counts_below_standard_with_more_than_six_years_left(world):
    young, old = world.people["staff"], world.people["colleague"]
    young.education = old.education = Education.VOCATIONAL
    old.birth_date = date(1967, 1, 10)  # a woman retiring before the end of 2032
    young.save()
    old.save()
    assert value("university_sent") == "0/1"
    university = klass(ProgrammeKind.UNIVERSITY, "Đại học Luật")
    Enrolment.objects.create(training_class=university, person=old)  # not a candidate
    assert value("university_sent") == "0/1"
    sent = Enrolment.objects.create(training_class=university, person=young)
    assert value("university_sent") == "1/1"
    assert value("university_sent", date(2026, 8, 31)) == "0/1"  # the class starts in Sept
    sent.status = EnrolmentStatus.DROPPED
    sent.save()
    assert value("university_sent") == "0/1"


def test_it_classes_count_enrolled_and_completed(world):
    it = klass(ProgrammeKind.UNIVERSITY, "Đại học CNTT", field=Field.IT)
    other = klass(ProgrammeKind.UNIVERSITY, "Đại học Luật")
    people = world.people
    Enrolment.objects.create(training_class=it, person=people["staff"])
    Enrolment.objects.create(
        training_class=it,
        person=people["economy"],
        status=EnrolmentStatus.COMPLETED,
        completed_on=date(2026, 11, 1),
    )
    Enrolment.objects.create(
        training_class=it, person=people["outsider"], status=EnrolmentStatus.DROPPED
    )
    Enrolment.objects.create(training_class=other, person=people["head"])
    assert re.findall(r"\d+", value("it_classes")) == ["2", "1", "100"]


def test_rotations_count_decided_moves_from_the_province_this_year(world):
    agency = Organization.objects.get(name="Sở Nội vụ")
    common = {"kind": "rotation", "status": "decided", "effective_date": date(2026, 5, 1)}
    RotationRecord.objects.create(
        person=world.people["staff"], from_org=agency, to_org=world.tp_office, **common
    )
    RotationRecord.objects.create(
        person=world.people["economy"], from_org=world.tp_economy, to_org=world.dk_office, **common
    )  # commune to commune
    RotationRecord.objects.create(
        person=world.people["colleague"],
        from_org=agency,
        to_org=world.doanket,
        kind="rotation",
        status="proposed",
        effective_date=date(2026, 5, 1),
    )
    RotationRecord.objects.create(
        person=world.people["head"],
        from_org=agency,
        to_org=world.doanket,
        kind="rotation",
        status="decided",
        effective_date=date(2025, 5, 1),
    )  # last year
    assert value("rotations_to_communes") == "1"


def test_succession_lists_reviewed_this_year(world):
    term = PlanningTerm.objects.create(name="2026-2031", start_year=2026, end_year=2031)
    PlanningReview.objects.create(
        term=term, organization=world.tanphong, year=2026, conclusion="Bổ sung 2 người"
    )
    PlanningReview.objects.create(
        term=term, organization=world.doanket, year=2025, conclusion="Rà soát"
    )
    assert value("succession_reviewed") == "1/2"
    assert value("succession_reviewed", date(2025, 12, 31)) == "1/2"
