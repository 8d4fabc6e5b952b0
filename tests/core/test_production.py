"""CANBO_PRODUCTION=true refuses unsafe settings and passes `check --deploy` with no warnings."""

import os
import subprocess
import sys

import pytest
from django.urls import reverse

GOOD_KEY = "k7#Qv9!mZp2@Lx8$Rw4%Tn6^Yb1&Hc3*Jd5(Fg0)Se-Ua_Ko=Ei+Wr"
SAFE = {
    "CANBO_PRODUCTION": "true",
    "DEBUG": "false",
    "SECRET_KEY": GOOD_KEY,
    "ALLOWED_HOSTS": "canbo.laichau.gov.vn",
}


# What the subprocess inherits: the machine's environment (PATH, DATABASE_URL...), without any
# setting under test and without DJANGO_* left by other tests (the browser tests set
# DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly warns about).
_UNDER_TEST = ("DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "ALLOWED_HOSTS", "SECURE_", "CANBO_")


def _canbo(args: list[str], **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(_UNDER_TEST) and not k.startswith("DJANGO_")
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", "from canbo.cli import main; main()", *args],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_without_warnings():
    result = _canbo(["check", "--deploy", "--fail-level", "WARNING"], **SAFE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr and "no issues" in result.stdout


def test_development_defaults_would_warn():
    # The same check without production mode shows the warnings this mode removes.
    result = _canbo(["check", "--deploy"], SECRET_KEY=GOOD_KEY)
    assert "security.W004" in result.stderr + result.stdout


@pytest.mark.parametrize(
    "override, message",
    [
        ({"DEBUG": "true"}, "DEBUG must be false"),
        ({"SECRET_KEY": "canbo-demo-only-insecure-key"}, "demo key"),
        ({"SECRET_KEY": "short-but-random-9f8e7d"}, "at least 50 characters"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_unsafe_setting(override, message):
    result = _canbo(["check"], **{**SAFE, **override})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_refuses_missing_secret_key():
    env = dict(SAFE)
    env.pop("SECRET_KEY")
    result = _canbo(["check"], **env)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_csp_on_every_page(client, world):
    client.force_login(world.users["personnel"])
    response = client.get("/people/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "no-store" not in response.get("Cache-Control", "")


def test_personal_pages_are_not_stored(client, world):
    client.force_login(world.users["personnel"])
    person = world.people["staff"]
    for url in (
        reverse("people:detail", args=[person.pk]),
        reverse("cadre:person", args=[person.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store"


def test_new_token_page_is_not_stored(client, world):
    client.force_login(world.users["admin"])
    response = client.post(
        reverse("integration:client_create"),
        {
            "name": "QLVB",
            "organization": world.tanphong.pk,
            "scopes": ["tasks:read"],
        },
    )
    assert response["Cache-Control"] == "no-store"


def test_api_docs_load_no_outside_script(client, db):
    # The CSP allows scripts from the site only: the Swagger UI is served from our static files.
    html = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in html and "/static/ninja/swagger-ui-bundle.js" in html


def test_no_store_list_names_real_pages():
    from django.urls import get_resolver

    from canbo.core.middleware import NO_STORE_VIEWS
    from tests.test_permission_matrix import _url_names

    assert NO_STORE_VIEWS <= _url_names(get_resolver().url_patterns)


def test_production_serves_hashed_compressed_static_files(tmp_path):
    """collectstatic writes hashed names, a manifest and .gz copies (whitenoise)."""
    result = _canbo(["collectstatic", "--noinput"], CANBO_VAR_DIR=str(tmp_path), **SAFE)
    assert result.returncode == 0, result.stdout + result.stderr
    static = tmp_path / "static"
    assert (static / "staticfiles.json").exists()
    hashed = [p.name for p in static.rglob("*.css") if p.name.count(".") >= 2]
    assert hashed, "no hashed stylesheet"
    assert list(static.rglob("*.css.gz"))
