"""Gap computation, the university-candidate rule (6 years, strict) and the theory list."""

from datetime import date

from canbo.cadre.analysis import (
    assess,
    has_more_years_left,
    lacking_theory,
    summarise,
    university_candidates,
)
from canbo.cadre.gaps import (
    EDUCATION,
    IT,
    LANGUAGE,
    MAJOR,
    STATE_MANAGEMENT,
    THEORY,
    compute_gaps,
    required_theory,
)
from canbo.org.choices import Education, PoliticalTheory, StateManagement
from canbo.people.models import Person


def kinds(person, title=None) -> list[str]:
    return [gap.kind for gap in compute_gaps(person, title)]


def test_every_gap_against_the_position(it_person):
    it_person.job_position.requires_foreign_language = True
    gaps = compute_gaps(it_person)
    assert [g.kind for g in gaps] == [EDUCATION, MAJOR, STATE_MANAGEMENT, IT, LANGUAGE]
    texts = [g.text for g in gaps]
    assert texts[0].startswith("Trình độ chuyên môn: ") and texts[0].endswith("yêu cầu Đại học")
    assert "Kế toán" in texts[1] and "Công nghệ thông tin" in texts[1]
    assert "chứng chỉ tin học" in texts[3]


def test_meeting_the_standard_leaves_no_gap(it_person):
    it_person.education, it_person.major = Education.UNIVERSITY, "Công nghệ thông tin"
    it_person.state_management = StateManagement.SPECIALIST
    it_person.it_certificate = "Ứng dụng CNTT cơ bản"
    assert compute_gaps(it_person) == []


def test_major_matches_accent_insensitively_and_among_several(it_person):
    it_person.education, it_person.major = Education.MASTER, "Kế toán; cong nghe thong tin"
    assert MAJOR not in kinds(it_person) and EDUCATION not in kinds(it_person)


def test_political_theory_is_the_higher_of_position_and_title(world, it_person):
    it_person.job_position.min_political_theory = PoliticalTheory.BASIC
    title = world.head_title
    title.min_political_theory = PoliticalTheory.INTERMEDIATE
    assert required_theory(it_person, title) == PoliticalTheory.INTERMEDIATE
    it_person.political_theory = PoliticalTheory.BASIC
    assert THEORY in kinds(it_person, title)
    assert THEORY not in kinds(it_person)  # own title (Công chức) asks for nothing more
    it_person.political_theory = PoliticalTheory.INTERMEDIATE
    assert THEORY not in kinds(it_person, title)


def test_person_without_position_is_judged_on_the_title_only(world):
    chair = world.people["chair"]
    chair.title.min_political_theory = PoliticalTheory.INTERMEDIATE
    chair.education = Education.SECONDARY
    assert kinds(chair) == [THEORY]


def _retiring_on(person, today):
    """Born 1985-06-15, male: retires 30/06/2047 (62 years, end of month)."""
    assert person.retirement_date == date(2047, 6, 30)
    return has_more_years_left(person, 6, today)


def test_six_years_rule_at_its_boundary(it_person):
    it_person.birth_date = date(1985, 6, 15)
    assert not _retiring_on(it_person, date(2041, 6, 30))  # exactly 6 years left
    assert _retiring_on(it_person, date(2041, 6, 29))  # 6 years and 1 day left


def test_university_candidates_need_a_professional_gap_and_years(world, it_person):
    it_person.birth_date = date(1985, 6, 15)
    it_person.save()
    rows = assess(Person.objects.all())
    picked = [r.person for r in university_candidates(rows, date(2041, 6, 29))]
    assert picked == [it_person]
    assert university_candidates(rows, date(2041, 6, 30)) == []


def test_theory_list_and_summary_counts(world, it_person):
    chair = world.people["chair"]
    chair.title.min_political_theory = PoliticalTheory.INTERMEDIATE
    chair.title.save()
    rows = assess(Person.objects.all())
    assert [r.person for r in lacking_theory(rows)] == [chair]
    by_field = summarise(rows, lambda r: r.field)
    assert by_field["it"].people == 1 and by_field["it"].with_gap == 1
    assert by_field["archives"].with_gap == 0
    by_unit = summarise(rows, lambda r: r.unit)
    assert by_unit[world.tanphong].with_gap == 2
    assert by_unit[world.doanket].with_gap == 0
