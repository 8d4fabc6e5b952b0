"""Sheets keep the general criteria set they were scored with (Mẫu số 01 or the old a, b, c)."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from canbo.core.models import AuditEntry
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.general import general_rows
from canbo.evaluation.services.sheets import review_sheet, submit_self_assessment
from tests.factories import form01

ITEM_ROW = re.compile(r'<tr class="item[^"]*" data-item="([^"]+)">')


def _old(sheet: EvaluationSheet) -> EvaluationSheet:
    EvaluationSheet.objects.filter(pk=sheet.pk).update(criteria_set="nd335-3")
    sheet.refresh_from_db()
    return sheet


def _page(client, user, sheet) -> str:
    client.force_login(user)
    return client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()


def test_new_sheets_use_form01(sheet):
    assert sheet.criteria_set == "nd335-mau01"


def test_form01_scores_and_keeps_reasons_per_line(world, sheet):
    points = [5, 4.5, 2.5, 2.25, 2, 2.25, 7.5]  # (I) 9.5 (II) 9 (III) 7.5
    sheet = submit_self_assessment(world.users["staff"], sheet, points)
    assert sheet.result["general_score"] == 26
    step = next(s for s in sheet.result["explanation"] if s["rule"] == "general")
    assert "(I) 9,5/10; (II) 9/10; (III) 7,5/10" in step["text"]
    reviewed = [5, 4.5, 2.5, 2.25, 2, 2.25, 6.5]
    sheet = review_sheet(world.users["head"], sheet, reviewed, {6: "Chưa có sáng kiến"})
    assert sheet.adjust_reasons == {"6": "Chưa có sáng kiến"}
    assert sheet.result["general_score"] == 25
    assert AuditEntry.objects.get(action="evaluation.review").reason == (
        "Tiêu chí III: Chưa có sáng kiến"
    )


def test_old_sheets_keep_three_numbers(world, sheet):
    sheet = _old(sheet)
    with pytest.raises(EvaluationError, match="đủ 3 tiêu chí"):
        submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 9))
    sheet = submit_self_assessment(world.users["staff"], sheet, [9, 8.5, 8])
    assert sheet.result["general_score"] == 25.5 and sheet.criteria_set == "nd335-3"
    with pytest.raises(EvaluationError, match=r"\(tiêu chí b\)"):
        review_sheet(world.users["head"], sheet, [9, 8, 8], {})
    sheet = review_sheet(world.users["head"], sheet, [9, 8, 8], {1: "Chưa phối hợp"})
    assert sheet.result["general_score"] == 25


def test_rows_group_lines_with_subtotals(world, sheet):
    submit_self_assessment(world.users["staff"], sheet, [5, 4.5, 2.5, 2.25, 2, 2.25, 7.5])
    sheet.refresh_from_db()
    rows = general_rows(sheet)
    assert [r.code for r in rows] == [
        "I",
        "I.1",
        "I.2",
        "II",
        "II.1",
        "II.2",
        "II.3",
        "II.4",
        "III",
        "",
    ]
    by_code = {r.code: r for r in rows}
    assert (by_code["I"].self_points, by_code["II"].self_points) == (9.5, 9)
    assert by_code["II"].review_points is None and by_code["II.4"].max_text == "2,5"
    assert rows[-1].kind == "total" and rows[-1].self_points == 26 and rows[-1].max_text == "30"


def test_page_shows_form01_layout_and_inputs(client, world, sheet):
    html = _page(client, world.users["staff"], sheet)
    # The owner's form opens the page; the read-only table follows it.
    form, after = html.split('id="form-self"')[1].split("</form>", 1)
    assert ITEM_ROW.findall(after) == ["I.1", "I.2", "II.1", "II.2", "II.3", "II.4", "III"]
    assert all(f'name="c{i}"' in form for i in range(7)) and 'name="c7"' not in form
    assert 'step="0.25"' in form and 'step="0.5"' in form
    assert "Điểm của cấp có thẩm quyền" in html and "Điểm tối đa" in html
    assert "tiêu chí 3" not in html.lower()
    submit_self_assessment(world.users["staff"], sheet, form01(9, 9, 8.5))
    html = _page(client, world.users["head"], sheet)
    review = html.split('id="form-review"')[1]
    assert all(f'name="reason{i}"' in review for i in range(7))
    assert re.search(r'data-item="II.1">.*?data-col="self">2,25<', review, re.S)


def test_old_sheet_page_has_three_rows(client, world, sheet):
    sheet = _old(sheet)
    submit_self_assessment(world.users["staff"], sheet, [9, 8.5, 8])
    html = _page(client, world.users["head"], sheet)
    assert ITEM_ROW.findall(html.split('id="form-review"')[0]) == ["a", "b", "c"]
    review = html.split('id="form-review"')[1]
    assert 'name="c2"' in review and 'name="c3"' not in review


@pytest.mark.django_db(transaction=True)
def test_migration_gives_existing_sheets_the_old_set(world):
    executor = MigrationExecutor(connection)
    target = next(
        key
        for key in executor.loader.graph.nodes
        if key[0] == "evaluation" and key[1].endswith("_sheet_criteria_set")
    )
    (previous,) = [node.key for node in executor.loader.graph.node_map[target].parents]
    executor.migrate([previous])
    old_apps = executor.loader.project_state([previous]).apps
    period = old_apps.get_model("evaluation", "EvaluationPeriod").objects.create(
        organization_id=world.tanphong.pk,
        kind="month",
        start="2026-01-01",
        self_assessment_due="2026-02-03",
        review_due="2026-02-06",
        approval_due="2026-02-09",
    )
    old_apps.get_model("evaluation", "EvaluationSheet").objects.create(
        person_id=world.people["staff"].pk, period_id=period.pk, general_self=[9, 9, 9]
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert EvaluationSheet.objects.get().criteria_set == "nd335-3"
    assert EvaluationSheet(person=world.people["staff"]).criteria_set == "nd335-mau01"
