"""A person's record shows their annual classifications, under the record's own rules."""

from tests.reports.annual_world import build_year_end


def test_record_shows_the_year_average_and_level(world, login):
    build_year_end(world)
    html = (
        login(world.users["personnel"]).get(f"/people/{world.people['staff'].pk}/").content.decode()
    )
    assert "<h2>Xếp loại năm</h2>" in html
    row = html.split('class="annual-results"')[1]
    assert "<td>2026</td>" in row and "91,50" in row
    assert "Hoàn thành xuất sắc nhiệm vụ" in row


def test_record_shows_the_lower_final_level_and_its_decision(world, login):
    year_end = build_year_end(world)
    person = year_end.rows["E3"].person
    html = login(world.users["chair"]).get(f"/people/{person.pk}/").content.decode()
    row = html.split('class="annual-results"')[1]
    assert "Hoàn thành tốt nhiệm vụ" in row and "quyết định số 15/QĐ-UBND" in row
    assert "Vượt tỷ lệ" in row


def test_civil_servant_sees_own_results_outsider_sees_nothing(world, login):
    build_year_end(world)
    own = login(world.users["staff"]).get(f"/people/{world.people['staff'].pk}/")
    assert own.status_code == 200 and "91,50" in own.content.decode()
    other = login(world.users["outsider"]).get(f"/people/{world.people['staff'].pk}/")
    assert other.status_code == 404


def test_no_result_yet(world, login):
    html = (
        login(world.users["personnel"]).get(f"/people/{world.people['staff'].pk}/").content.decode()
    )
    assert "Chưa có kết quả xếp loại năm." in html
