"""Hand-computed retirement dates (Labour Code 2019 Art. 169, Decree 135/2020/NĐ-CP)."""

from datetime import date

import pytest

from canbo.people.retirement import age_on, retirement_age_months, retirement_date


@pytest.mark.parametrize(
    "gender, year, months",
    [
        ("male", 2020, 720),
        ("male", 2021, 723),
        ("male", 2024, 732),
        ("male", 2028, 744),
        ("male", 2035, 744),
        ("female", 2021, 664),
        ("female", 2026, 684),
        ("female", 2035, 720),
        ("female", 2040, 720),
    ],
)
def test_roadmap_ages(gender, year, months):
    assert retirement_age_months(gender, year) == months


@pytest.mark.parametrize(
    "born, gender, expected",
    [
        (date(1961, 5, 15), "male", date(2021, 8, 31)),  # 60y3m reached in 2021
        (date(1961, 11, 15), "male", date(2022, 5, 31)),  # misses 2021, 60y6m in 2022
        (date(1966, 5, 1), "male", date(2028, 5, 31)),  # 62 from 2028
        (date(1970, 2, 10), "male", date(2032, 2, 29)),  # leap-year month end
        (date(1966, 1, 1), "female", date(2021, 5, 31)),  # 55y4m reached in 2021
        (date(1975, 3, 20), "female", date(2034, 11, 30)),  # 59y8m reached in 2034
        (date(1975, 9, 10), "female", date(2035, 9, 30)),  # misses 2034, 60 in 2035
        (date(1976, 1, 5), "female", date(2036, 1, 31)),  # 60 after the roadmap ends
        (date(1972, 6, 1), "female", date(2030, 10, 31)),  # 58y4m in 2030
    ],
)
def test_retirement_dates(born, gender, expected):
    assert retirement_date(born, gender) == expected


def test_birth_year_only_counts_from_first_of_january(world):
    person = world.people["staff"]
    person.birth_date, person.birth_year = None, 1970
    person.save()
    person.refresh_from_db()
    assert person.birth == date(1970, 1, 1)
    assert person.retirement_date == date(2032, 1, 31)


def test_age():
    assert age_on(date(1985, 6, 15), date(2026, 6, 14)) == 40
    assert age_on(date(1985, 6, 15), date(2026, 6, 15)) == 41
