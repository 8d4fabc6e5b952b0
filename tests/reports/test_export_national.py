"""`canbo export-national`: the finalised annual rows in the documented format 1.0."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from canbo.evaluation.choices import AnnualStatus
from canbo.evaluation.models import AnnualResult
from canbo.reports.national import FIELDS
from tests.reports.annual_world import build_year_end


def run(*args) -> str:
    out = StringIO()
    call_command("export-national", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def year_end(world):
    year_end = build_year_end(world)
    AnnualResult.objects.filter(pk=year_end.rows["E3"].pk).update(
        status=AnnualStatus.FINAL, finalised_at=timezone.now()
    )
    return year_end


def test_json_holds_the_finalised_rows_with_their_keys(world, year_end):
    data = json.loads(run("--year", "2026", "--format", "json"))
    assert (data["format"], data["version"], data["data_group"]) == (
        "canbo.national-cadre.evaluation",
        "1.0",
        "đánh giá, xếp loại",
    )
    assert data["year"] == 2026 and data["source"]["organization_code"] == "000.00.00.H29"
    records = {r["person_code"]: r for r in data["records"]}
    assert set(records) == {"E-3", "DK-1"}  # the drafts are not exported
    e3 = records["E-3"]
    assert list(e3) == FIELDS
    assert e3["personal_id"] is None  # not held by the Person model yet
    assert (e3["score_level"], e3["final_level"], e3["final_label"]) == (
        "excellent",
        "good",
        "Hoàn thành tốt nhiệm vụ",
    )
    assert (e3["decision"], e3["reason"], e3["average"]) == ("15/QĐ-UBND", "Vượt tỷ lệ", "95.00")
    assert e3["organization_code"] == world.tanphong.code and e3["birth_date"] == "1985-06-15"


def test_csv_of_one_commune(world, year_end, tmp_path):
    target = tmp_path / "dk.csv"
    message = run("--year", "2026", "--org", "Phường Đoàn Kết", "-o", str(target))
    assert "1 người" in message
    raw = target.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 1 and rows[0]["format_version"] == "1.0"
    assert rows[0]["person_code"] == "DK-1" and rows[0]["final_level"] == "good"
    assert rows[0]["personal_id"] == "" and rows[0]["overrides"] == ""


@pytest.mark.parametrize(
    "args, message",
    [
        (["--year", "2026", "--format", "xml"], "Định dạng “xml” không hợp lệ"),
        (["--year", "2026", "--format", "csv", "-o", "x.json"], "không có đuôi .csv"),
        (["--year", "2025"], "Chưa có kết quả năm 2025 đã chốt"),
        (["--year", "x"], "Năm “x” không hợp lệ"),
    ],
)
def test_bad_arguments(world, year_end, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


@pytest.mark.parametrize("command", ["export", "annual-report", "export-national"])
def test_help_prints(command, capsys):
    from django.core.management import load_command_class

    load_command_class("canbo.reports", command).print_help("canbo", command)
    assert "--org" in capsys.readouterr().out
