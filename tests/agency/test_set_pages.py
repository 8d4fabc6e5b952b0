"""The province's pages for the year's indicator set and the communes' targets: real POSTs."""

import re
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from canbo.agency.models import Actual, Indicator, IndicatorSet, Target
from canbo.core.models import AuditEntry
from tests.agency.conftest import YEAR

SET_URL = reverse("agency:indicator_set", kwargs={"year": YEAR})
SAVE_URL = reverse("agency:indicator_save", kwargs={"year": YEAR})
TARGETS_URL = reverse("agency:targets", kwargs={"year": YEAR})
XLSX_URL = reverse("agency:targets_xlsx", kwargs={"year": YEAR})


def _indicator(**changes):
    fields = {
        "name": "Thu nhập bình quân đầu người",
        "unit": "triệu đồng",
        "direction": "higher",
        "max_points": "4",
        "full_ratio": "1",
        "zero_ratio": "0,5",
    }
    return {**fields, **changes}


def _text(response) -> str:
    return response.content.decode()


def test_officer_defines_a_set_and_targets_through_the_pages(world, client):
    client.force_login(world.users["personnel"])
    page = client.get(SET_URL)
    assert page.status_code == 200 and 'name="set_name"' in _text(page)

    response = client.post(SAVE_URL, {"set_name": "Chỉ tiêu KT-XH", **_indicator()})
    assert response.status_code == 302
    indicator_set = IndicatorSet.objects.get(year=YEAR)
    assert indicator_set.version == 1 and indicator_set.name == "Chỉ tiêu KT-XH"
    income = indicator_set.indicators.get()
    assert income.zero_ratio == Decimal("0.5") and income.max_points == 4

    poverty = _indicator(name="Tỷ lệ hộ nghèo", unit="%", direction="lower", max_points="3")
    assert client.post(SAVE_URL, poverty).status_code == 302
    assert indicator_set.indicators.count() == 2
    poverty_row = indicator_set.indicators.get(name="Tỷ lệ hộ nghèo")
    assert poverty_row.direction == "lower" and poverty_row.code == "CT2"

    # no actuals yet: an edit changes the indicator in place, same version, audited
    edit = _indicator(indicator=income.pk, max_points="5")
    assert client.post(SAVE_URL, edit).status_code == 302
    income.refresh_from_db()
    assert income.max_points == 5 and IndicatorSet.objects.filter(year=YEAR).count() == 1
    assert AuditEntry.objects.filter(action="agency.revise_indicator").count() == 1
    assert AuditEntry.objects.filter(action="agency.add_indicator").count() == 1

    page = _text(client.get(SET_URL))
    assert "Tỷ lệ hộ nghèo" in page and "Thu nhập bình quân đầu người" in page

    grid = client.get(TARGETS_URL)
    assert grid.status_code == 200
    assert world.tanphong.name in _text(grid) and world.doanket.name in _text(grid)
    posted = {
        f"t_{income.pk}_{world.tanphong.pk}": "45,5",
        f"t_{income.pk}_{world.doanket.pk}": "1.250,0",
        f"t_{poverty_row.pk}_{world.tanphong.pk}": "0",
    }
    response = client.post(TARGETS_URL, posted)
    assert response.status_code == 302
    values = {(t.indicator_id, t.organization_id): t.value for t in Target.objects.all()}
    assert values == {
        (income.pk, world.tanphong.pk): Decimal("45.50"),
        (income.pk, world.doanket.pk): Decimal("1250.00"),
        (poverty_row.pk, world.tanphong.pk): Decimal("0.00"),
    }
    assert AuditEntry.objects.filter(action="agency.set_target").count() == 3
    # the table as the page shows it, posted back unchanged, writes nothing new
    shown = dict(
        re.findall(r'name="(t_\d+_\d+)"[^>]*value="([^"]*)"', _text(client.get(TARGETS_URL)))
    )
    assert shown[f"t_{income.pk}_{world.doanket.pk}"] != ""
    assert client.post(TARGETS_URL, shown).status_code == 302
    assert AuditEntry.objects.filter(action="agency.set_target").count() == 3

    download = client.get(XLSX_URL)
    assert download.status_code == 200
    sheet = load_workbook(BytesIO(download.content)).active
    rows = {r[0]: r[1:] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[world.tanphong.name] == (45.5, 0)
    assert rows[world.doanket.name] == (1250, None)


def test_a_bad_target_refuses_the_whole_post(agency_world, client):
    w = agency_world
    client.force_login(w.users["personnel"])
    before = {(t.indicator_id, t.organization_id): t.value for t in Target.objects.all()}
    audits = AuditEntry.objects.count()
    good = f"t_{w.income.pk}_{w.tanphong.pk}"
    bad = f"t_{w.poverty.pk}_{w.doanket.pk}"
    negative = f"t_{w.poverty.pk}_{w.tanphong.pk}"
    zero = f"t_{w.income.pk}_{w.doanket.pk}"
    response = client.post(TARGETS_URL, {good: "120", bad: "mười", negative: "-1", zero: "0"})
    assert response.status_code == 400
    page = _text(response)
    assert "“mười” không phải là số" in page
    assert "không được là số âm" in page
    assert "phải lớn hơn 0" in page
    assert "chưa lưu gì cả" in page
    assert 'value="mười"' in page  # what was typed stays in its cell
    after = {(t.indicator_id, t.organization_id): t.value for t in Target.objects.all()}
    assert after == before and AuditEntry.objects.count() == audits


def test_an_assigned_target_cannot_be_blanked(agency_world, client):
    w = agency_world
    client.force_login(w.users["personnel"])
    key = f"t_{w.income.pk}_{w.tanphong.pk}"
    response = client.post(TARGETS_URL, {key: ""})
    assert response.status_code == 400
    assert "Không thể xóa chỉ tiêu đã giao" in _text(response)
    assert Target.objects.get(indicator=w.income, organization=w.tanphong).value == 100


def test_editing_after_actuals_makes_a_new_version_and_keeps_the_old_actuals(agency_world, client):
    w = agency_world
    client.force_login(w.users["personnel"])
    page = _text(client.get(SET_URL))
    assert "tạo phiên bản 2" in page and 'name="new_version"' in page

    edit = _indicator(
        indicator=w.income.pk, name="Thu nhập", unit="triệu đồng", max_points="6", zero_ratio="0,5"
    )
    # the row's form as the page shows it, posted back with the box ticked: no version
    row = page[page.find(f'name="indicator" value="{w.income.pk}"') :].split("</form>")[0]
    unchanged = dict(re.findall(r'<input name="(\w+)"[^>]*value="([^"]*)"', row))
    assert unchanged["max_points"] == "4,00"
    unchanged |= {"indicator": w.income.pk, "direction": "higher", "new_version": "1"}
    assert client.post(SAVE_URL, unchanged).status_code == 302
    assert IndicatorSet.objects.filter(year=YEAR).count() == 1  # no version for nothing

    refused = client.post(SAVE_URL, edit)
    assert refused.status_code == 400
    assert "Hãy xác nhận để tạo phiên bản 2" in _text(refused)
    assert IndicatorSet.objects.filter(year=YEAR).count() == 1
    w.income.refresh_from_db()
    assert w.income.max_points == 4  # never a silent rewrite

    old_actuals = sorted(
        Actual.objects.filter(indicator__indicator_set=w.indicator_set).values_list(
            "organization_id", "indicator__code", "value"
        )
    )
    done = client.post(SAVE_URL, {**edit, "new_version": "1"}, follow=True)
    assert "nên đã tạo phiên bản 2" in _text(done)
    old = IndicatorSet.objects.get(pk=w.indicator_set.pk)
    new = IndicatorSet.objects.get(year=YEAR, version=2)
    assert old.status == "superseded" and new.status == "active" and new.previous == old
    assert old.indicators.get(code="TN").max_points == 4
    assert new.indicators.get(code="TN").max_points == 6
    assert (
        sorted(
            Actual.objects.filter(indicator__indicator_set=old).values_list(
                "organization_id", "indicator__code", "value"
            )
        )
        == old_actuals
    )
    # the meaning (name, unit, direction) did not change: targets and actuals carried over
    assert Actual.objects.filter(indicator__indicator_set=new).count() == len(old_actuals)
    assert Target.objects.filter(indicator__indicator_set=new).count() == 4
    assert AuditEntry.objects.filter(action="agency.new_indicator_version").count() == 1
    history = _text(client.get(SET_URL))
    assert "Các phiên bản trước" in history and "(v1)" in history and "(v2)" in history

    # an old version's indicator can no longer be edited through the page
    stale = client.post(SAVE_URL, {**edit, "indicator": w.income.pk, "new_version": "1"})
    assert stale.status_code == 404


def test_adding_an_indicator_after_actuals_makes_a_new_version(agency_world, client):
    w = agency_world
    client.force_login(w.users["personnel"])
    forest = _indicator(name="Tỷ lệ che phủ rừng", unit="%", max_points="2")
    refused = client.post(SAVE_URL, forest)
    assert refused.status_code == 400 and "phiên bản 2" in _text(refused)
    assert not Indicator.objects.filter(name="Tỷ lệ che phủ rừng").exists()
    assert client.post(SAVE_URL, {**forest, "new_version": "1"}).status_code == 302
    new = IndicatorSet.objects.get(year=YEAR, status="active")
    assert new.version == 2
    assert sorted(new.indicators.values_list("code", flat=True)) == ["CT3", "HN", "TN"]
    assert Actual.objects.filter(indicator__indicator_set=new).count() == 4
    assert Actual.objects.filter(indicator__indicator_set=w.indicator_set).count() == 4


def test_bad_indicator_input_is_refused_with_its_message(world, client):
    client.force_login(world.users["personnel"])
    response = client.post(
        SAVE_URL, {"set_name": "Bộ", **_indicator(max_points="nhiều", name="Thu nhập X")}
    )
    assert response.status_code == 400
    page = _text(response)
    assert "không phải là số" in page and 'value="Thu nhập X"' in page
    ratios = client.post(SAVE_URL, {"set_name": "Bộ", **_indicator(zero_ratio="2")})
    assert ratios.status_code == 400
    assert not IndicatorSet.objects.exists()


@pytest.mark.parametrize("persona", ["staff", "head", "chair", "outsider"])
def test_every_other_persona_is_refused(agency_world, client, persona):
    w = agency_world
    client.force_login(w.users[persona])
    key = f"t_{w.income.pk}_{w.tanphong.pk}"
    assert client.get(SET_URL).status_code == 403
    assert client.get(TARGETS_URL).status_code == 403
    assert client.get(XLSX_URL).status_code == 403
    assert client.post(TARGETS_URL, {key: "1"}).status_code == 403
    assert client.post(SAVE_URL, _indicator()).status_code == 403
    assert Target.objects.get(indicator=w.income, organization=w.tanphong).value == 100
    assert IndicatorSet.objects.count() == 1


def test_links_only_for_the_officer(agency_world, client):
    w = agency_world
    compare = reverse("agency:compare", kwargs={"year": YEAR})
    client.force_login(w.users["personnel"])
    assert TARGETS_URL in _text(client.get(compare))
    client.force_login(w.users["chair"])
    entry = _text(client.get(reverse("agency:indicators", kwargs={"year": YEAR})))
    assert TARGETS_URL not in entry and SET_URL not in entry
