"""The generated files open in LibreOffice (what offices print with): converted to PDF."""

import shutil
import subprocess

import pytest

from tests.reports.test_export_command import export

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    OFFICE is None,
    reason="LibreOffice không có trên máy: bỏ qua kiểm tra chuyển PDF "
    "(apt-get install libreoffice-writer-nogui libreoffice-calc-nogui)",
)


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_converts_to_pdf(world, published, tmp_path, kind):
    source = tmp_path / f"tanphong.{kind}"
    export("--period", "2026-10", "--org", "Phường Tân Phong", "-o", str(source))
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not collide
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
    pdf = tmp_path / "tanphong.pdf"
    assert completed.returncode == 0, completed.stderr
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF"), completed.stdout
    assert pdf.stat().st_size > 1000
