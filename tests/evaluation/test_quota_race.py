"""Compute and finalise racing on PostgreSQL (real row locks, real threads): the cap holds.

Without the commune lock a finalise could pass its quota check on the old rows while a
compute rewrote them: 19 "excellent" were finalised against 14 "good" (issue 11, finding 4).
"""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection, connections

from canbo.evaluation.choices import AnnualStatus, SheetStatus
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import AnnualResult, EvaluationPeriod, EvaluationSheet
from canbo.evaluation.services.annual import compute_annual, finalise_annual, quota
from tests.factories import make_person

YEAR = 2026
pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and concurrent writers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]


def _sheet(person, total):
    period, _ = EvaluationPeriod.objects.get_or_create(
        organization=person.organization.commune(),
        kind="month",
        start=date(YEAR, 1, 1),
        defaults={
            "self_assessment_due": date(YEAR, 1, 5),
            "review_due": date(YEAR, 1, 8),
            "approval_due": date(YEAR, 1, 10),
        },
    )
    EvaluationSheet.objects.update_or_create(
        person=person,
        period=period,
        defaults={"status": SheetStatus.PUBLISHED, "total": Decimal(total), "result": None},
    )


def _race(*jobs):
    barrier = threading.Barrier(len(jobs))

    def run(job):
        try:
            barrier.wait()
            job()
        except EvaluationError:
            pass  # a refusal is a valid outcome of the race
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


def test_compute_and_finalise_racing_never_finalise_over_the_cap(world):
    personnel, commune = world.users["personnel"], world.tanphong
    people = [
        make_person(f"R-{i}", f"Người {i}", world.tp_economy, world.staff_title, world.position)
        for i in range(12)
    ]
    for attempt in range(4):
        AnnualResult.objects.all().delete()
        for i, person in enumerate(people):  # 2 excellent, 10 good: cap 2, within
            _sheet(person, "95" if i < 2 else "80")
        compute_annual(personnel, YEAR, commune)
        for person in people[2:6]:  # a recompute would make it 6 excellent against 6 good
            _sheet(person, "96")
        _race(
            lambda: compute_annual(personnel, YEAR, commune),
            lambda: finalise_annual(personnel, YEAR, commune),
        )
        final = list(
            AnnualResult.objects.filter(organization=commune, year=YEAR, status=AnnualStatus.FINAL)
        )
        report = quota(YEAR, final).get(commune.pk)
        assert report is None or not report.exceeded, attempt
