"""Cadre lists through the API stay inside the client's subtree."""

from datetime import date

from canbo.org.choices import Education
from tests.integration.conftest import bearer


def test_training_candidates_and_gaps_by_scope(client, world, clients):
    staff = world.people["staff"]
    staff.education, staff.birth_date = Education.VOCATIONAL, date(1990, 1, 1)
    staff.save()
    tp = client.get("/api/v1/cadre/training-candidates", **bearer(clients["tanphong"])).json()
    assert [row["code"] for row in tp] == ["TP-1"]
    assert tp[0]["years_of_service_left"] > 6 and tp[0]["gaps"][0]["kind"]
    dk = client.get("/api/v1/cadre/qualification-gaps", **bearer(clients["doanket"])).json()
    assert "TP-1" not in {row["code"] for row in dk}
    assert (
        client.get("/api/v1/cadre/qualification-gaps", **bearer(clients["noscope"])).status_code
        == 403
    )
