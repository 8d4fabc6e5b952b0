"""End to end: a provincial document, its 04, 05 (StaffInfo) and a late 06, in every arrival
order, through `canbo import-edxml`, the API and a watched drop folder."""

import shutil
from datetime import date
from itertools import permutations
from pathlib import Path

import pytest
from django.core.management import call_command

from canbo.integration.imports.models import RejectedPayload
from canbo.work.models import Task
from tests.integration.conftest import bearer

CORPUS = Path(__file__).parent / "edxml" / "corpus"
FLOW = ["a_document_two_communes.xml", "a_status04.xml", "a_status05.xml", "a_status06_late.xml"]
ORDERS = list(permutations(FLOW))
TP_TASK = "000.00.00.H29,2026/10/01,4521/UBND-NC@000.01.29.H29"


def assert_completed_late(world) -> None:
    task = Task.objects.get(external_id=TP_TASK)
    assert task.assignee == world.people["staff"]  # named by the 05
    assert task.organization == world.tp_office
    assert (task.assigned_date, task.due_date) == (date(2026, 10, 2), date(2026, 10, 20))
    assert task.status == "completed" and task.completed_date == date(2026, 10, 22)
    assert task.delays == 1
    assert list(task.delay_records.values_list("kind", flat=True)) == ["late_completion"]
    assert not RejectedPayload.objects.filter(status="pending").exists()


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: "-".join(n[2:8] for n in o))
def test_command_in_every_order(world, order, capsys):
    for name in order:
        call_command("import-edxml", str(CORPUS / name))
    assert_completed_late(world)
    assert Task.objects.count() == 1  # Đoàn Kết's copy has no status yet, so no task


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: "-".join(n[2:8] for n in o))
def test_api_in_every_order(client, world, clients, order):
    for name in order:
        response = client.post(
            "/api/v1/edxml",
            (CORPUS / name).read_bytes(),
            content_type="application/xml",
            **bearer(clients["tanphong"]),
        )
        assert response.status_code in (200, 202), response.json()
    assert_completed_late(world)


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: "-".join(n[2:8] for n in o))
def test_drop_folder_in_every_order(world, order, tmp_path, capsys):
    for name in order:
        shutil.copy(CORPUS / name, tmp_path / name)
        call_command("import-edxml", "--watch", str(tmp_path), "--once")
    assert_completed_late(world)
    assert sorted(p.name for p in (tmp_path / "done").iterdir()) == sorted(FLOW)
    assert not list(tmp_path.glob("*.xml")) and not list((tmp_path / "failed").iterdir())


def test_drop_folder_moves_refused_files_with_their_report(world, tmp_path, capsys):
    shutil.copy(Path(__file__).parent / "edxml" / "billion_laughs.xml", tmp_path)
    (tmp_path / "half.part").write_bytes(b"<edXML")
    call_command("import-edxml", "--watch", str(tmp_path), "--once", "--interval", "0.1")
    assert (tmp_path / "failed" / "billion_laughs.xml").exists()
    assert "bị cấm" in (tmp_path / "failed" / "billion_laughs.xml.log").read_text()
    assert (tmp_path / "half.part").exists()  # not complete yet: left alone


def test_each_commune_has_its_own_task(world, capsys):
    names = [
        "a_document_two_communes.xml",
        "a_status05.xml",
        "a_status06_late.xml",
        "b_status05_doanket.xml",
        "b_status06_doanket.xml",
    ]
    call_command("import-edxml", *[str(CORPUS / n) for n in names])
    tp = Task.objects.get(external_id=TP_TASK)
    dk = Task.objects.get(external_id=TP_TASK.replace("000.01.29.H29", "000.02.29.H29"))
    assert (tp.assignee, tp.delays) == (world.people["staff"], 1)
    assert dk.assignee == world.people["outsider"] and dk.organization == world.dk_office
    assert (dk.status, dk.completed_date, dk.delays) == ("completed", date(2026, 10, 12), 0)
