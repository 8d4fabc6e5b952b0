"""Two reviewers saving the same sheet at once on PostgreSQL (real threads, row locks): one
wins, the other is told the sheet changed; nothing is half-written (issue 11)."""

import threading

import pytest
from django.db import connection, connections

from canbo.core.models import AuditEntry
from canbo.evaluation.errors import ConflictError, EvaluationError
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.sheets import review_sheet, submit_self_assessment
from tests.factories import form01

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and concurrent writers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]


def test_concurrent_reviews_of_one_version_one_wins(world, sheet):
    sheet = submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 9))
    version, outcomes = sheet.version, []
    barrier = threading.Barrier(2)

    def review(user, points):
        try:
            barrier.wait()
            review_sheet(
                user,
                EvaluationSheet.objects.get(pk=sheet.pk),
                points,
                {i: "Điều chỉnh" for i in range(7)},
                version=version,
            )
            outcomes.append("ok")
        except ConflictError:
            outcomes.append("conflict")
        except EvaluationError as exc:
            outcomes.append(exc.message)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=review, args=(world.users[u], form01(*p)))
        for u, p in (("head", (8, 8, 8)), ("chair", (7, 7, 7)))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["conflict", "ok"], outcomes
    stored = EvaluationSheet.objects.get(pk=sheet.pk)
    assert stored.version == version + 1
    assert AuditEntry.objects.filter(action="evaluation.review").count() == 1
