"""Every list endpoint pages one way: ninja's pagination with canbo's page shape
(canbo.integration.api.paging)."""

import pytest

from canbo.integration.api.site import api
from canbo.people.models import PersonalDataAccess
from tests.integration.conftest import bearer
from tests.integration.test_api_results import _publish

PAGED = {
    "/api/v1/tasks": "period=2026-10",
    "/api/v1/results": "period=2026-10",
    "/api/v1/satisfaction": "period=2026-10",
    "/api/v1/cadre/key-titles": "",
    "/api/v1/cadre/talent-pool": "year=2026",
    "/api/v1/cadre/recruitment-needs": "year=2026",
}


@pytest.mark.parametrize(("path", "query"), PAGED.items())
def test_page_shape_and_bounds(client, world, clients, path, query):
    token = bearer(clients["tanphong"])
    body = client.get(f"{path}?{query}&page=3&page_size=7", **token).json()
    assert set(body) == {"count", "page", "page_size", "items"}
    assert (body["page"], body["page_size"]) == (3, 7)
    for name, value in (("page", 0), ("page", 100_001), ("page_size", 501), ("page_size", "x")):
        wrong = client.get(f"{path}?{query}&{name}={value}", **token)
        assert wrong.status_code == 422 and wrong.json()["field"] == name


def test_the_documented_lists_are_the_paginated_ones():
    paths = api.get_openapi_schema()["paths"]
    documented = {
        path
        for path, operations in paths.items()
        for operation in operations.values()
        if "page" in {p["name"] for p in operation.get("parameters", [])}
    }
    assert documented == set(PAGED)
    for path in PAGED:
        page = paths[path]["get"]["responses"][200]["content"]["application/json"]["schema"]
        assert page["$ref"].endswith("Page")  # TaskPage, ResultPage …: names kept


def test_only_the_people_of_the_page_are_logged_as_read(client, world, clients):
    sheet = _publish(world)
    url = "/api/v1/results?period=2026-10&page_size=1"
    token = bearer(clients["tanphong"])
    past_end = client.get(f"{url}&page=2", **token).json()
    assert (past_end["count"], past_end["items"]) == (1, [])
    assert not PersonalDataAccess.objects.filter(what="api.results").exists()
    assert client.get(url, **token).json()["items"][0]["person_code"] == sheet.person.code
    logged = PersonalDataAccess.objects.filter(what="api.results")
    assert list(logged.values_list("person_id", flat=True)) == [sheet.person_id]
