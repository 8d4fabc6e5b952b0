"""Pages and JSON are gzip-compressed; the API docs need no internet."""

import gzip
import re

from django.contrib.staticfiles import finders


def test_pages_and_json_are_compressed(client, world):
    client.force_login(world.users["staff"])
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate")
    assert response["Content-Encoding"] == "gzip"
    assert "Việc cần làm tiếp" in gzip.decompress(response.content).decode()
    schema = client.get("/api/v1/openapi.json", HTTP_ACCEPT_ENCODING="gzip")
    assert schema["Content-Encoding"] == "gzip"
    plain = client.get("/api/v1/openapi.json")
    assert "Content-Encoding" not in plain


def test_api_docs_load_their_assets_from_this_server(client, db):
    html = client.get("/api/v1/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
    assert assets and all(a.startswith("/static/") for a in assets), assets
    assert "cdn" not in html.lower()
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), asset
