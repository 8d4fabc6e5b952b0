"""Results API: the annual rows (finalised only) and the monthly ratios a … e."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from canbo.evaluation.choices import AnnualStatus, SheetStatus
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.evaluation.services.periods import open_period
from tests.integration.conftest import bearer
from tests.reports.annual_world import build_year_end


def test_annual_rows_are_the_finalised_ones_in_scope(client, world, clients):
    year_end = build_year_end(world)
    url = "/api/v1/results?period=2026"
    assert client.get(url, **bearer(clients["tanphong"])).json()["count"] == 0  # all drafts
    lowered = year_end.rows["E3"]
    AnnualResult.objects.filter(pk__in=[lowered.pk, year_end.rows["F1"].pk]).update(
        status=AnnualStatus.FINAL, finalised_at=timezone.now()
    )
    body = client.get(url, **bearer(clients["tanphong"])).json()
    assert body["count"] == 2
    items = {item["person_code"]: item for item in body["items"]}
    e3 = items["E-3"]
    assert (e3["year"], e3["period"], e3["average"]) == (2026, "2026", "95.00")
    assert (e3["score_level"], e3["final_level"], e3["decision"]) == (
        "excellent",
        "good",
        "15/QĐ-UBND",
    )
    assert e3["organization_code"] == world.tanphong.code and e3["overrides"] == []
    assert e3["label"] == "Hoàn thành tốt nhiệm vụ"
    f1 = items["TP-3"]
    assert f1["overrides"] == ["discipline"] and f1["final_level"] == "fail"
    assert f1["decision"] is None
    # Đoàn Kết's finalised row is outside Tân Phong's subtree, inside its own.
    dk = client.get(url, **bearer(clients["doanket"])).json()
    assert [i["person_code"] for i in dk["items"]] == ["DK-1"]
    office = client.get(f"{url}&org={world.doanket.code}", **bearer(clients["tanphong"]))
    assert office.status_code == 422


def test_monthly_rows_carry_the_ratios(client, world, clients):
    period = open_period(world.users["personnel"], world.tanphong, date(2026, 10, 1))
    staff = EvaluationSheet.objects.get(period=period, person=world.people["staff"])
    chair = EvaluationSheet.objects.get(period=period, person=world.people["chair"])
    for sheet, result in (
        (staff, {"a": 1.0, "b": 0.75, "c": 0.5, "d": None, "dd": None, "e": None, "total": 80.0}),
        (chair, {"a": 1.0, "b": 1.0, "c": 1.0, "d": 0.5, "dd": 1.0, "e": 1.0, "total": 90.0}),
    ):
        sheet.status, sheet.result = SheetStatus.PUBLISHED, result
        sheet.total, sheet.approved_at = Decimal(str(result["total"])), timezone.now()
        sheet.save()
    body = client.get("/api/v1/results?period=2026-10", **bearer(clients["tanphong"])).json()
    items = {item["person_code"]: item for item in body["items"]}
    s = items["TP-1"]
    assert (s["a"], s["b"], s["c"], s["d"], s["dd"], s["e"]) == (1.0, 0.75, 0.5, None, None, None)
    c = items["TP-5"]
    assert (c["d"], c["dd"], c["e"]) == (0.5, 1.0, 1.0)
