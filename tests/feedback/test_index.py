"""The Decision 766 index: hand-computed cases, per level, exact decimals, per persona."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from canbo.feedback.index import dossiers_for, index_rows
from canbo.scoring.satisfaction import b_needs_reason, percent, satisfaction_index

OCT = [date(2026, 10, 1)]


def test_formula_by_hand():
    assert satisfaction_index(10, 3) == Decimal("70.00")
    assert satisfaction_index(3, 1) == Decimal("66.67")  # 200/3 = 66.666… rounds half up
    assert satisfaction_index(8, 1) == Decimal("87.50")
    assert satisfaction_index(7, 0) == Decimal("100.00")
    assert satisfaction_index(0, 0) is None
    assert percent(5, 7) == Decimal("71.43")
    assert percent(1, 8) == Decimal("12.50")
    with pytest.raises(ValueError):
        satisfaction_index(2, 3)


def test_b_rule():
    assert b_needs_reason(Decimal("79.99"), Fraction(17, 2), Fraction(80), Fraction(8))
    assert not b_needs_reason(Decimal("80.00"), Fraction(10), Fraction(80), Fraction(8))
    assert not b_needs_reason(Decimal("50"), Fraction(8), Fraction(80), Fraction(8))
    assert not b_needs_reason(None, Fraction(10), Fraction(80), Fraction(8))


def _by_code(rows):
    return {r.person_code: r for r in rows}


def test_officer_rows_by_hand(october):
    rows = _by_code(index_rows(dossiers_for(october.users["admin"], OCT)))
    staff = rows["TP-1"]
    # 10 dossiers; dissatisfied: levels 1 and 2 (2 dossiers); complained: 1 more → 3 bad.
    assert (staff.dossiers, staff.rated, staff.satisfied, staff.dissatisfied) == (10, 8, 5, 2)
    assert staff.index == Decimal("70.00")
    # returned 10/10..16/10 with due 14/10: 10, 11, 12, 13, 14 on time → 5 of 7.
    assert staff.on_time == Decimal("71.43")
    assert rows["TP-2"].index == Decimal("100.00")
    assert rows["TP-2"].on_time is None
    assert rows["DK-1"].index == Decimal("66.67")
    assert staff.as_api() == {
        "person_code": "TP-1",
        "org_code": "000.01.29.H29",
        "dossiers": 10,
        "rated": 8,
        "satisfied": 5,
        "dissatisfied": 2,
        "index": Decimal("70.00"),
        "on_time": Decimal("71.43"),
    }


def test_unit_and_commune_rows(october):
    admin = october.users["admin"]
    units = {
        r.unit_name: r
        for r in index_rows(dossiers_for(admin, OCT), "unit")
        if r.commune_name == "Phường Tân Phong"
    }
    office = units["Văn phòng HĐND và UBND"]
    assert (office.dossiers, office.complained_or_dissatisfied) == (14, 3)
    assert office.index == Decimal("78.57")  # 11/14
    communes = {r.org_code: r for r in index_rows(dossiers_for(admin, OCT), "commune")}
    assert communes["000.01.29.H29"].dossiers == 15
    assert communes["000.01.29.H29"].index == Decimal("80.00")  # 12/15
    assert communes["000.02.29.H29"].index == Decimal("66.67")


@pytest.mark.parametrize(
    "persona, codes",
    [
        ("staff", {"TP-1"}),
        ("head", {"TP-1", "TP-2"}),
        ("chair", {"TP-1", "TP-2", "TP-3"}),
        ("outsider", {"DK-1"}),
        ("personnel", {"TP-1", "TP-2", "TP-3", "DK-1"}),
    ],
)
def test_visibility_per_persona(october, persona, codes):
    rows = index_rows(dossiers_for(october.users[persona], OCT))
    assert {r.person_code for r in rows} == codes


def test_pages_never_show_another_commune(october, login):
    client = login(october.users["chair"])
    body = client.get("/feedback/?month=2026-10").content.decode()
    assert "Nguyễn Văn An" in body and "Tẩn Láo Lở" not in body
    body = client.get("/feedback/comments/").content.decode()
    assert "Chờ lâu" in body
    client = login(october.users["outsider"])
    assert "Chờ lâu" not in client.get("/feedback/comments/").content.decode()
    assert "Nguyễn Văn An" not in client.get("/feedback/?month=2026-10").content.decode()


def test_province_list_has_commune_column_and_filter(october, login):
    client = login(october.users["personnel"])
    body = client.get("/feedback/?month=2026-10").content.decode()
    assert "Phường Đoàn Kết" in body and "Phường Tân Phong" in body
    body = client.get(f"/feedback/?month=2026-10&commune={october.doanket.pk}").content.decode()
    assert "Tẩn Láo Lở" in body and "Nguyễn Văn An" not in body


def test_commune_workbook(october, login):
    import io

    from openpyxl import load_workbook

    client = login(october.users["chair"])
    response = client.get(f"/feedback/communes/{october.tanphong.pk}/xlsx/?month=2026-10")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    staff = next(v for v in values if v[0] == "TP-1")
    assert staff[3] == 10 and staff[8] == 70.0
    assert not any(v[0] == "DK-1" for v in values)
    assert (
        login(october.users["chair"])
        .get(f"/feedback/communes/{october.doanket.pk}/xlsx/?month=2026-10")
        .status_code
        == 404
    )


def test_person_page_has_trend_chart(october, login):
    client = login(october.users["staff"])
    body = client.get(f"/feedback/people/{october.people['staff'].pk}/?year=2026").content
    assert b"<svg" in body and b"<polyline" in body
    assert client.get(f"/feedback/people/{october.people['outsider'].pk}/").status_code == 404


def test_person_page_title_is_only_the_name(october, login):
    """The latest dossiers (with their QR links) are listed once, in the page, not its title."""
    client = login(october.users["chair"])
    html = client.get(f"/feedback/people/{october.people['staff'].pk}/").content.decode()
    title = html[html.index("<title>") : html.index("</title>")]
    assert "Nguyễn Văn An" in title and "<h2>" not in title and "TP-0" not in title
    assert html.count("Hồ sơ gần đây") == 1 and "TP-0" in html
