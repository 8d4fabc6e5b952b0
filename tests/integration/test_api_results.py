"""Published evaluation results for connected systems (results:read)."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.periods import open_period
from canbo.work.task_services import assign_task, complete_task
from tests.integration.conftest import bearer


def _publish(world) -> EvaluationSheet:
    staff = world.people["staff"]
    done = assign_task(
        None,
        name="Báo cáo",
        assignee=staff,
        coefficient=1,
        assigned_date=date(2026, 10, 1),
        due_date=date(2026, 10, 20),
    )
    complete_task(None, done, date(2026, 10, 18))
    period = open_period(world.users["personnel"], world.tanphong, date(2026, 10, 1))
    sheet = EvaluationSheet.objects.get(period=period, person=staff)
    # Published as approve_sheet would leave it (the workflow itself is tested in evaluation).
    sheet.status, sheet.classification = SheetStatus.PUBLISHED, "excellent"
    sheet.result = {"total": 97.0, "label": "Hoàn thành xuất sắc nhiệm vụ"}
    sheet.total, sheet.approved_at = Decimal("97.0"), timezone.now()
    sheet.save()
    return sheet


def test_only_published_results_within_the_subtree(client, world, clients):
    sheet = _publish(world)
    url = "/api/v1/results?period=2026-10"
    body = client.get(url, **bearer(clients["tanphong"])).json()
    assert body["count"] == 1  # the other sheets of the month are not published
    item = body["items"][0]
    assert (item["person_code"], item["period"]) == ("TP-1", "2026-10")
    assert item["classification"] == sheet.classification == "excellent"
    assert item["label"] == "Hoàn thành xuất sắc nhiệm vụ" and item["total"] == "97.0000"
    assert client.get(url, **bearer(clients["doanket"])).json()["count"] == 0
    by_org = client.get(f"{url}&org={world.doanket.code}", **bearer(clients["tanphong"]))
    assert by_org.status_code == 422 and by_org.json()["field"] == "org"
    missing = client.get("/api/v1/results", **bearer(clients["tanphong"]))
    assert missing.status_code == 422 and missing.json()["field"] == "period"
