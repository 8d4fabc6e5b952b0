"""The issue-17 contract: key titles, talent pool and recruitment needs through the API."""

from canbo.cadre.models import TalentRecord
from canbo.org.models import StaffingQuota
from canbo.people.models import PersonalDataAccess
from tests.integration.conftest import bearer


def _get(client, url, token, **query):
    return client.get(url, query, **bearer(token))


def test_key_titles_contract_and_scope(client, world, clients):
    chair = world.people["chair"]
    chair.hometown = world.tanphong
    chair.save()
    body = _get(client, "/api/v1/cadre/key-titles", clients["tanphong"]).json()
    assert body["count"] == 1 and body["page"] == 1
    assert body["items"] == [
        {
            "org_code": "000.01.29.H29",
            "title": "Chủ tịch UBND",
            "person_code": "TP-5",
            "local": True,
            "vacant": False,
        }
    ]
    assert PersonalDataAccess.objects.filter(person=chair, what="api.cadre").exists()
    dk = _get(client, "/api/v1/cadre/key-titles", clients["doanket"]).json()
    assert dk["items"] == [
        {
            "org_code": "000.02.29.H29",
            "title": "Chủ tịch UBND",
            "person_code": None,
            "local": False,
            "vacant": True,
        }
    ]
    assert _get(client, "/api/v1/cadre/key-titles", clients["noscope"]).status_code == 403


def _students(world, n: int, origin) -> None:
    TalentRecord.objects.bulk_create(
        [
            TalentRecord(
                year=2026,
                full_name=f"Sinh viên {i:03d}",
                gender="female",
                ethnicity="thai",
                origin=origin,
                school="ĐH Tây Bắc",
                major="Công nghệ thông tin",
                field="it",
                graduation_year=2027 + i % 3,
            )
            for i in range(n)
        ]
    )


def test_talent_pool_contract_pagination_and_scope(client, world, clients):
    _students(world, 7, world.tanphong)
    _students(world, 2, world.doanket)
    first = _get(
        client, "/api/v1/cadre/talent-pool", clients["tanphong"], year=2026, page_size=5
    ).json()
    assert (first["count"], len(first["items"])) == (7, 5)
    assert set(first["items"][0]) == {
        "name",
        "school",
        "major",
        "graduation_year",
        "origin_org_code",
        "ethnicity",
    }
    assert first["items"][0]["ethnicity"] == "Thái"
    second = _get(
        client, "/api/v1/cadre/talent-pool", clients["tanphong"], year=2026, page_size=5, page=2
    ).json()
    names = {r["name"] for r in first["items"] + second["items"]}
    assert len(names) == 7 and len(second["items"]) == 2
    assert {r["origin_org_code"] for r in first["items"] + second["items"]} == {"000.01.29.H29"}
    assert (
        _get(client, "/api/v1/cadre/talent-pool", clients["tanphong"], year=2025).json()["count"]
        == 0
    )
    assert (
        _get(client, "/api/v1/cadre/talent-pool", clients["tanphong"], year="abc").status_code
        == 422
    )


def test_recruitment_needs_contract_and_scope(client, world, clients):
    StaffingQuota.objects.create(organization=world.tanphong, job_position=world.position, quota=7)
    StaffingQuota.objects.create(organization=world.doanket, job_position=world.position, quota=3)
    tp = _get(client, "/api/v1/cadre/recruitment-needs", clients["tanphong"], year=2026).json()
    assert tp["items"] == [
        {"org_code": "000.01.29.H29", "field": "archives", "quota": 7, "actual": 4, "shortage": 3}
    ]
    dk = _get(client, "/api/v1/cadre/recruitment-needs", clients["doanket"], year=2026).json()
    assert [r["org_code"] for r in dk["items"]] == ["000.02.29.H29"]
    assert dk["items"][0]["shortage"] == 2
    assert (
        _get(client, "/api/v1/cadre/recruitment-needs", clients["tanphong"], year=2040).status_code
        == 422
    )
