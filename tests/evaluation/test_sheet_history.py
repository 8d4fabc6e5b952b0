"""The sheet page shows who did what and when, the evidence and the collective opinion."""

from canbo.evaluation.services.sheets import review_sheet, submit_self_assessment
from tests.factories import form01


def test_history_evidence_and_collective_opinion(client, world, sheet):
    world.users["head"].first_name, world.users["head"].last_name = "Hồng", "Trần Thị"
    world.users["head"].save()
    submit_self_assessment(
        world.users["staff"], sheet, form01(9, 9, 9), "Tốt", "Báo cáo số 12/BC-UBND"
    )
    sheet.refresh_from_db()
    adjusted = form01(9, 9, 9)
    adjusted[0] = 4
    review_sheet(
        world.users["head"],
        sheet,
        adjusted,
        {0: "Đi muộn hai buổi"},
        "Nhận xét",
        "Tập thể thống nhất đề nghị",
    )
    client.force_login(world.users["staff"])
    html = client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    assert "Minh chứng" in html and "Báo cáo số 12/BC-UBND" in html
    assert "Ý kiến của tập thể" in html and "Tập thể thống nhất đề nghị" in html
    history = html.split('id="history"')[1].split("</section>")[0]
    assert history.index("Gửi bản tự đánh giá") < history.index("Nhận xét, đánh giá")
    assert "Hồng Trần Thị" in history  # the reviewer by name
    assert "Đi muộn hai buổi" in history and "staff" in history
    assert "Đã nhận xét, chờ phê duyệt" in html  # the status reads as a state


def test_history_is_not_shown_to_an_outsider(client, world, sheet):
    client.force_login(world.users["outsider"])
    assert client.get(f"/evaluation/sheets/{sheet.pk}/").status_code == 404
