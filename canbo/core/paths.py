"""Materialised organisation paths ('/1/7/42/': province, commune, department): the one place
that cuts them, so every "same commune" and "above me" test agrees."""


def path_ids(path: str | None) -> list[int]:
    """The organisation ids along a path, root first."""
    return [int(part) for part in (path or "").strip("/").split("/") if part]


def path_prefixes(path: str | None) -> list[str]:
    """Every ancestor's path including the node itself, root first."""
    parts = [part for part in (path or "").strip("/").split("/") if part]
    return ["/" + "/".join(parts[:n]) + "/" for n in range(1, len(parts) + 1)]


def commune_path(path: str | None) -> str:
    """Cut a path back to its commune level ('/1/7/42/' -> '/1/7/'); a province-level path
    (one or no level) is returned as it is."""
    prefixes = path_prefixes(path)
    return prefixes[1] if len(prefixes) >= 2 else (path or "")
