"""`canbo plan-report`: the JSON contract, overdue against --as-of, the .xlsx and .docx."""

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from canbo.core.models import AuditEntry
from canbo.oversight import plan_data
from canbo.oversight.models import ActionStatus, ActionUpdate, PlanAction

FIELDS = {"section", "text", "owner", "deadline", "cadence", "status", "overdue", "indicators"}


def run(*args) -> dict:
    out = io.StringIO()
    call_command("plan-report", *args, stdout=out)
    return json.loads(out.getvalue())


def by_text(report: dict, code: str) -> dict:
    text = next(a.text for a in plan_data.ACTIONS if a.code == code)
    return next(a for a in report["actions"] if a["text"] == text)


def test_json_has_the_contract_fields_for_every_action(bodies):
    report = run("--format", "json", "--as-of", "2026-07-15")
    assert set(report) == {"as_of", "actions"}
    assert report["as_of"] == "2026-07-15"
    assert len(report["actions"]) == len(plan_data.ACTIONS) == 30
    for row in report["actions"]:
        assert set(row) == FIELDS
        for indicator in row["indicators"]:
            assert set(indicator) == {"name", "value"}
    job = by_text(report, "II.2.1.b")
    assert job == job | {
        "section": "II.2.1",
        "owner": plan_data.SNV,
        "deadline": "2026-06-30",
        "cadence": "deadline",
        "status": "not_started",
        "overdue": True,
    }
    assert [i["value"] for i in job["indicators"]] == ["0/2"]


def test_overdue_is_computed_against_as_of(bodies, action):
    assert by_text(run("--as-of", "2026-06-30"), "II.2.1.b")["overdue"] is False
    assert by_text(run("--as-of", "2026-07-01"), "II.2.1.b")["overdue"] is True
    ActionUpdate.objects.create(
        action=action, on=date(2026, 7, 5), status=ActionStatus.DONE, note="Đã phê duyệt"
    )
    assert by_text(run("--as-of", "2026-07-04"), "II.2.1.b")["overdue"] is True
    done = by_text(run("--as-of", "2026-07-06"), "II.2.1.b")
    assert (done["status"], done["overdue"]) == ("done", False)


def test_a_yearly_action_reopens_each_year(bodies):
    training = PlanAction.objects.get(code="II.2.4")  # hằng năm, due 31/03
    ActionUpdate.objects.create(
        action=training, on=date(2026, 3, 20), status=ActionStatus.DONE, note="Kế hoạch năm 2026"
    )
    this_year = by_text(run("--as-of", "2026-11-30"), "II.2.4")
    assert (this_year["status"], this_year["overdue"], this_year["deadline"]) == (
        "done",
        False,
        "2026-03-31",
    )
    early_next = by_text(run("--as-of", "2027-02-01"), "II.2.4")
    assert (early_next["status"], early_next["overdue"], early_next["deadline"]) == (
        "not_started",
        False,
        "2027-03-31",
    )
    assert by_text(run("--as-of", "2027-04-01"), "II.2.4")["overdue"] is True


def test_continuous_and_conditional_actions_are_never_overdue(bodies):
    report = run("--as-of", "2030-01-01")
    for code in ("II.1", "II.2.2.c", "III.4"):
        row = by_text(report, code)
        assert (row["deadline"], row["overdue"]) == (None, False)


def test_xlsx_and_docx_open_and_hold_every_action(bodies, tmp_path, action):
    ActionUpdate.objects.create(
        action=action, on=date(2026, 6, 29), status=ActionStatus.DONE, note="Phê duyệt 34/38 xã"
    )
    xlsx, docx = tmp_path / "plan.xlsx", tmp_path / "plan.docx"
    call_command(
        "plan-report",
        "--format",
        "xlsx",
        "--as-of",
        "2026-11-30",
        "-o",
        str(xlsx),
        stdout=io.StringIO(),
    )
    call_command(
        "plan-report",
        "--format",
        "docx",
        "--as-of",
        "2026-11-30",
        "-o",
        str(docx),
        stdout=io.StringIO(),
    )
    sheet = load_workbook(xlsx).active
    texts = {row[1] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert {a.text for a in plan_data.ACTIONS} <= texts
    notes = {row[9] for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert "Phê duyệt 34/38 xã" in notes
    document = Document(docx)
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert {a.text for a in plan_data.ACTIONS} <= cells
    assert any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cell for cell in cells)
    assert any("Đã hoàn thành" in cell for cell in cells)
    assert any("30/11/2026" in p.text for p in document.paragraphs)


@pytest.mark.parametrize("as_of", ["2026-13-01", "30/11/2026", "hôm qua"])
def test_a_bad_date_is_refused_in_vietnamese_and_nothing_is_written(bodies, tmp_path, as_of):
    target = tmp_path / "plan.docx"
    with pytest.raises(CommandError, match="Ngày không hợp lệ"):
        call_command("plan-report", "--format", "docx", "--as-of", as_of, "-o", str(target))
    assert not target.exists()


def test_a_bad_format_is_refused(bodies):
    with pytest.raises(CommandError, match="không hợp lệ: chọn json, xlsx hoặc docx"):
        call_command("plan-report", "--format", "pdf")


def test_the_plan_loads_once(bodies):
    audits = AuditEntry.objects.filter(action="oversight.load_action").count()
    from canbo.oversight.plan_services import load_plan

    assert load_plan() == 0
    assert PlanAction.objects.count() == 30
    assert AuditEntry.objects.filter(action="oversight.load_action").count() == audits
