"""`canbo retirement-date`: hand-computed dates across the roadmap years, both genders."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def run(*args) -> str:
    out = StringIO()
    call_command("retirement-date", *args, stdout=out)
    return out.getvalue().strip()


# Men: 60y3m in 2021, +3 months a year, 62 from 2028. Women: 55y4m in 2021, +4 months a year,
# 60 from 2035. The age of the year in which it is reached applies; retirement at month end.
@pytest.mark.parametrize(
    "born, gender, expected",
    [
        ("1961-05-15", "male", "31/08/2021"),  # 2021: 60y3m -> Aug 2021
        ("1963-10-10", "male", "31/10/2024"),  # 2023: 60y9m would be Jul 2024; 2024: 61y -> Oct
        ("1964", "male", "30/04/2025"),  # 1 Jan 1964 + 61y3m (2025) = Apr 2025
        ("1966-03-01", "male", "31/12/2027"),  # 2027: 61y9m -> Dec 2027
        ("1970", "male", "31/01/2032"),  # 62 after the roadmap: Jan 2032
        ("1966-01-01", "female", "31/05/2021"),  # 2021: 55y4m -> May 2021
        ("1969-08-20", "female", "31/08/2026"),  # 2026: 57y -> Aug 2026
        ("1970", "female", "31/05/2027"),  # 1 Jan 1970 + 57y4m (2027) = May 2027
        ("1975", "female", "30/09/2034"),  # 1 Jan 1975 + 59y8m (2034) = Sep 2034
        ("1980-02-29", "female", "29/02/2040"),  # 60 after the roadmap, leap day
    ],
)
def test_retirement_dates(born, gender, expected):
    day, month, year = expected.split("/")
    assert run("--born", born, "--gender", gender) == (
        f"Ngày nghỉ hưu: {expected} ({year}-{month}-{day})"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--born", "1970-13-01", "--gender", "male"], "Ngày sinh"),
        (["--born", "15/06/1970", "--gender", "male"], "YYYY-MM-DD"),
        (["--born", "1970", "--gender", "x"], "Giới tính"),
        (["--born", "1970"], "--gender"),
        (["--born", "1850", "--gender", "male"], "ngoài phạm vi"),
    ],
)
def test_bad_input_gives_a_vietnamese_error(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
