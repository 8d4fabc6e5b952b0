"""The one helper that cuts organisation paths."""

from canbo.core.paths import commune_path, path_ids, path_prefixes


def test_path_ids_and_prefixes():
    assert path_ids("/1/7/42/") == [1, 7, 42]
    assert path_ids(None) == [] and path_ids("") == []
    assert path_prefixes("/1/7/42/") == ["/1/", "/1/7/", "/1/7/42/"]


def test_commune_path_cuts_to_the_second_level():
    assert commune_path("/1/7/42/") == "/1/7/"
    assert commune_path("/1/7/") == "/1/7/"
    assert commune_path("/1/") == "/1/"  # the province: itself
    assert commune_path("") == ""
