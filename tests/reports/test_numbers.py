"""Every number in an export equals the number on the sheet page."""

from datetime import date
from decimal import Decimal

import pytest

from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.sheets import review_sheet, submit_self_assessment
from canbo.reports.numbers import percent_text, percent_value, score_text, score_value
from canbo.work.task_services import assign_task, complete_task
from tests.factories import form01
from tests.reports.conftest import (
    as_page_percent,
    as_page_score,
    docx_of,
    docx_pairs,
    page_scores,
    xlsx_rows,
)

LABELS = {
    "a": "Số lượng (a)",
    "b": "Chất lượng (b)",
    "c": "Tiến độ (c)",
    "task": "Kết quả thực hiện nhiệm vụ (tối đa 70)",
    "total": "Tổng điểm",
    "label": "Xếp loại",
}


@pytest.mark.parametrize(
    "value, text, number",
    [
        (87.5, "87,50", Decimal("87.50")),
        (0.285 * 100, "28,50", Decimal("28.50")),
        (66.66666666666667, "66,67", Decimal("66.67")),
        (89.994999, "89,99", Decimal("89.99")),
        (None, "—", None),
    ],
)
def test_scores_round_like_the_page(value, text, number):
    assert score_text(value) == text and score_value(value) == number


def test_percentages_keep_the_decimal_digits_of_the_ratio():
    assert percent_text(0.285) == "28,50 %" and percent_value(0.285) == Decimal("0.285")
    assert percent_text(2 / 3) == "66,67 %" and percent_value(2 / 3) == Decimal("0.6667")
    assert percent_text(None) == "—" and percent_value(None) is None


def _check_docx(client, sheet, page):
    pairs = docx_pairs(docx_of(client.get(f"/reports/sheets/{sheet.pk}.docx")))
    for key, label in LABELS.items():
        assert pairs[label] == page[key], key
    assert pairs["Tổng điểm tiêu chí chung"] == page["general"]
    return pairs


def _check_xlsx(client, sheet, page):
    response = client.get(
        f"/reports/unit.xlsx?period={sheet.period_id}&org={sheet.period.organization_id}"
    )
    assert response.status_code == 200
    _, people = xlsx_rows(response.content)
    row = people[sheet.person.code]
    for key, header in [("a", "Số lượng (a)"), ("b", "Chất lượng (b)"), ("c", "Tiến độ (c)")]:
        assert as_page_percent(row[header]) == page[key], key
    task = row["Kết quả thực hiện nhiệm vụ (tối đa 70)"]
    assert (task if isinstance(task, str) else as_page_score(task)) == page["task"]
    assert as_page_score(row["Tiêu chí chung (tối đa 30)"]) == page["general"]
    assert as_page_score(row["Tổng điểm"]) == page["total"]
    assert (row["Xếp loại"] or "—") == page["label"]
    return row


def test_published_sheet_docx_and_xlsx_equal_the_page(client, world, published):
    client.force_login(world.users["chair"])
    page = page_scores(client, published.pk)
    assert page["total"] == score_text(published.result["total"]) and page["c"] != "100,00 %"
    pairs = _check_docx(client, published, page)
    assert pairs["Xếp loại"] == published.result["label"]
    row = _check_xlsx(client, published, page)
    assert row["Trạng thái"] == published.get_status_display()


def test_draft_and_reviewed_sheets_use_the_live_computation(client, world, sheet):
    client.force_login(world.users["chair"])
    draft_page = page_scores(client, sheet.pk)
    assert draft_page["total"] == "—" and draft_page["task"] not in ("—", "")
    _check_docx(client, sheet, draft_page)
    _check_xlsx(client, sheet, draft_page)
    submit_self_assessment(world.users["staff"], sheet, form01(9.5, 8, 7.5))
    review_sheet(world.users["head"], sheet, form01(9.5, 8, 7), {6: "Ít đổi mới"})
    # A task completed after the review changes the page's live numbers: the export follows.
    extra = assign_task(
        None,
        name="Tổng hợp ý kiến",
        assignee=world.people["staff"],
        coefficient="1.2",
        quantity=3,
        assigned_date=date(2026, 10, 5),
        due_date=date(2026, 10, 25),
    )
    complete_task(None, extra, date(2026, 10, 28))
    sheet.refresh_from_db()
    page = page_scores(client, sheet.pk)
    assert page["total"] != score_text(sheet.result["total"])  # stored one is stale
    _check_docx(client, sheet, page)
    _check_xlsx(client, sheet, page)


def test_leader_components_are_on_the_form(client, world, period):
    head_sheet = EvaluationSheet.objects.get(period=period, person=world.people["head"])
    submit_self_assessment(world.users["head"], head_sheet, form01(9, 9, 9))
    review_sheet(world.users["chair"], head_sheet, form01(9, 9, 9), {}, organising="partial")
    client.force_login(world.users["chair"])
    page = page_scores(client, head_sheet.pk)
    assert page["dd"] == "50,00 %" and page["d"] == "100,00 %"
    pairs = docx_pairs(docx_of(client.get(f"/reports/sheets/{head_sheet.pk}.docx")))
    assert pairs["Năng lực tổ chức triển khai thực hiện (đ)"] == page["dd"]
    assert pairs["Đoàn kết nội bộ (e)"] == page["e"]
    assert pairs["Kết quả của đơn vị (d)"] == page["d"]
    assert pairs["Kết quả thực hiện nhiệm vụ (tối đa 70)"] == page["task"]
    _, people = xlsx_rows(client.get("/reports/unit.xlsx?month=2026-10").content)
    row = people[world.people["head"].code]
    assert [as_page_percent(row[k]) for k in ("d", "đ", "e")] == [page["d"], page["dd"], page["e"]]
