import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

CASE = {
    "general": [9, 8, 8],
    "items": [
        {
            "quantity": 5,
            "coefficient": 1.2,
            "completed": True,
            "quality_failures": 1,
            "objective_quality_failures": 0,
            "delays": 2,
            "objective_delays": 1,
        }
    ],
}


def run(tmp_path, capsys, data):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("score", str(path))
    return json.loads(capsys.readouterr().out)


def test_scores_a_case_from_a_file(tmp_path, capsys):
    result = run(tmp_path, capsys, CASE)
    assert result["a"] == 1.0 and result["b"] == pytest.approx(0.95)
    assert result["task_score"] == pytest.approx(70 * 2.9 / 3)
    assert result["classification"] == "excellent"
    assert result["label"] == "Hoàn thành xuất sắc nhiệm vụ"


def test_year_case(tmp_path, capsys):
    year = {
        "year": {
            "periods": [
                {"total": 91.5, "worked": True},
                {"total": 60, "worked": False},
                {"total": 88.5, "worked": True},
            ]
        }
    }
    result = run(tmp_path, capsys, year)
    assert result["total"] == pytest.approx(90.0)
    assert result["classification"] == "excellent"


def test_bad_case_names_the_field(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"general": [9, 8, 11], "items": []}), encoding="utf-8")
    with pytest.raises(CommandError, match=r"general\[2\]"):
        call_command("score", str(path))


def test_console_script_reads_stdin_and_fails_cleanly():
    canbo = [sys.executable, "-m", "canbo.cli", "score"]
    ok = subprocess.run(canbo, input=json.dumps(CASE), capture_output=True, text=True)
    assert ok.returncode == 0 and json.loads(ok.stdout)["classification"] == "excellent"
    bad = subprocess.run(canbo, input="{oops", capture_output=True, text=True)
    assert bad.returncode != 0 and "JSON không hợp lệ" in bad.stderr
