"""Row visibility over every page: rows of another commune, planted in the data, never appear
on any page a persona may open (the permission matrix checks status codes; this checks rows).

Generated from the same matrix, so a new page is covered as soon as it has a row there."""

from datetime import date

import pytest
from django.urls import resolve, reverse

from tests.factories import make_talent
from tests.test_permission_matrix import MATRIX, _october

# What Đoàn Kết's rows print, and what Tân Phong's do: names and codes of people and tasks.
DOANKET_MARKS = (
    "Tẩn Láo Lở",
    "DK-1",
    "Nhiệm vụ riêng của Đoàn Kết",
    "Sinh viên Đoàn Kết",
    "goi-doan-ket.xml",
    "lo-doan-ket.xlsx",
)
TANPHONG_MARKS = (
    "Nguyễn Văn An",
    "Lò Thị Mai",
    "Giàng A Páo",
    "TP-1",
    "TP-2",
    "TP-3",
    "Nhiệm vụ riêng của Tân Phong",
    "Sinh viên Tân Phong",
    "goi-tan-phong.xml",
    "lo-tan-phong.xlsx",
)


def _plant(w):
    """Rows of both wards in every register a list page shows."""
    from canbo.cadre.models import CapacityFlag, Enrolment, Programme, TrainingClass
    from canbo.cadre.services.records import record_conclusion
    from canbo.evaluation.services.periods import open_period
    from canbo.people.models import LeavePeriod
    from canbo.work.task_services import assign_task

    _october(w)
    open_period(w.users["personnel"], w.doanket, date(2026, 10, 1))
    for key, name in (("outsider", DOANKET_MARKS[2]), ("colleague", TANPHONG_MARKS[-1])):
        person = w.people[key]
        assign_task(
            None, name=name, assignee=person, assigned_date=date(2026, 10, 2), coefficient=1
        )
        LeavePeriod.objects.create(
            person=person,
            start=date(2026, 3, 1),
            kind="sick",
            end=date(2026, 3, 6),
            evidence="Giấy ra viện",
        )
        record_conclusion(
            w.users["personnel"],
            person,
            "degradation",
            "Đảng ủy",
            "01-KL",
            date(2026, 5, 1),
            "Kết luận",
        )
        CapacityFlag.objects.create(
            person=person, active=True, reason="Kết luận kiểm tra", flagged_on=date(2026, 1, 5)
        )
    programme = Programme.objects.create(name="Tin học", kind="it")
    tc = TrainingClass.objects.create(
        programme=programme,
        name="Lớp tin học",
        start=date(2026, 1, 1),
        end=date(2026, 2, 1),
        capacity=9,
    )
    for key in ("outsider", "colleague"):
        Enrolment.objects.create(training_class=tc, person=w.people[key])
    _plant_registers(w)


def _plant_registers(w):
    """Annual results, dossiers, the talent pool, kept payloads and import batches of both
    wards (each named by a mark of its ward)."""
    from django.utils import timezone

    from canbo.evaluation.models import AnnualResult
    from canbo.feedback.models import Dossier
    from canbo.integration.imports.models import ImportBatch, RejectedPayload

    month = timezone.localdate().replace(day=1)
    wards = (
        ("outsider", w.doanket, w.dk_office, "Đoàn Kết", "doan-ket"),
        ("colleague", w.tanphong, w.tp_office, "Tân Phong", "tan-phong"),
    )
    for key, commune, unit, name, slug in wards:
        person = w.people[key]
        AnnualResult.objects.create(
            person=person, year=2026, organization=commune, classification="good", status="final"
        )
        Dossier.objects.create(
            organization=commune,
            code=f"HS-{slug}",
            received_date=month,
            officer=person,
            unit=unit,
            month=month,
        )
        make_talent(f"Sinh viên {name}", commune, month.year, w.position.field)
        RejectedPayload.objects.create(
            organization=unit, endpoint="upload", name=f"goi-{slug}.xml", body=b"<x/>"
        )
        uploader = w.users["outsider" if key == "outsider" else "staff"]
        ImportBatch.objects.create(
            kind="tasks",
            file_name=f"lo-{slug}.xlsx",
            content=b"",
            sha256="0" * 64,
            uploaded_by=uploader,
            organization=unit,
        )


def _leaks(client, world, persona: str, marks: tuple[str, ...]) -> tuple[list[str], int]:
    """(marks found on pages, number of HTML pages read)."""
    client.force_login(world.users[persona])
    found, read = [], 0
    for name, cases in sorted(MATRIX.items()):
        for case in cases:
            if case.method != "get" or case.statuses.get(persona) != 200:
                continue
            url = reverse(name, kwargs=case.kwargs(world))
            if not getattr(resolve(url).func, "login_required", True):
                continue  # a public page (the citizens' rating page): it shows what its token names
            response = client.get(url)
            if response.status_code != 200 or response.streaming:
                continue
            if "html" not in response.get("Content-Type", ""):
                continue
            text, read = response.content.decode(), read + 1
            found += [f"{name} {url}: {mark}" for mark in marks if mark in text]
    return found, read


@pytest.mark.parametrize("persona", ["staff", "head", "chair"])
def test_tanphong_personas_never_see_doanket_rows(client, world, persona):
    _plant(world)
    leaks, read = _leaks(client, world, persona, DOANKET_MARKS)
    assert not leaks
    assert read >= {"staff": 15, "head": 35, "chair": 35}[persona]  # not vacuous


def test_the_outsider_never_sees_tanphong_rows(client, world):
    _plant(world)
    leaks, read = _leaks(client, world, "outsider", TANPHONG_MARKS)
    assert not leaks
    assert read >= 12


def test_the_planted_rows_do_show_where_they_belong(client, world):
    """The check above could pass by showing nothing: the province sees both wards' rows."""
    _plant(world)
    client.force_login(world.users["personnel"])
    tasks = client.get(reverse("work:tasks")).content.decode()
    assert DOANKET_MARKS[2] in tasks and TANPHONG_MARKS[-1] in tasks
    people = client.get(reverse("people:list")).content.decode()
    assert "Tẩn Láo Lở" in people and "Nguyễn Văn An" in people


def test_the_other_registers_show_where_they_belong(client, world):
    """The registers planted for the walk do show their rows: the province reads both wards'
    kept payloads, talent pool and dossiers; a ward's head reads its own payload only, and
    nobody else's upload."""
    _plant(world)
    pages = {
        "imports": reverse("integration:imports"),
        "talent": reverse("cadre:talent"),
        "feedback": reverse("feedback:index"),
    }
    client.force_login(world.users["personnel"])
    seen = {key: client.get(url).content.decode() for key, url in pages.items()}
    assert "goi-doan-ket.xml" in seen["imports"] and "goi-tan-phong.xml" in seen["imports"]
    assert "Sinh viên Đoàn Kết" in seen["talent"] and "Sinh viên Tân Phong" in seen["talent"]
    assert "Tẩn Láo Lở" in seen["feedback"] and "Lò Thị Mai" in seen["feedback"]
    client.force_login(world.users["head"])
    imports = client.get(pages["imports"]).content.decode()
    assert "goi-tan-phong.xml" in imports and "goi-doan-ket.xml" not in imports
    assert "lo-tan-phong.xlsx" not in imports  # the staff member's upload, not the head's
