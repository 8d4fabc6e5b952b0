"""Nominations (with the province's opinion) and resignation; composition of nominations."""

from datetime import date

from canbo.cadre.services.records import record_decision


def test_resignation_and_province_opinion_are_decision_kinds(world, login):
    staff, colleague, economy = (world.people[k] for k in ("staff", "colleague", "economy"))
    economy.major = "Công nghệ thông tin"
    economy.save()
    record_decision(None, staff, "tu_chuc", "1/QĐ-UBND", date(2026, 2, 1), "UBND phường")
    record_decision(None, colleague, "y_kien_tinh", "2/BTCTU", date(2026, 2, 2), "Ban Tổ chức")
    record_decision(None, economy, "y_kien_tinh", "3/BTCTU", date(2026, 2, 3), "Ban Tổ chức")
    html = login(world.users["chair"]).get("/cadre/decisions/").content.decode()
    assert "Từ chức" in html and "Cơ cấu nhân sự được giới thiệu" in html
    row = html.split("Cơ cấu nhân sự được giới thiệu")[1].split("Ý kiến của tỉnh")[1]
    cells = [c.split("</td>")[0] for c in row.split("<td>")[1:10]]
    # 2 people: 1 female (50 %), 2 ethnic minority (100 %), 1 science/technology (50 %).
    assert (
        cells[0] == "2"
        and cells[3:5] == ["1", "50,0"]
        and cells[5:9] == ["2", "100,0", "1", "50,0"]
    )
