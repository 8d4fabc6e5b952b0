"""Use of the annual results (Art. 23): lists after the year, each with a recorded decision."""

from datetime import date

import pytest

from canbo.cadre.errors import CadreError
from canbo.cadre.models import ResultUse
from canbo.cadre.services.results_use import record_result_use
from canbo.evaluation.models import AnnualResult
from canbo.people.models import PastClassification
from tests.cadre.conftest import TODAY


def _annual(person, level, status="final"):
    return AnnualResult.objects.create(
        person=person,
        year=2026,
        organization=person.organization,
        classification=level,
        status=status,
    )


@pytest.fixture
def year_end(world):
    people = world.people
    PastClassification.objects.create(person=people["staff"], year=2025, level="fail")
    PastClassification.objects.create(person=people["colleague"], year=2025, level="good")
    _annual(people["staff"], "fail")
    _annual(people["colleague"], "fail")
    _annual(people["economy"], "excellent")
    _annual(people["head"], "excellent", status="draft")  # not final: not listed
    _annual(people["outsider"], "excellent")
    return people


def _sections(html: str) -> dict[str, str]:
    parts = html.split("<h2>")[1:]
    return {p.split("</h2>")[0]: p for p in parts}


def test_lists_after_the_year_within_scope(world, year_end, login):
    html = login(world.users["chair"]).get("/cadre/results-use/?year=2026").content.decode()
    sections = _sections(html)
    twice = next(v for k, v in sections.items() if "hai năm liên tiếp" in k)
    once = next(v for k, v in sections.items() if "hai năm" not in k and "Không" in k)
    excellent = next(v for k, v in sections.items() if "xuất sắc" in k)
    assert "Nguyễn Văn An" in twice and "Lò Thị Mai" not in twice
    assert "Lò Thị Mai" in once and "Giàng A Páo" in excellent
    assert "Trần Thị Hồng" not in html and "Tẩn Láo Lở" not in html


def test_decision_recorded_and_bad_input_refused(world, year_end):
    staff = year_end["staff"]
    for action, day in (
        ("commendation", TODAY),
        ("dismissal", date(2026, 12, 31)),
        ("dismissal", date(2025, 12, 1)),
    ):
        with pytest.raises(CadreError):
            record_result_use(None, staff, 2026, action, "3/QĐ-UBND", day, "", TODAY)
    assert not ResultUse.objects.exists()
    use = record_result_use(None, staff, 2026, "dismissal", "3/QĐ-UBND", TODAY, "", TODAY)
    assert use.basis == "fail_twice"
    with pytest.raises(CadreError):
        record_result_use(None, staff, 2026, "dismissal", "4/QĐ-UBND", TODAY, "", TODAY)
    with pytest.raises(CadreError):  # the head's result is not finalised
        record_result_use(None, year_end["head"], 2026, "commendation", "5/QĐ", TODAY, "", TODAY)
    assert ResultUse.objects.count() == 1


def test_decision_page(world, year_end, login):
    client = login(world.users["personnel"])
    url = f"/cadre/results-use/2026/person/{year_end['economy'].pk}/"
    response = client.post(
        url,
        {"action": "commendation", "decision_number": "8/QĐ-UBND", "decision_date": "2026-02-01"},
    )
    assert response.status_code == 302
    html = client.get("/cadre/results-use/?year=2026").content.decode()
    assert "8/QĐ-UBND" in html
