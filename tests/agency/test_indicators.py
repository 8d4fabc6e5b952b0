"""Indicator bad input: actual without evidence, missing target, a set changed after actuals."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.agency import actuals, indicators
from canbo.agency.errors import AgencyError
from canbo.agency.models import Actual, IndicatorSet, Target
from tests.agency.conftest import YEAR, evaluation_of


def test_actual_without_evidence_is_refused(agency_world):
    w = agency_world
    before = Actual.objects.get(indicator=w.income, organization=w.tanphong).value
    with pytest.raises(AgencyError) as caught:
        actuals.enter_actual(w.users["chair"], w.income, w.tanphong, "95", "Thống kê", "")
    assert "minh chứng" in caught.value.message
    assert Actual.objects.get(indicator=w.income, organization=w.tanphong).value == before


def test_actual_without_target_is_refused(agency_world):
    w = agency_world
    Target.objects.filter(indicator=w.income, organization=w.tanphong).delete()
    Actual.objects.filter(indicator=w.income, organization=w.tanphong).delete()
    with pytest.raises(AgencyError) as caught:
        actuals.enter_actual(w.users["chair"], w.income, w.tanphong, "95", "TK", "BC 1")
    assert "chưa giao chỉ tiêu" in caught.value.message
    assert not Actual.objects.filter(indicator=w.income, organization=w.tanphong).exists()


def test_evidence_file_checks(agency_world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = agency_world
    bad = SimpleUploadedFile("x.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(AgencyError) as caught:
        actuals.enter_actual(w.users["chair"], w.income, w.tanphong, "95", "TK", "", bad)
    assert "PDF" in caught.value.message
    good = SimpleUploadedFile("bc.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    actual = actuals.enter_actual(w.users["chair"], w.income, w.tanphong, "95", "TK", "", good)
    assert actual.evidence_file.name.endswith(".pdf") and actual.value == 95


def test_a_commune_cannot_enter_for_another(agency_world):
    w = agency_world
    with pytest.raises(AgencyError):
        actuals.enter_actual(w.users["chair"], w.income, w.doanket, "1", "TK", "BC")


def test_changing_a_set_after_actuals_makes_a_new_version(agency_world):
    w = agency_world
    with pytest.raises(AgencyError) as caught:
        indicators.revise_indicator(w.users["personnel"], w.income, {"max_points": 6})
    assert "phiên bản 2" in caught.value.message
    w.income.refresh_from_db()
    assert w.income.max_points == 4  # never a silent rewrite
    copy = indicators.revise_indicator(
        w.users["personnel"], w.income, {"max_points": 6}, new_version=True
    )
    old = IndicatorSet.objects.get(pk=w.indicator_set.pk)
    assert old.status == "superseded" and old.indicators.get(code="TN").max_points == 4
    assert Actual.objects.filter(indicator__indicator_set=old).count() == 4  # kept
    assert copy.indicator_set.version == 2 and copy.max_points == 6
    assert copy.targets.count() == 2 and copy.actuals.count() == 2  # carried over
    assert evaluation_of(w.tanphong).indicator_set_id == copy.indicator_set_id
    assert copy.indicator_set.year == YEAR


def test_province_reviews_actuals(agency_world):
    w = agency_world
    actual = Actual.objects.get(indicator=w.income, organization=w.tanphong)
    with pytest.raises(AgencyError):
        actuals.review_actual(w.users["personnel"], actual, False, "")
    actuals.review_actual(w.users["personnel"], actual, True)
    with pytest.raises(AgencyError):  # accepted: no longer changed by the commune
        actuals.enter_actual(w.users["chair"], w.income, w.tanphong, "1", "TK", "BC")


def test_import_is_all_or_nothing_with_a_row_report(agency_world, tmp_path):
    from io import BytesIO, StringIO

    from django.core.management import CommandError, call_command
    from openpyxl import Workbook

    w = agency_world

    def book(rows) -> bytes:
        wb = Workbook()
        wb.active.append(["Mã xã", "Mã chỉ tiêu", "Thực hiện", "Nguồn", "Minh chứng"])
        for row in rows:
            wb.active.append(row)
        buffer = BytesIO()
        wb.save(buffer)
        return buffer.getvalue()

    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(
        book([[w.tanphong.code, "TN", 99, "TK", "BC 9"], [w.doanket.code, "HN", 9, "TK", ""]])
    )
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("import-agency-actuals", str(bad), year=YEAR, stdout=out)
    assert "Dòng 3" in out.getvalue() and "minh chứng" in out.getvalue()
    assert Actual.objects.get(indicator=w.income, organization=w.tanphong).value == 90
    good = tmp_path / "good.xlsx"
    good.write_bytes(book([[w.tanphong.code, "TN", 99, "TK", "BC 9"]]))
    call_command("import-agency-actuals", str(good), year=YEAR)
    assert Actual.objects.get(indicator=w.income, organization=w.tanphong).value == 99
