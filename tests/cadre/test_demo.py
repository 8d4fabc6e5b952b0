"""seed_cadre works on the demo province, deterministically and idempotently."""

from datetime import date
from io import StringIO

import pytest

from canbo.cadre.demo import seed_cadre
from canbo.cadre.errors import CadreError
from canbo.cadre.models import (
    Enrolment,
    PersonnelDecision,
    PlanningCandidate,
    RecruitmentRound,
    RotationRecord,
    TalentRecord,
)
from canbo.cadre.services.rotation import decide_rotation
from canbo.core.models import AuditEntry
from canbo.demo.seed import seed_all
from canbo.people.models import PastClassification, Post


def counts():
    return [
        m.objects.count() for m in (Enrolment, PlanningCandidate, RotationRecord, PersonnelDecision)
    ]


def test_seed_cadre_is_idempotent(db):
    out = StringIO()
    seed_cadre(out)  # before the province exists: skipped with a note
    assert "Bỏ qua" in out.getvalue()
    seed_all()
    seed_cadre(out)
    first, audits = counts(), AuditEntry.objects.count()
    assert all(first), first
    seed_cadre(out)
    assert counts() == first and AuditEntry.objects.count() == audits


def test_demo_pipeline_and_the_doan_ket_chairman(db):
    """The demo has past classifications, ~150 students and an open round; deciding the demo
    rotation into the Đoàn Kết chairmanship never leaves two chairmen."""
    seed_all()
    seed_cadre(StringIO())
    pipeline = [
        PastClassification.objects.count(),
        TalentRecord.objects.count(),
        RecruitmentRound.objects.count(),
    ]
    assert pipeline[0] > 1000 and pipeline[1] == 150 and pipeline[2] == 1
    assert set(PastClassification.objects.values_list("year", flat=True)) == set(range(2021, 2026))
    round_ = RecruitmentRound.objects.get()
    assert round_.status == "open" and round_.positions.exists()
    seed_cadre(StringIO())
    assert [
        PastClassification.objects.count(),
        TalentRecord.objects.count(),
        RecruitmentRound.objects.count(),
    ] == pipeline
    record = RotationRecord.objects.get(to_org__name="Phường Đoàn Kết", title__code="CHU_TICH")

    def chairs():
        return Post.objects.filter(
            organization=record.to_org, title__code="CHU_TICH", end__isnull=True
        ).count()

    assert chairs() == 1
    with pytest.raises(CadreError):
        decide_rotation(None, record, "9/QĐ-UBND", date(2026, 3, 1), date(2026, 3, 1))
    assert chairs() == 1
    decide_rotation(
        None, record, "9/QĐ-UBND", date(2026, 3, 1), date(2026, 3, 1), end_incumbent=True
    )
    assert chairs() == 1
    assert (
        Post.objects.get(
            organization=record.to_org, title__code="CHU_TICH", end__isnull=True
        ).person
        == record.person
    )
