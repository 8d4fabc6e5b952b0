"""Succession planning: criteria checks with reasons, reasons required, composition shares."""

from datetime import date

import pytest

from canbo.cadre.errors import CadreError
from canbo.cadre.models import PlanningTerm
from canbo.cadre.services import planning
from canbo.cadre.services.planning import (
    add_candidate,
    check_candidate,
    compose,
    create_term,
    remove_candidate,
)
from canbo.core.models import AuditEntry
from canbo.org.choices import PoliticalTheory

TODAY = date(2026, 3, 1)


@pytest.fixture
def term(db):
    return create_term(None, 2026)


def add(world, person, term, title=None):
    return add_candidate(
        world.users["personnel"],
        term,
        title or world.head_title,
        world.tanphong,
        person,
        "Có năng lực, triển vọng",
        TODAY,
    )


def test_term_name_and_idempotence(term):
    assert term.name == "2026–2031" and term.end_year == 2031
    assert create_term(None, 2026) == term and PlanningTerm.objects.count() == 1


def test_adding_and_removing_need_a_reason_and_are_audited(world, term):
    person = world.people["staff"]
    with pytest.raises(CadreError, match="Cần nêu lý do"):
        add_candidate(None, term, world.head_title, world.tanphong, person, "  ", TODAY)
    candidate = add(world, person, term)
    with pytest.raises(CadreError, match="đã có trong quy hoạch"):
        add(world, person, term)
    with pytest.raises(CadreError, match="Cần nêu lý do"):
        remove_candidate(None, candidate, "", TODAY)
    remove_candidate(world.users["personnel"], candidate, "Chuyển công tác", TODAY)
    candidate.refresh_from_db()
    assert not candidate.active and candidate.removed_reason == "Chuyển công tác"
    actions = list(
        AuditEntry.objects.filter(object_type="cadre.planningcandidate").values_list(
            "action", "reason"
        )
    )
    assert ("cadre.add_candidate", "Có năng lực, triển vọng") in actions
    assert ("cadre.remove_candidate", "Chuyển công tác") in actions


def test_checks_give_reasons(world, term):
    person = world.people["staff"]  # male, born 15/06/1985: 40 on 1 January 2026
    title = world.head_title
    title.min_political_theory = PoliticalTheory.BASIC
    checks = check_candidate(add(world, person, term, title))
    assert checks[0].ok and "40 tuổi" in checks[0].text and "dưới 55" in checks[0].text
    assert not checks[1].ok and "Lý luận chính trị" in checks[1].text
    assert checks[-1].ok and "Chưa có kết quả xếp loại" in checks[-1].text


def test_age_window_is_a_module_setting(world, term, monkeypatch):
    candidate = add(world, world.people["staff"], term)
    monkeypatch.setitem(planning.AGE_LIMITS, "male", 40)
    age = check_candidate(candidate)[0]
    assert not age.ok and "không dưới 40" in age.text


def test_classification_hook_is_read(world, term):
    """The evaluation app's annual result answers cadre's question (a signal, not an import)."""
    failed_2025(world.people["staff"])
    last = check_candidate(add(world, world.people["staff"], term))[-1]
    assert not last.ok and "Không hoàn thành nhiệm vụ năm 2025" in last.text


def failed_2025(person):
    from canbo.evaluation.models import AnnualResult

    AnnualResult.objects.create(
        person=person, year=2025, organization=person.organization, classification="fail"
    )


def test_composition_shares(world, term):
    # staff: male Kinh 40; colleague: female Thái 40; economy: male Mông 40;
    # head: female Kinh, made 30 at the start of 2026.
    head = world.people["head"]
    head.birth_date = date(1995, 5, 1)
    head.save()
    for key in ("staff", "colleague", "economy", "head"):
        add(world, world.people[key], term)
    comp = compose(list(term.candidates.select_related("person")), term)
    assert (comp.total, comp.young, comp.female, comp.minority) == (4, 1, 2, 2)
    assert (comp.share(comp.young), comp.share(comp.female)) == (25.0, 50.0)
    assert compose([], term).share(0) == 0.0
