"""import-people refuses person codes that could break a path, a URL, a cell or a log line."""

import pytest
from django.core.management import CommandError, call_command

from canbo.integration.imports.people_rows import HEADERS
from canbo.people.models import Person
from tests.integration.test_spreadsheet_import import PEOPLE, _file, csv, xlsx


@pytest.mark.parametrize(
    "code",
    ["TP\r\n9", "TP\n9", 'TP"9', "TP'9", "../TP-9", "..", "TP/9", "TP 9", "TP\\9", "=TP9", "-TP9"],
)
def test_hostile_person_codes_are_refused(world, code):
    rows = [[code] + PEOPLE[0][1:]]
    before = Person.objects.count()
    with pytest.raises(CommandError, match="1 dòng có lỗi"):
        call_command("import-people", _file(xlsx(rows, HEADERS), "cc.xlsx"))
    with pytest.raises(CommandError, match="1 dòng có lỗi"):
        call_command("import-people", _file(csv(rows, headers=HEADERS), "cc.csv"))
    assert Person.objects.count() == before


def test_names_with_line_breaks_are_refused(world, capsys):
    rows = [[PEOPLE[0][0], "Hoàng Thị\nLan"] + PEOPLE[0][2:]]
    with pytest.raises(CommandError):
        call_command("import-people", _file(xlsx(rows, HEADERS), "cc.xlsx"))
    assert "xuống dòng" in capsys.readouterr().out
    assert not Person.objects.filter(code="TP-9").exists()


def test_ordinary_codes_still_pass(world):
    rows = [["TP_9.a-1"] + PEOPLE[0][1:]]
    call_command("import-people", _file(xlsx(rows, HEADERS), "cc.xlsx"))
    assert Person.objects.filter(code="TP_9.a-1").exists()
