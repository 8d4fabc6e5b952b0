import unicodedata
from datetime import date

import pytest

from canbo.people.models import Person, PersonalDataAccess
from tests.factories import make_person


def names(response) -> set[str]:
    return {p.full_name for p in response.context["page"]}


@pytest.fixture
def officer(client, world):
    client.force_login(world.users["personnel"])
    return client


@pytest.mark.parametrize("query", ["nguyen van", "NGUYEN VAN AN", "Nguyễn Văn", "nguyễn van"])
def test_search_is_accent_insensitive(officer, query):
    assert names(officer.get("/people/", {"q": query})) == {"Nguyễn Văn An"}


def test_search_by_d_stroke_and_code(officer, world):
    make_person("TP-9", "Đỗ Thị Đào", world.tp_office, world.staff_title, None, gender="female")
    assert names(officer.get("/people/", {"q": "do thi dao"})) == {"Đỗ Thị Đào"}
    assert names(officer.get("/people/", {"q": "tp-9"})) == {"Đỗ Thị Đào"}


def test_decomposed_input_is_stored_nfc_and_found(officer, world):
    decomposed = unicodedata.normalize("NFD", "Vàng Seo Chúa")
    person = make_person("TP-10", decomposed, world.tp_office, world.staff_title, None)
    person.refresh_from_db()
    assert person.full_name == unicodedata.normalize("NFC", decomposed)
    assert names(officer.get("/people/", {"q": "vang seo"})) == {"Vàng Seo Chúa"}


def test_filters(officer, world):
    assert names(officer.get("/people/", {"org": world.doanket.pk})) == {"Tẩn Láo Lở"}
    assert names(officer.get("/people/", {"ethnicity": "mong"})) == {"Giàng A Páo"}
    female = names(officer.get("/people/", {"gender": "female"}))
    assert female == {"Lò Thị Mai", "Trần Thị Hồng"}
    assert (
        officer.get("/people/", {"position": world.position.pk}).context["page"].paginator.count
        == 5
    )


def test_age_band_filter_uses_birth_year_when_date_unknown(officer, world):
    young = make_person(
        "TP-11",
        "Lò Văn Hưng",
        world.tp_office,
        None,
        None,
        birth_date=None,
        birth_year=date.today().year - 25,
    )
    young.refresh_from_db()
    under_30 = names(officer.get("/people/", {"age": "lt30"}))
    assert under_30 == {"Lò Văn Hưng"}
    assert "Lò Văn Hưng" not in names(officer.get("/people/", {"age": "40-49"}))
    assert "Nguyễn Văn An" in names(officer.get("/people/", {"age": "40-49"}))


def test_unit_head_sees_only_their_unit(client, world):
    client.force_login(world.users["head"])
    assert names(client.get("/people/")) == {"Nguyễn Văn An", "Lò Thị Mai", "Trần Thị Hồng"}
    # Filtering to another commune cannot widen the scope.
    response = client.get("/people/", {"org": world.doanket.pk})
    assert names(response) == set()


def test_person_page_logs_the_view(client, world):
    client.force_login(world.users["head"])
    person = world.people["staff"]
    response = client.get(f"/people/{person.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nguyễn Văn An" in html and "Văn phòng HĐND và UBND" in html
    log = PersonalDataAccess.objects.get()
    assert (log.user, log.person) == (world.users["head"], person)


def test_outsider_cannot_open_tanphong_person_and_nothing_is_logged(client, world):
    client.force_login(world.users["outsider"])
    for person in Person.objects.filter(organization__path__startswith=world.tanphong.path):
        assert client.get(f"/people/{person.pk}/").status_code == 404
    assert not PersonalDataAccess.objects.exists()


def test_people_list_query_count_is_constant(officer, world, django_assert_num_queries):
    for n in range(30):
        make_person(f"X-{n}", f"Người Thứ {n}", world.tp_economy, world.staff_title, world.position)
    # session, user, profile+org, count, page rows, filter-form choices (org, position),
    # the communes' names for the commune column
    with django_assert_num_queries(8):
        officer.get("/people/")
    with django_assert_num_queries(8):
        officer.get("/people/", {"q": "nguoi thu"})
