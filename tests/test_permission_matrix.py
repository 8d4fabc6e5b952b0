"""Every URL × every persona: generated from the URL conf so a new URL cannot be forgotten."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PERSONAS = ["anonymous", "staff", "head", "chair", "personnel", "outsider", "admin"]
ALL_IN = {p: 200 for p in PERSONAS if p != "anonymous"} | {"anonymous": 302}


def expect(anonymous=302, **statuses) -> dict[str, int]:
    return {"anonymous": anonymous} | statuses


@dataclass
class Case:
    kwargs: Callable = field(default=lambda w: {})
    statuses: dict[str, int] = field(default_factory=lambda: dict(ALL_IN))
    method: str = "get"


def person(key):
    return lambda w: {"pk": w.people[key].pk}


def org(attr):
    return lambda w: {"pk": getattr(w, attr).pk}


def api_client(w):
    from canbo.integration.models import ApiClient
    from canbo.integration.services import create_client

    client = ApiClient.objects.filter(name="matrix").first()
    if client is None:
        client, _ = create_client(None, "matrix", w.tanphong, ["org:read"])
    return {"pk": client.pk}


MANAGERS_ONLY = expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=200)
ONLY_SELF_OR_TANPHONG = expect(staff=200, head=200, chair=200, personnel=200, outsider=404,
                               admin=200)
MATRIX: dict[str, list[Case]] = {
    "integration:clients": [Case(statuses=MANAGERS_ONLY)],
    "integration:client_create": [Case(statuses=MANAGERS_ONLY)],
    "integration:client": [Case(api_client, MANAGERS_ONLY)],
    "integration:client_revoke": [Case(api_client, method="post", statuses=expect(
        staff=403, head=403, chair=403, personnel=302, outsider=403, admin=302))],
    "integration:client_rotate": [Case(api_client, MANAGERS_ONLY, method="post")],
    "integration:client_subscribe": [Case(api_client, method="post", statuses=expect(
        staff=403, head=403, chair=403, personnel=302, outsider=403, admin=302))],
    "home": [Case()],
    "healthz": [Case(statuses={p: 200 for p in PERSONAS})],
    "login": [Case(statuses={p: 200 for p in PERSONAS})],
    "logout": [Case(method="post", statuses={p: 302 for p in PERSONAS})],
    "audit": [Case(statuses=expect(staff=403, head=403, chair=403, personnel=403,
                                   outsider=403, admin=200))],
    "org:list": [Case()],
    "org:detail": [
        Case(org("tanphong"), ONLY_SELF_OR_TANPHONG),
        Case(org("tp_economy"), expect(staff=200, head=200, chair=200, personnel=200,
                                       outsider=404, admin=200)),
        Case(org("doanket"), expect(staff=404, head=404, chair=404, personnel=200,
                                    outsider=200, admin=200)),
    ],
    "people:list": [Case(statuses=expect(staff=403, head=200, chair=200, personnel=200,
                                         outsider=403, admin=200))],
    "people:detail": [
        Case(person("staff"), ONLY_SELF_OR_TANPHONG),
        Case(person("colleague"), expect(staff=404, head=200, chair=200, personnel=200,
                                         outsider=404, admin=200)),
        Case(person("economy"), expect(staff=404, head=404, chair=200, personnel=200,
                                       outsider=404, admin=200)),
        Case(person("outsider"), expect(staff=404, head=404, chair=404, personnel=200,
                                        outsider=200, admin=200)),
    ],
}


def _url_names(patterns, prefix="") -> set[str]:
    names = set()
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in ("admin", "api"):
                # The admin site has one gate, tested below for each model; the API has
                # its own generated matrix in tests/integration/test_api_matrix.py.
                continue
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names |= _url_names(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(prefix + entry.name)
    return names


def test_every_url_has_a_row_in_the_matrix():
    assert _url_names(get_resolver().url_patterns) == set(MATRIX)


def _status(client, world, persona, case, name):
    client.logout()
    if persona != "anonymous":
        client.force_login(world.users[persona])
    url = reverse(name, kwargs=case.kwargs(world))
    return getattr(client, case.method)(url).status_code


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(client, world, name):
    for case in MATRIX[name]:
        got = {p: _status(client, world, p, case, name) for p in PERSONAS}
        assert got == case.statuses, f"{name} {case.kwargs(world)}"


def test_admin_site_only_for_administrators(client, world):
    urls = [reverse("admin:index")] + [
        reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist")
        for m in admin.site._registry
    ]
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(world.users[persona])
        for url in urls:
            status = client.get(url).status_code
            assert status == (200 if persona == "admin" else 302), (persona, url)
