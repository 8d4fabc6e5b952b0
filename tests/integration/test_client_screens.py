from canbo.core.models import AuditEntry
from canbo.integration.models import ApiClient
from tests.integration.conftest import bearer


def test_register_shows_token_once_and_it_works(client, world):
    client.force_login(world.users["personnel"])
    response = client.post(
        "/integration/new/",
        {
            "name": "iOffice Tân Phong",
            "organization": world.tanphong.pk,
            "scopes": ["people:read"],
        },
    )
    assert response.status_code == 200
    token = response.context["token"]
    api_client = ApiClient.objects.get(name="iOffice Tân Phong")
    assert token not in client.get(f"/integration/{api_client.pk}/").content.decode()
    client.logout()
    assert client.get("/api/v1/people/TP-1", **bearer(token)).status_code == 200


def test_revoke_needs_a_reason_and_is_audited(client, world, clients):
    client.force_login(world.users["admin"])
    api_client = clients["client"]
    client.post(f"/integration/{api_client.pk}/revoke/", {"reason": ""})
    api_client.refresh_from_db()
    assert api_client.is_active
    client.post(f"/integration/{api_client.pk}/revoke/", {"reason": "Hết hợp đồng"})
    api_client.refresh_from_db()
    assert not api_client.is_active
    assert AuditEntry.objects.filter(
        action="integration.revoke_client", reason="Hết hợp đồng"
    ).exists()


def test_sync_status_lists_rejected_requests(client, world, clients):
    client.get("/api/v1/people/NOBODY", **bearer(clients["tanphong"]))
    client.force_login(world.users["personnel"])
    html = client.get(f"/integration/{clients['client'].pk}/").content.decode()
    assert "/api/v1/people/NOBODY" in html and "not_found" in html


def test_form_offers_only_visible_organisations(client, world):
    client.force_login(world.users["personnel"])
    response = client.post(
        "/integration/new/", {"name": "x", "organization": 999999, "scopes": ["people:read"]}
    )
    assert response.status_code == 200 and not ApiClient.objects.exists()


def test_subscribe_a_webhook_from_the_screen(client, world, clients):
    client.force_login(world.users["personnel"])
    api_client = clients["client"]
    client.post(
        f"/integration/{api_client.pk}/subscribe/",
        {"event": "evaluation.published", "url": "not a url"},
    )
    assert not api_client.subscriptions.exists()
    client.post(
        f"/integration/{api_client.pk}/subscribe/",
        {"event": "evaluation.published", "url": "https://ioffice.example/hook"},
    )
    assert api_client.subscriptions.get().url == "https://ioffice.example/hook"
