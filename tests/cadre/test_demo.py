"""seed_cadre works on the demo province, deterministically and idempotently."""

from io import StringIO

from canbo.cadre.demo import seed_cadre
from canbo.cadre.models import Enrolment, PersonnelDecision, PlanningCandidate, RotationRecord
from canbo.core.models import AuditEntry
from canbo.demo.seed import seed_all


def counts():
    return [m.objects.count() for m in (Enrolment, PlanningCandidate, RotationRecord,
                                         PersonnelDecision)]


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
