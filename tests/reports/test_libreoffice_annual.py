"""The annual report files open in LibreOffice (what offices print with): converted to PDF."""

import subprocess

import pytest
from django.core.management import call_command

from tests.reports.annual_world import build_year_end
from tests.reports.test_libreoffice import OFFICE, pytestmark  # noqa: F401  (skip without it)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_annual_report_converts_to_pdf(world, tmp_path, kind):
    build_year_end(world)
    source = tmp_path / f"tinh.{kind}"
    call_command("annual-report", "--year", "2026", "-o", str(source))
    profile = tmp_path / "lo-profile"
    completed = subprocess.run(
        [
            OFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "tinh.pdf"
    assert completed.returncode == 0, completed.stderr
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), completed.stdout
    assert pdf.stat().st_size > 1000
