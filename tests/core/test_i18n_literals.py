"""The translation check fails on Vietnamese written into code (beyond the shrinking
baseline), and passes on msgids, docstrings and demo data."""

import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

import canbo
from canbo.core.i18n_scan import count_literals, over_baseline, scan

PLANTED = (
    "from django.utils.translation import gettext as _\n\n"
    'def refuse():\n    """Từ chối (a docstring is not shown to users)."""\n'
    '    ok = _("Không được phép.")\n    return "Không được phép."\n'
)


def test_counts_only_literals_outside_gettext_and_docstrings():
    assert count_literals(PLANTED) == 1
    assert count_literals('x = _("Đã lưu %s" % 1)\n') == 0
    assert count_literals('x = f"Đã lưu {1}"\n') == 1


def test_demo_data_and_migrations_are_exempt(tmp_path):
    package = tmp_path / "pkg"
    for relative in (
        "demo/names.py",
        "cadre/demo.py",
        "cadre/demo_registers.py",
        "people/migrations/0001_x.py",
        "oversight/plan_data.py",
        "people/views.py",
    ):
        target = package / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text('TEXT = "Nguyễn Văn An"\n', encoding="utf-8")
    assert scan(package) == {"pkg/people/views.py": 1}


def test_a_planted_string_fails_the_check(monkeypatch, tmp_path):
    package = tmp_path / "canbo"
    shutil.copytree(
        Path(canbo.__file__).parent,
        package,
        ignore=shutil.ignore_patterns("locale", "static", "templates"),
    )
    (package / "core" / "planted.py").write_text(PLANTED, encoding="utf-8")
    found = scan(package)
    assert over_baseline(found, {**found, "canbo/core/planted.py": 0}) == [
        "canbo/core/planted.py: 1 (baseline 0)"
    ]
    monkeypatch.setattr(canbo, "__file__", str(package / "__init__.py"))
    with pytest.raises(CommandError, match="canbo/core/planted.py: 1"):
        call_command("i18n-check")


def test_the_tree_is_within_its_baseline():
    from django.conf import settings

    from canbo.core.i18n_scan import load_baseline

    baseline = load_baseline(Path(settings.LOCALE_PATHS[0]) / "hardcoded-baseline.json")
    assert not over_baseline(scan(Path(canbo.__file__).parent), baseline)
