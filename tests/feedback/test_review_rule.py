"""DOMAIN §3 through the evaluation review path: below 80 % a (b) above 8 needs a reason;
the sheet page shows the index beside criterion (b)."""

from datetime import date

import pytest

from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.periods import open_period
from canbo.evaluation.services.sheets import review_sheet, submit_self_assessment
from canbo.scoring import get_rulebook
from tests.factories import form01


@pytest.fixture
def sheet(october):
    """TP-1's October index is 70.00 % (fixture `october`)."""
    period = open_period(october.users["personnel"], october.tanphong, date(2026, 10, 1))
    sheet = EvaluationSheet.objects.get(period=period, person=october.people["staff"])
    return submit_self_assessment(october.users["staff"], sheet, form01(9, 9, 8))


def test_rulebook_defaults():
    rulebook = get_rulebook()
    assert (rulebook.satisfaction_threshold, rulebook.satisfaction_b_cap) == (80, 8)


def test_b_above_cap_needs_a_written_reason(october, sheet):
    head = october.users["head"]
    with pytest.raises(EvaluationError, match="70 %"):
        review_sheet(head, sheet, form01(9, 9, 8), {})
    sheet.refresh_from_db()
    assert sheet.status == "self_assessed" and sheet.general_review is None
    # a reason on a line of (b) (II.1 … II.4 are lines 2–5 of Mẫu 01) answers the rule
    done = review_sheet(head, sheet, form01(9, 9, 8), {3: "Đã khắc phục, dân khen"})
    assert done.status == "reviewed" and done.adjust_reasons == {"3": "Đã khắc phục, dân khen"}


def test_b_at_cap_or_good_index_needs_nothing(october, sheet):
    head = october.users["head"]
    reviewed = form01(9, 8, 8)
    reasons = {
        i: "Điều chỉnh theo chỉ số hài lòng"
        for i in (2, 3, 4, 5)
        if reviewed[i] != sheet.general_self[i]
    }
    done = review_sheet(head, sheet, reviewed, reasons)
    assert done.status == "reviewed"


def test_no_dossiers_no_rule(world):
    period = open_period(world.users["personnel"], world.tanphong, date(2026, 10, 1))
    sheet = EvaluationSheet.objects.get(period=period, person=world.people["staff"])
    sheet = submit_self_assessment(world.users["staff"], sheet, form01(10, 10, 10))
    assert review_sheet(world.users["head"], sheet, form01(10, 10, 10), {}).status == "reviewed"


def test_sheet_page_shows_index_beside_b(october, sheet, login):
    body = login(october.users["head"]).get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    assert "Sự hài lòng của người dân (tiêu chí b)" in body
    assert "70 %" in body and "10 hồ sơ" in body
    assert "phải ghi lý do" in body


def test_dissatisfied_comment_reaches_head_and_officer_answers(october, login):
    from canbo.core.inbox import items_for
    from canbo.feedback.models import Rating

    head_items = [i.text for i in items_for(october.users["head"], date(2026, 11, 2))]
    assert any("ý kiến không hài lòng" in t for t in head_items)
    staff_items = [i.text for i in items_for(october.users["staff"], date(2026, 11, 2))]
    assert any("cần trả lời" in t for t in staff_items)
    outsider_items = [i.text for i in items_for(october.users["outsider"], date(2026, 11, 2))]
    assert not any("Chờ lâu" in t or "cần trả lời" in t for t in outsider_items)
    rating = Rating.objects.get(comment="Chờ lâu")
    staff = login(october.users["staff"])
    assert (
        staff.post(
            f"/feedback/ratings/{rating.pk}/answer/", {"answer": "Xin lỗi, đã bổ sung <b>người</b>"}
        ).status_code
        == 302
    )
    rating.refresh_from_db()
    assert rating.answer == "Xin lỗi, đã bổ sung người" and rating.answered_at
    head = login(october.users["head"])
    assert head.post(f"/feedback/ratings/{rating.pk}/answer/", {"answer": "x"}).status_code == 302
    rating.refresh_from_db()
    assert rating.answer == "Xin lỗi, đã bổ sung người"
    assert head.post(f"/feedback/ratings/{rating.pk}/seen/").status_code == 302
    rating.refresh_from_db()
    assert rating.seen_at is not None
    head_items = [i.text for i in items_for(october.users["head"], date(2026, 11, 2))]
    assert not any("ý kiến không hài lòng" in t for t in head_items)
