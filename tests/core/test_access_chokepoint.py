"""Access rules live in one place: no module outside core/access/ (and the path and role
tables it reads) filters by organisation path or names a role to decide who sees or gets what.

A user-driven narrowing goes through `access.within` / `access.narrowed_to`; a walk of an
organisation's subtree that does not depend on who asks may stay where it is, but only in the
allowlist below, each entry with its reason. The allowlist may only shrink.
"""

import ast
import re
from pathlib import Path

import canbo

ROOT = Path(canbo.__file__).parent
# The chokepoint and the tables it reads.
HOME = {
    "core/access/scope.py",
    "core/access/orgs.py",
    "core/access/registers.py",
    "core/paths.py",
    "core/roles.py",
}
# Path filters in lookups (keyword arguments or strings): organization__path__startswith=...,
# path__in=[...], "person__organization__path__startswith".
PATH_LOOKUP = re.compile(r"path__(startswith|in)$|path__(startswith|in)\b")
# The role tables besides the Role choices (which a model field may use).
ROLE_TABLES = {"PROVINCE_WIDE", "SELF_ONLY", "OVERSIGHT_BODIES", "OVERSIGHT_READERS", "API_CLIENT"}

# Structural subtree walks, independent of the user: module path prefixes (relative to canbo/,
# so a module split into a package or into siblings of the same stem stays covered; several
# where a split renamed it) -> (the most path lookups allowed in them together, why).
STRUCTURAL: dict[tuple[str, ...], tuple[int, str]] = {
    ("evaluation/services/annual.py",): (1, "compute_annual rates everyone of the subtree"),
    ("evaluation/services/periods.py",): (1, "create_sheets: a sheet per person of the subtree"),
    ("evaluation/services/leaders.py",): (2, "a leader's charge, the communes it answers for"),
    ("cadre/services/training.py",): (1, "plan_progress counts the plan organisation's people"),
    ("cadre/services/pipeline", "cadre/services/appointment"): (
        2,
        "the staffing quota and staff of a commune for a job position (appointment room)",
    ),
    ("agency/compute_cadre",): (1, "an agency evaluation computed for one commune"),
    ("feedback/dossiers", "feedback/dossier_checks"): (
        1,
        "the commune of each dossier's unit, from its path's ancestors",
    ),
}


def _modules():
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if "migrations" in path.parts or name in HOME or _is_demo(name):
            continue
        yield name, path


def _is_demo(name: str) -> bool:
    return name.startswith("demo/") or Path(name).stem.startswith("demo")


def _docstrings(tree) -> set[int]:
    """ids of the docstring constants (prose may name a lookup)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _path_lookups(tree) -> list[int]:
    docs = _docstrings(tree)
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg and PATH_LOOKUP.search(node.arg):
            lines.append(node.value.lineno)
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docs
            and PATH_LOOKUP.search(node.value)
        ):
            lines.append(node.lineno)
    return lines


def _role_uses(tree) -> list[str]:
    """Roles named to decide something: Role.CHAIRMAN, x.profile.role, profile__role, and the
    role tables imported from core.roles."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            value = node.value
            if isinstance(value, ast.Name) and value.id == "Role" and node.attr.isupper():
                found.append(f"{node.lineno}: Role.{node.attr}")
            if node.attr == "role" and isinstance(value, ast.Attribute) and value.attr == "profile":
                found.append(f"{node.lineno}: .profile.role")
        elif isinstance(node, ast.keyword) and node.arg and "profile__role" in node.arg:
            found.append(f"{node.value.lineno}: {node.arg}")
        elif isinstance(node, ast.ImportFrom) and node.module == "canbo.core.roles":
            for alias in node.names:
                if alias.name in ROLE_TABLES:
                    found.append(f"{node.lineno}: imports {alias.name}")
    return found


def _parsed():
    for name, path in _modules():
        yield name, ast.parse(path.read_text(encoding="utf-8"))


def _allowance(name: str) -> tuple[str, ...] | None:
    return next((prefixes for prefixes in STRUCTURAL if name.startswith(prefixes)), None)


def test_no_path_filter_outside_the_chokepoint():
    outside, used = [], dict.fromkeys(STRUCTURAL, 0)
    for name, tree in _parsed():
        lines = _path_lookups(tree)
        prefix = _allowance(name)
        if prefix is not None:
            used[prefix] += len(lines)
        else:
            outside += [f"{name}:{line}" for line in lines]
    assert not outside, "filter through canbo.core.access (within, narrowed_to):\n" + "\n".join(
        outside
    )
    grown = [f"{p}: {used[p]} > {most}" for p, (most, _why) in STRUCTURAL.items() if used[p] > most]
    assert not grown, "more structural path lookups than allowed:\n" + "\n".join(grown)
    stale = [prefix for prefix, count in used.items() if count == 0]
    assert not stale, f"allowlist entries without a path lookup any more, remove them: {stale}"


def test_no_role_named_outside_the_chokepoint():
    found = [f"{name}:{use}" for name, tree in _parsed() for use in _role_uses(tree)]
    assert not found, "ask canbo.core.access (can, who_can, scope_for):\n" + "\n".join(found)


def test_the_guard_sees_what_it_forbids():
    planted = ast.parse(
        "qs.filter(organization__path__startswith=p)\n"
        "qs.filter(**{'person__organization__path__in': ps})\n"
        "Profile.objects.filter(role=Role.CHAIRMAN)\n"
        "if user.profile.role == 'admin': pass\n"
        "User.objects.filter(profile__role__in=roles)\n"
        "from canbo.core.roles import PROVINCE_WIDE\n"
    )
    assert _path_lookups(planted) == [1, 2]
    assert len(_role_uses(planted)) == 4
    harmless = ast.parse(
        '"""Narrow by organization__path__startswith, in prose."""\n'
        "role = models.CharField(choices=Role.choices)\n"
        "qs.order_by('organization__path', 'path')\n"
    )
    assert _path_lookups(harmless) == [] and _role_uses(harmless) == []
