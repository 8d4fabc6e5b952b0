"""Every command of ours prints its --help (lazy translations in argparse once crashed it)."""

import pytest
from django.core.management import get_commands, load_command_class
from django.utils import translation

OURS = sorted(name for name, app in get_commands().items() if app.startswith("canbo."))


def test_the_project_has_its_commands():
    assert {"seed-demo", "import-tasks", "export", "i18n-check"} <= set(OURS)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("name", OURS)
def test_help_renders(name, language):
    command = load_command_class(get_commands()[name], name)
    with translation.override(language):
        text = command.create_parser("canbo", name).format_help()
    assert text.startswith("usage: canbo " + name)
    assert "--help" in text
