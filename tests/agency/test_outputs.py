"""Contract JSON (command and API), xlsx/docx open and hold the numbers, pages and scope."""

import json

from django.core.management import call_command
from docx import Document
from openpyxl import load_workbook

from canbo.agency import workflow
from canbo.integration.services import create_client
from tests.agency.conftest import YEAR, evaluation_of
from tests.agency.test_workflow import ENTERED, _leader
from tests.integration.conftest import bearer

TWO_DECIMALS = r"^-?\d+\.\d{2}$"


def _json_rows(capsys) -> list[dict]:
    call_command("agency-report", year=str(YEAR), format="json")
    return json.loads(capsys.readouterr().out)


def test_contract_json_fields_and_formatting(agency_world, capsys):
    import re

    rows = _json_rows(capsys)
    assert len(rows) == 2  # one row per commune
    row = next(r for r in rows if r["code"] == agency_world.tanphong.code)
    assert set(row) == {
        "code",
        "name",
        "general",
        "task",
        "total",
        "level",
        "status",
        "criteria",
        "indicators",
    }
    assert row["general"] == "2.73" and row["task"] == "24.63" and row["total"] == "27.36"
    assert row["level"] in ("excellent", "good", "complete", "fail") and row["level"] == "fail"
    assert row["status"] == "draft"
    for criterion in row["criteria"]:
        assert set(criterion) == {"name", "points", "max", "source"}
        assert re.match(TWO_DECIMALS, criterion["points"]) and re.match(
            TWO_DECIMALS, criterion["max"]
        )
        assert criterion["source"] in ("computed", "entered")
    work = next(c for c in row["criteria"] if c["name"].startswith("II.2"))
    assert work == {"name": work["name"], "points": "10.63", "max": "15.00", "source": "computed"}
    income = row["indicators"][0]
    assert income == {
        "name": "Thu nhập",
        "unit": "triệu đồng",
        "target": "100.00",
        "actual": "90.00",
        "points": "3.20",
    }


def test_xlsx_and_docx_open_and_hold_the_numbers(agency_world, tmp_path):
    xlsx_path, docx_path = tmp_path / "t.xlsx", tmp_path / "t.docx"
    call_command("agency-report", year=str(YEAR), format="xlsx", output=str(xlsx_path))
    call_command("agency-report", year=str(YEAR), format="docx", output=str(docx_path))
    ws = load_workbook(xlsx_path).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    tanphong = next(r for r in values if r[2] == "Phường Tân Phong")
    assert tanphong[3] == 2.73 and tanphong[5] == 27.36
    assert tanphong[6] == "Không hoàn thành nhiệm vụ" and tanphong[8] == 3.2
    doc = Document(str(docx_path))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in "\n".join(
        c.text for t in doc.tables for row in t.rows for c in row.cells
    )
    assert "27.36" in text and "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CƠ QUAN" in text
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "10.63" in cells and "3.20" in cells


def test_api_gives_published_rows_in_scope_only(agency_world, client):
    w = agency_world
    for ward in (w.tanphong, w.doanket):
        evaluation = evaluation_of(ward)
        workflow.save_self_assessment(None, evaluation, ENTERED)
        workflow.submit_self_assessment(None, evaluation)
        workflow.review_evaluation(None, evaluation, {}, "Thống nhất.")
        workflow.approve_evaluation(_leader(w) if ward == w.tanphong else None, evaluation)
    _, tp_token = create_client(None, "TP", w.tanphong, ["agency:read"])
    _, province_token = create_client(None, "Tỉnh", w.province, ["agency:read"])
    _, bare = create_client(None, "Không quyền", w.province, ["results:read"])
    rows = client.get("/api/v1/agency/results", {"year": YEAR}, **bearer(tp_token)).json()
    assert [r["code"] for r in rows] == [w.tanphong.code]
    assert rows[0]["total"] == "81.86" and rows[0]["level"] == "good"
    assert rows[0]["status"] == "published"
    every = client.get("/api/v1/agency/results", {"year": YEAR}, **bearer(province_token))
    assert len(every.json()) == 2
    denied = client.get("/api/v1/agency/results", {"year": YEAR}, **bearer(bare))
    assert denied.status_code == 403


def test_pages_never_show_another_communes_row(agency_world, client):
    w = agency_world
    client.force_login(w.users["chair"])
    other = evaluation_of(w.doanket)
    assert client.get(f"/agency/evaluations/{other.pk}/").status_code == 404
    assert client.get(f"/reports/agency/{other.pk}.docx").status_code == 404
    own = client.get(f"/agency/evaluations/{evaluation_of(w.tanphong).pk}/")
    assert own.status_code == 200 and "Phường Đoàn Kết" not in own.content.decode()
    page = client.get(f"/agency/{YEAR}/indicators/?org={w.doanket.pk}")
    assert page.status_code == 404
    page = client.get(f"/agency/{YEAR}/indicators/").content.decode()
    assert "Phường Tân Phong" in page and "Phường Đoàn Kết" not in page
    assert client.get(f"/agency/{YEAR}/").status_code == 403  # the comparison is provincial
    client.force_login(w.users["personnel"])
    page = client.get(f"/agency/{YEAR}/").content.decode()
    assert "Phường Đoàn Kết" in page and "Phường Tân Phong" in page and "<svg" in page


def test_self_assessment_through_the_page(agency_world, client):
    w = agency_world
    client.force_login(w.users["chair"])
    evaluation = evaluation_of(w.tanphong)
    data = {"action": "save", "points_I.1": "9", "evidence_I.1": "BC"}
    response = client.post(f"/agency/evaluations/{evaluation.pk}/action/", data, follow=True)
    assert "nằm ngoài khoảng 0 – 8" in response.content.decode()
    data = {"action": "save", "points_I.1": "7,5", "evidence_I.1": "BC 1"}
    client.post(f"/agency/evaluations/{evaluation.pk}/action/", data)
    assert str(evaluation.scores.get(criterion__code="I.1").self_points) == "7.50"


def test_actual_entry_page_checks_the_upload(agency_world, client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from canbo.agency.models import Actual

    settings.MEDIA_ROOT = tmp_path
    w = agency_world
    client.force_login(w.users["chair"])
    url = f"/agency/{YEAR}/indicators/enter/"
    bad = SimpleUploadedFile("virus.exe", b"MZ")
    response = client.post(
        url,
        {"indicator": w.income.pk, "value": "97", "source": "TK", "evidence_file": bad},
        follow=True,
    )
    assert "Tệp minh chứng phải là PDF" in response.content.decode()
    assert Actual.objects.get(indicator=w.income, organization=w.tanphong).value == 90
    good = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4")
    client.post(
        url, {"indicator": w.income.pk, "value": "97,5", "source": "TK", "evidence_file": good}
    )
    actual = Actual.objects.get(indicator=w.income, organization=w.tanphong)
    assert str(actual.value) == "97.50" and actual.evidence_file.name.endswith(".pdf")
    # another commune's indicator row cannot be written from Tân Phong
    client.post(
        url,
        {
            "org": w.doanket.pk,
            "indicator": w.income.pk,
            "value": "1",
            "source": "TK",
            "evidence": "BC",
        },
    )
    assert Actual.objects.get(indicator=w.income, organization=w.doanket).value == 60


def test_comparison_page_query_count_is_pinned(agency_world, client, django_assert_max_num_queries):
    client.force_login(agency_world.users["personnel"])
    with django_assert_max_num_queries(10):
        assert client.get(f"/agency/{YEAR}/").status_code == 200
