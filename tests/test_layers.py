"""Layers point one way (DESIGN.md): no module imports an app above its own, not even inside a
function. `scoring` stands alone (stdlib only); `demo` seeds everything and sits on top."""

import ast
from pathlib import Path

import pytest

import canbo

ORDER = [
    "core",
    "org",
    "people",
    "work",
    "cadre",
    "evaluation",
    "feedback",
    "agency",
    "oversight",
    "reports",
    "integration",
    "demo",
]
SAME_LEVEL = {"feedback": 6, "agency": 6, "oversight": 6}
ROOT = Path(canbo.__file__).parent
# Known exceptions, each to be moved up a layer (issue 12); the list may only shrink.
KNOWN: dict[str, str] = {}


def _level(app: str) -> int:
    return SAME_LEVEL.get(app, ORDER.index(app))


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.lineno, node.module
        elif isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name


def _modules(app: str):
    return [p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts]


@pytest.mark.parametrize("app", [a for a in ORDER if (ROOT / a).is_dir()])
def test_no_app_imports_an_app_above_it(app):
    upward = []
    for path in _modules(app):
        if str(path.relative_to(ROOT)) in KNOWN:
            continue
        for line, module in _imports(path):
            parts = module.split(".")
            if parts[0] != "canbo" or len(parts) < 2 or parts[1] not in ORDER:
                continue
            if _level(parts[1]) > _level(app):
                upward.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not upward, "\n".join(upward)


def test_scoring_imports_only_the_standard_library_and_itself():
    allowed = {
        "__future__",
        "collections",
        "dataclasses",
        "datetime",
        "decimal",
        "fractions",
        "functools",
        "itertools",
        "json",
        "math",
        "re",
        "typing",
        "enum",
        "calendar",
        "unicodedata",
        "sys",
        "argparse",
        "operator",
    }
    for path in _modules("scoring"):
        for line, module in _imports(path):
            top = module.split(".")[0]
            assert top in allowed or module.startswith("canbo.scoring"), (
                f"{path.name}:{line} imports {module}"
            )


def test_no_reach_upward_through_the_registry_or_a_dotted_path():
    """`apps.get_model` and `import_string` would hide an upward dependency from the import
    check above: lower apps ask through signals instead (DESIGN.md)."""
    found = []
    for app in ORDER:
        for path in _modules(app) if (ROOT / app).is_dir() else []:
            text = path.read_text(encoding="utf-8")
            found += [
                f"{path.relative_to(ROOT)}: {word}"
                for word in ("get_model(", "import_string(")
                if word in text
            ]
    assert not found, "\n".join(found)
