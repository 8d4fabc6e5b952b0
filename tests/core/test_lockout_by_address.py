"""Failed logins lock an account from one address, not everywhere (no denial of service)."""

from django.test import Client
from django.urls import reverse

from canbo.core.models import AuditEntry, LoginFailure
from canbo.core.roles import Role
from tests.factories import PASSWORD, make_user

ATTACKER = "203.0.113.7"
OFFICE = "198.51.100.20"


def _login(address: str, username: str, password: str, **meta):
    client = Client(REMOTE_ADDR=address, **meta)
    response = client.post(reverse("login"), {"username": username, "password": password})
    return client, response


def _locked(response) -> bool:
    return response.status_code == 200 and "tạm khoá" in response.content.decode()


def test_guesses_from_one_address_do_not_lock_out_the_real_user(world):
    for _ in range(5):
        _login(ATTACKER, "chair", "wrong")
    assert _locked(_login(ATTACKER, "chair", PASSWORD)[1])
    _, response = _login(OFFICE, "chair", PASSWORD)
    assert response.status_code == 302
    # The chairman's success does not give the guesser a fresh allowance.
    assert _locked(_login(ATTACKER, "chair", PASSWORD)[1])
    assert LoginFailure.objects.filter(username="chair", ip=ATTACKER).count() == 5


def test_account_ceiling_from_many_addresses(world, settings):
    settings.LOGIN_ACCOUNT_MAX_FAILURES = 8
    for n in range(8):
        _login(f"203.0.113.{n + 10}", "chair", "wrong")
    assert _locked(_login(OFFICE, "chair", PASSWORD)[1])


def test_forwarded_header_ignored_unless_configured(world):
    # A guesser cannot get a fresh allowance by writing X-Forwarded-For itself.
    for n in range(5):
        _login(ATTACKER, "chair", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert LoginFailure.objects.filter(ip=ATTACKER).count() == 5
    assert _locked(_login(ATTACKER, "chair", PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")[1])


def test_forwarded_header_read_through_trusted_proxies(world, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.TRUSTED_PROXIES = 1
    proxy = "10.0.0.1"
    for _ in range(5):
        # The client forged an entry; the proxy appended the real address last.
        _login(proxy, "chair", "wrong", HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ATTACKER}")
    assert LoginFailure.objects.filter(ip=ATTACKER).count() == 5
    assert _locked(_login(proxy, "chair", PASSWORD, HTTP_X_FORWARDED_FOR=ATTACKER)[1])
    _, response = _login(proxy, "chair", PASSWORD, HTTP_X_FORWARDED_FOR=OFFICE)
    assert response.status_code == 302


def _lock(username: str) -> None:
    for _ in range(5):
        _login(ATTACKER, username, "wrong")


def test_personnel_officer_resets_a_lockout(world, client):
    _lock("chair")
    person = world.people["chair"]
    client.force_login(world.users["personnel"])
    page = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "tạm khoá" in page and reverse("people:unlock", args=[person.pk]) in page
    response = client.post(reverse("people:unlock", args=[person.pk]))
    assert response.status_code == 302
    assert not LoginFailure.objects.filter(username="chair").exists()
    entry = AuditEntry.objects.get(action="people.unlock_account")
    assert entry.actor == world.users["personnel"] and entry.object_id == str(person.pk)
    assert entry.changes == {"failed_logins": [5, 0]}
    assert _login(ATTACKER, "chair", PASSWORD)[1].status_code == 302


def test_reset_refused_outside_role_or_scope(world, client):
    _lock("chair")
    person = world.people["chair"]
    for username in ("staff", "head", "chair", "outsider"):
        client.force_login(world.users[username])
        response = client.post(reverse("people:unlock", args=[person.pk]))
        assert response.status_code in (403, 404)
    assert LoginFailure.objects.filter(username="chair").count() == 5
    assert not AuditEntry.objects.filter(action="people.unlock_account").exists()


def test_reset_needs_post(world, client):
    client.force_login(world.users["personnel"])
    response = client.get(reverse("people:unlock", args=[world.people["chair"].pk]))
    assert response.status_code == 405


def test_commune_personnel_officer_unlocks_only_in_their_commune(world, client):
    officer = make_user("cp", Role.PERSONNEL_COMMUNE, world.tanphong)
    _lock("chair")
    _lock("outsider")
    client.force_login(officer)
    assert client.post(reverse("people:unlock", args=[world.people["chair"].pk])).status_code == 302
    outsider = world.people["outsider"].pk
    assert client.post(reverse("people:unlock", args=[outsider])).status_code == 404
    assert not LoginFailure.objects.filter(username="chair").exists()
    assert LoginFailure.objects.filter(username="outsider").count() == 5
