import pytest
from django.urls import reverse

from tests.factories import PASSWORD


def test_healthz_reports_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"]["status"] == "ok"
    assert body["database"]["vendor"] in ("sqlite", "postgresql")


def _login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_login_with_argon2_password(client, world):
    assert world.users["staff"].password.startswith("argon2")
    response = _login(client, "staff", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200


def test_account_locked_after_repeated_failures(client, world, settings):
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        response = _login(client, "staff", "wrong")
        assert "mật khẩu chính xác" in response.content.decode()  # Vietnamese error
    response = _login(client, "staff", PASSWORD)
    assert response.status_code == 200
    assert "tạm khoá" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_other_accounts_are_not_locked(client, world, settings):
    settings.LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        _login(client, "staff", "wrong")
    assert _login(client, "head", PASSWORD).status_code == 302


def test_anonymous_is_sent_to_login(client, db):
    response = client.get("/people/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=/people/")


@pytest.mark.parametrize("path", ["/", "/people/", "/org/"])
def test_pages_are_vietnamese(client, world, path):
    client.force_login(world.users["personnel"])
    # Vietnamese whatever language the browser asks for.
    html = client.get(path, HTTP_ACCEPT_LANGUAGE="en-US,en").content.decode()
    assert '<html lang="vi">' in html
    assert "Đăng xuất" in html


def test_stylesheet_is_served_and_page_is_light(client, world):
    client.force_login(world.users["personnel"])
    html = client.get("/people/").content
    response = client.get("/static/canbo/canbo.css")
    assert response.status_code == 200
    css = b"".join(response.streaming_content) if response.streaming else response.content
    assert b".badge" in css
    assert len(html) + len(css) < 150 * 1024
