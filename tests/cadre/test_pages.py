"""Pages render with data, exports open with openpyxl and carry the page's numbers."""

import re
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.cadre.models import DecisionKind, RotationKind, TrainingPlan
from canbo.cadre.services.planning import add_candidate, create_term
from canbo.cadre.services.records import record_decision
from canbo.cadre.services.rotation import propose_rotation
from canbo.cadre.services.training import enrol_person
from canbo.org.choices import Field, PoliticalTheory
from canbo.org.models import StaffingQuota

LISTS = [
    "cadre:gaps",
    "cadre:gap_people",
    "cadre:candidates",
    "cadre:theory",
    "cadre:classes",
    "cadre:enrolments",
    "cadre:plans",
    "cadre:planning",
    "cadre:rotations",
    "cadre:staffing",
    "cadre:decisions",
]


@pytest.fixture
def data(world, it_class, it_person, key_titles):
    world.chair_title.min_political_theory = PoliticalTheory.INTERMEDIATE
    world.chair_title.save()
    enrol_person(None, it_class, it_person)
    TrainingPlan.objects.create(organization=world.tanphong, year=2026, field=Field.IT, target=2)
    term = create_term(None, 2026)
    add_candidate(
        None, term, key_titles[0], world.tanphong, world.people["staff"], "Trẻ", date(2026, 3, 1)
    )
    propose_rotation(
        None,
        world.people["outsider"],
        RotationKind.TRANSFER,
        world.tanphong,
        key_titles[1],
        today=date(2026, 3, 1),
    )
    record_decision(
        None,
        world.people["staff"],
        DecisionKind.KHIEN_TRACH,
        "7/QĐ",
        date(2026, 2, 1),
        "UBND",
        "Chậm trễ",
        True,
    )
    StaffingQuota.objects.create(organization=world.tp_office, job_position=world.position, quota=2)
    return world


def sheets(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(BytesIO(response.content))
    return [[list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book]


@pytest.mark.parametrize("name", LISTS)
def test_every_list_renders_and_exports(login, data, name):
    client = login(data.users["personnel"])
    page = client.get(reverse(name))
    assert page.status_code == 200
    assert "format=xlsx" in page.content.decode()
    exported = sheets(client.get(reverse(name), {"format": "xlsx"}))
    assert exported and all(sheet[0] for sheet in exported)  # a header row on every sheet


def _cells(html: str, row_text: str) -> list[str]:
    row = re.search(
        r"<tr[^>]*>(?:(?!</tr>).)*" + re.escape(row_text) + r".*?</tr>", html, re.S
    ).group(0)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]


def test_gap_summary_xlsx_has_the_page_numbers(login, data):
    client = login(data.users["personnel"])
    html = client.get(reverse("cadre:gaps")).content.decode()
    by_field, by_unit = sheets(client.get(reverse("cadre:gaps"), {"format": "xlsx"}))
    it_row = next(r for r in by_field if r[0] == "Công nghệ thông tin")
    assert it_row[1:4] == [1, 1, 1]  # people, with a gap, education gap
    assert it_row[-1] == "Có"
    assert [str(v) for v in it_row[1:-1]] == _cells(html, "Công nghệ thông tin")[1:-1]
    assert 'class="short"' in html
    tp_row = next(r for r in by_unit if r[0] == "Phường Tân Phong")
    assert [str(v) for v in tp_row[1:]] == _cells(html, "Phường Tân Phong")[1:]
    assert tp_row[2] == 2  # the IT person and the chairman lacking political theory


def test_candidate_list_matches_export(login, data):
    client = login(data.users["personnel"])
    html = client.get(reverse("cadre:candidates")).content.decode()
    (sheet,) = sheets(client.get(reverse("cadre:candidates"), {"format": "xlsx"}))
    assert [row[0] for row in sheet[1:]] == ["Vàng Văn Tính"]
    # The page writes decimals the Vietnamese way (26,2); the sheet keeps numbers.
    page_cells = [re.sub(r"^(\d+),(\d+)$", r"\1.\2", c) for c in _cells(html, "Vàng Văn Tính")]
    assert page_cells[: len(sheet[1])] == [str(v) if v is not None else "" for v in sheet[1]]


def test_staffing_page_and_export_agree(login, data):
    client = login(data.users["personnel"])
    balance, moves = sheets(client.get(reverse("cadre:staffing"), {"format": "xlsx"}))
    archives = next(r for r in balance[1:] if r[0] == "Phường Tân Phong" and r[2] == 2)
    assert archives[2:5] == [2, 4, 2]
    html = client.get(reverse("cadre:staffing")).content.decode()
    assert "Thừa" in html and moves == [
        ["Lĩnh vực", "Từ (thừa)", "Đến (thiếu)", "Cán bộ, công chức"]
    ]


def test_person_page_shows_gaps_and_discipline(login, data, it_person):
    client = login(data.users["personnel"])
    body = client.get(reverse("cadre:person", args=[it_person.pk])).content.decode()
    assert "Chuyên ngành “Kế toán”" in body
    body = client.get(reverse("cadre:person", args=[data.people["staff"].pk])).content.decode()
    assert "Không hoàn thành nhiệm vụ" in body


def test_forms_show_vietnamese_errors(login, data):
    client = login(data.users["personnel"])
    body = client.post(reverse("cadre:class_new"), {"name": ""}).content.decode()
    assert "Trường này là bắt buộc." in body
    body = client.post(
        reverse("cadre:rotation_new"),
        {
            "person": data.people["outsider"].pk,
            "kind": "transfer",
            "to_org": data.tanphong.pk,
            "title": data.chair_title.pk,
            "action": "check",
        },
    ).content.decode()
    assert "Không có cảnh báo" in body or "người địa phương" in body
