"""/admin/login/ has the lockout of /login/: failures are recorded on both and count together."""

from canbo.core.models import LoginFailure
from tests.factories import PASSWORD


def _admin_login(client, username, password):
    return client.post("/admin/login/?next=/admin/", {"username": username, "password": password})


def test_admin_login_records_failures_and_locks(client, world, settings):
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        assert _admin_login(client, "admin", "wrong").status_code == 200
    assert LoginFailure.objects.filter(username="admin").count() == 3
    response = _admin_login(client, "admin", PASSWORD)
    assert response.status_code == 200 and "tạm khoá" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_locked_out_on_login_means_locked_out_on_admin(client, world, settings):
    settings.LOGIN_MAX_FAILURES = 2
    for _ in range(2):
        client.post("/login/", {"username": "admin", "password": "wrong"})
    response = _admin_login(client, "admin", PASSWORD)
    assert "tạm khoá" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # ...and failures on /admin/ lock /login/ too
    for _ in range(2):
        _admin_login(client, "head", "wrong")
    locked = client.post("/login/", {"username": "head", "password": PASSWORD})
    assert locked.status_code == 200 and "tạm khoá" in locked.content.decode()


def test_admin_login_still_works_and_clears_failures(client, world, settings):
    _admin_login(client, "admin", "wrong")
    assert _admin_login(client, "admin", PASSWORD).status_code == 302
    assert not LoginFailure.objects.filter(username="admin").exists()
    # A valid non-staff account is refused by the admin, but is not a guessed password.
    client.logout()
    _admin_login(client, "staff", PASSWORD)
    assert not LoginFailure.objects.filter(username="staff").exists()
