"""`canbo import-people` takes the personnel record, past classifications and post history."""

import io
import tempfile
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from canbo.cadre.models import PlanningCandidate
from canbo.cadre.services.planning import check_candidate, create_term
from canbo.core.models import AuditEntry
from canbo.integration.imports.people_rows import HEADERS, OPTIONAL
from canbo.people.models import PastClassification, Person, Post

ALL = HEADERS + OPTIONAL
BASE = [
    "TP-9",
    "Hoàng Thị Lan",
    "1985",
    "Nữ",
    "Thái",
    "Phường Tân Phong / Văn phòng HĐND và UBND",
    "VP",
    "CC",
    "01/09/2026",
]
RECORD = {
    "Số CCCD": "012345678901",
    "Quê quán": "Phường Đoàn Kết",
    "Đảng viên": "Có",
    "Trình độ chuyên môn": "Thạc sĩ",
    "Chuyên ngành": "Quản lý đất đai",
    "Lý luận chính trị": "Trung cấp",
    "Quản lý nhà nước": "Chuyên viên chính",
    "Tin học": "Ứng dụng CNTT cơ bản",
    "Ngoại ngữ": "Tiếng Anh B1",
    "Ngày vào công tác": "01/03/2010",
    "Xếp loại 2021": "Hoàn thành tốt nhiệm vụ",
    "Xếp loại 2022": "HTXSNV",
    "Xếp loại 2023": "",
    "Xếp loại 2024": "Hoàn thành nhiệm vụ",
    "Xếp loại 2025": "Không hoàn thành nhiệm vụ",
    "Quá trình công tác": "01/03/2010|31/12/2015|Phường Đoàn Kết|VP|CC; "
    "01/01/2016|31/08/2026|000.01.29.H29|VP|TP",
}


def _row(base=BASE, **over) -> list:
    values = RECORD | over
    return list(base) + [values.get(h, "") for h in OPTIONAL]


def _file(rows, headers=ALL) -> str:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    handle = tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)
    handle.write(buffer.getvalue())
    handle.close()
    return handle.name


def test_record_past_classifications_and_history_are_imported(world):
    call_command("import-people", _file([_row()]))
    lan = Person.objects.get(code="TP-9")
    assert (lan.id_number, lan.hometown, lan.party_member) == ("012345678901", world.doanket, True)
    assert (lan.education, lan.major, lan.political_theory, lan.state_management) == (
        4,
        "Quản lý đất đai",
        2,
        2,
    )
    assert lan.service_start == date(2010, 3, 1) and lan.foreign_language == "Tiếng Anh B1"
    assert dict(lan.past_classifications.values_list("year", "level")) == {
        2021: "good",
        2022: "excellent",
        2024: "complete",
        2025: "fail",
    }
    posts = list(Post.objects.filter(person=lan).order_by("start"))
    assert [(p.start, p.end, p.organization) for p in posts] == [
        (date(2010, 3, 1), date(2015, 12, 31), world.doanket),
        (date(2016, 1, 1), date(2026, 8, 31), world.tanphong),
        (date(2026, 9, 1), None, world.tp_office),
    ]
    assert posts[1].title == world.head_title
    assert AuditEntry.objects.filter(action="people.import_person", object_id=str(lan.pk)).exists()


def test_imported_past_classification_is_used_by_the_succession_check(world):
    call_command("import-people", _file([_row()]))
    lan = Person.objects.get(code="TP-9")
    candidate = PlanningCandidate(
        person=lan,
        term=create_term(None, 2026),
        title=world.head_title,
        organization=world.tanphong,
    )
    failed = [c.text for c in check_candidate(candidate) if not c.ok]
    assert any("2025" in text for text in failed)
    # The same person with a good 2025 passes that criterion.
    call_command("import-people", _file([_row(**{"Xếp loại 2025": "Hoàn thành tốt nhiệm vụ"})]))
    assert PastClassification.objects.get(person=lan, year=2025).level == "good"
    assert not any("2025" in c.text for c in check_candidate(candidate) if not c.ok)


def test_reimport_changes_nothing_twice(world, capsys):
    path = _file([_row()])
    call_command("import-people", path)
    call_command("import-people", path)
    lan = Person.objects.get(code="TP-9")
    assert lan.posts.count() == 3 and lan.past_classifications.count() == 4


def test_old_files_without_the_optional_columns_still_work(world):
    call_command("import-people", _file([BASE], HEADERS))
    assert Person.objects.get(code="TP-9").id_number is None


@pytest.mark.parametrize(
    "over, message",
    [
        ({"Số CCCD": "12345"}, "12 chữ số"),
        ({"Ngày vào công tác": "01/01/2099"}, "tương lai"),
        ({"Xếp loại 2024": "Giỏi"}, "Xếp loại 2024"),
        ({"Quá trình công tác": "01/01/2016|31/12/2015|Phường Đoàn Kết|VP|CC"}, "trước từ ngày"),
        ({"Quá trình công tác": "01/01/2016|31/12/2099|Phường Đoàn Kết|VP|CC"}, "tương lai"),
        ({"Quê quán": "Xã Không Có"}, "Quê quán"),
        ({"Lý luận chính trị": "Siêu cấp"}, "Lý luận chính trị"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(world, capsys, over, message):
    with pytest.raises(CommandError):
        call_command("import-people", _file([_row(**over)]))
    assert message in capsys.readouterr().out
    assert not Person.objects.filter(code="TP-9").exists()
    assert not PastClassification.objects.exists()


def test_future_start_of_the_post_is_refused(world, capsys):
    base = BASE[:8] + ["01/01/2099"]
    with pytest.raises(CommandError):
        call_command("import-people", _file([_row(base)]))
    assert "tương lai" in capsys.readouterr().out
    assert not Person.objects.filter(code="TP-9").exists()


def test_duplicate_id_number_is_refused(world, capsys):
    Person.objects.filter(pk=world.people["staff"].pk).update(id_number="012345678901")
    with pytest.raises(CommandError):
        call_command("import-people", _file([_row()]))
    assert "đã được ghi cho công chức khác (mã TP-1)" in capsys.readouterr().out
    assert not Person.objects.filter(code="TP-9").exists()


def test_duplicate_id_number_within_the_file_is_refused(world, capsys):
    second = ["TP-10"] + BASE[1:]
    with pytest.raises(CommandError):
        call_command("import-people", _file([_row(), _row(second)]))
    assert "trùng với dòng 2" in capsys.readouterr().out
    assert not Person.objects.filter(code__in=["TP-9", "TP-10"]).exists()


def test_import_of_a_second_chairman_is_refused(world, capsys):
    world.chair_title.single_holder = True
    world.chair_title.save()
    base = BASE[:5] + ["Phường Tân Phong", "", "CHU_TICH", "01/09/2026"]
    with pytest.raises(CommandError):
        call_command("import-people", _file([_row(base)]))
    assert "đang có Chủ tịch UBND (mã TP-5)" in capsys.readouterr().out
    assert not Person.objects.filter(code="TP-9").exists()
