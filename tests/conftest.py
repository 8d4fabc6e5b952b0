import pytest

from tests.factories import build_world


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def login(client):
    """Log the test client in as a user without going through the password hasher."""

    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = [
        "tests.hashers.FastArgon2PasswordHasher",
        "django.contrib.auth.hashers.Argon2PasswordHasher",
    ]
