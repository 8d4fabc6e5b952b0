"""Find user-facing Vietnamese written into code instead of the catalogue.

A string constant with Vietnamese letters counts unless it is a docstring or sits inside a
gettext call. Demo data, reference data modules (`*_data.py`) and migrations are exempt. The
check compares each file's count with a committed baseline that may only shrink: new code
writes English msgids, old files are moved to the catalogue one by one (issue 12)."""

import ast
import json
import re
from pathlib import Path

# Latin letters with diacritics, written as code points so this file holds none itself.
VIETNAMESE = re.compile(f"[{chr(0xC0)}-{chr(0x1EF9)}{chr(0x110)}{chr(0x111)}]")
GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "gettext_noop",
}


def exempt(relative: Path) -> bool:
    # Demo data, and reference data quoted from a source text (`*_data.py`, e.g. the plan's
    # actions as the province wrote them), are Vietnamese by nature.
    parts = relative.parts
    return (
        "migrations" in parts
        or "demo" in parts
        or relative.name == "demo.py"
        or relative.name.startswith("demo_")
        or relative.name.endswith("_data.py")
    )


def _wrapped(node: ast.AST, parents: dict) -> bool:
    current = parents.get(node)
    while current is not None and not isinstance(current, ast.stmt):
        if (
            isinstance(current, ast.Call)
            and isinstance(current.func, ast.Name)
            and current.func.id in GETTEXT
        ):
            return True
        current = parents.get(current)
    return False


def count_literals(source: str) -> int:
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    return sum(
        1
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and VIETNAMESE.search(node.value)
        and not isinstance(parents.get(node), ast.Expr)
        and not _wrapped(node, parents)
    )


def scan(package: Path) -> dict[str, int]:
    """{path relative to the package's parent: literal count} for files with any."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package.parent)
        if exempt(relative.relative_to(relative.parts[0])):
            continue
        count = count_literals(path.read_text(encoding="utf-8"))
        if count:
            found[relative.as_posix()] = count
    return found


def over_baseline(found: dict[str, int], baseline: dict[str, int]) -> list[str]:
    return [
        f"{path}: {count} (baseline {baseline.get(path, 0)})"
        for path, count in sorted(found.items())
        if count > baseline.get(path, 0)
    ]


def load_baseline(path: Path) -> dict[str, int]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
