"""The sheet page: forms by role, errors keep the input, forged posts change nothing."""

from canbo.evaluation.choices import SheetStatus
from canbo.evaluation.models import EvaluationSheet
from tests.factories import form01


def post(client, sheet, action, **data):
    sheet.refresh_from_db()
    payload = {"action": action, "version": sheet.version, **data}
    return client.post(f"/evaluation/sheets/{sheet.pk}/", payload)


def criteria(a, b, c, **extra):
    """The 7 lines of Mẫu số 01 from the three sub-criteria totals; extra overrides."""
    return {**{f"c{i}": v for i, v in enumerate(form01(a, b, c))}, **extra}


def test_month_through_the_pages(client, world, sheet):
    client.force_login(world.users["staff"])
    page = client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    assert 'id="form-self"' in page and 'id="form-review"' not in page
    assert post(client, sheet, "self", **criteria(9, 9, 8.5)).status_code == 302
    client.force_login(world.users["head"])
    response = post(
        client, sheet, "review", **criteria(9, 9, 8.5, c5=1.75, reason5="Chưa phối hợp")
    )
    assert response.status_code == 302
    client.force_login(world.users["chair"])
    assert post(client, sheet, "approve", comment="Đồng ý").status_code == 302
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.PUBLISHED
    page = client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    assert (
        f"{sheet.result['total']:.2f}".replace(".", ",") in page
        or f"{sheet.result['total']:.2f}" in page
    )
    assert "Chưa phối hợp" in page


def test_missing_reason_keeps_what_was_typed(client, world, sheet):
    client.force_login(world.users["staff"])
    post(client, sheet, "self", **criteria(9, 9, 9))
    client.force_login(world.users["head"])
    response = post(client, sheet, "review", **criteria(7, 9, 9, comment="Nhận xét dài"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "lý do" in html and "Nhận xét dài" in html and 'value="3.5"' in html
    assert "(tiêu chí I.1, I.2)" in html
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SELF_ASSESSED


def test_stale_form_gets_a_conflict_message(client, world, sheet):
    client.force_login(world.users["staff"])
    post(client, sheet, "self", **criteria(9, 9, 9))
    sheet.refresh_from_db()
    stale = sheet.version
    client.force_login(world.users["head"])
    post(client, sheet, "review", **criteria(9, 9, 9))
    client.force_login(world.users["chair"])
    response = client.post(
        f"/evaluation/sheets/{sheet.pk}/",
        {"action": "review", "version": stale, **criteria(8, 9, 9, reason0="x")},
    )
    assert "người khác" in response.content.decode()
    sheet.refresh_from_db()
    assert sheet.general_review == form01(9, 9, 9)


def test_forged_posts_change_nothing(client, world, sheet):
    client.force_login(world.users["outsider"])
    assert post(client, sheet, "self", **criteria(9, 9, 9)).status_code == 404
    client.force_login(world.users["staff"])
    post(client, sheet, "self", **criteria(9, 9, 9))
    response = post(client, sheet, "approve")  # a civil servant cannot approve
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.SELF_ASSESSED


def test_locked_period_is_read_only_through_the_page(client, world, period, sheet):
    period.status = "locked"
    period.save()
    client.force_login(world.users["staff"])
    html = client.get(f"/evaluation/sheets/{sheet.pk}/").content.decode()
    assert 'id="form-self"' not in html
    post(client, sheet, "self", **criteria(9, 9, 9))
    assert EvaluationSheet.objects.get(pk=sheet.pk).status == SheetStatus.DRAFT


def test_boards(client, world, period, sheet):
    client.force_login(world.users["staff"])
    post(client, sheet, "self", **criteria(9, 9, 9))
    client.force_login(world.users["head"])
    board = client.get("/evaluation/review/?month=2026-10").content.decode()
    assert "Nguyễn Văn An" in board and "Giàng A Páo" not in board  # other department
    post(client, sheet, "review", **criteria(9, 9, 9))
    client.force_login(world.users["chair"])
    board = client.get("/evaluation/approve/?month=2026-10")
    assert [s.pk for s in board.context["sheets"]] == [sheet.pk]
    client.post("/evaluation/approve/bulk/?month=2026-10", {"sheet": [sheet.pk], "confirm": "yes"})
    sheet.refresh_from_db()
    assert sheet.status == SheetStatus.PUBLISHED


def test_review_board_query_count(client, world, period, django_assert_num_queries):
    from tests.factories import make_person

    for n in range(20):
        make_person(f"RB-{n}", f"Người {n}", world.tp_office, world.staff_title, world.position)
    from canbo.evaluation.services.periods import create_sheets

    create_sheets(period)
    client.force_login(world.users["chair"])
    # session, user, profile+organisation, status counts, rows with person/unit/title
    with django_assert_num_queries(5):
        response = client.get("/evaluation/review/?month=2026-10")
    assert len(response.context["sheets"]) == 25


def test_my_work_shows_tasks_and_history(client, world, period, sheet):
    client.force_login(world.users["staff"])
    html = client.get("/evaluation/me/").content.decode()
    assert "Việc của tôi" in html or "My work" in html


def test_published_results_are_visible_within_the_unit_only(client, world, period, sheet):
    from canbo.evaluation.services.sheets import approve_sheet, review_sheet
    from canbo.evaluation.services.sheets import submit_self_assessment as submit

    submit(world.users["staff"], sheet, form01(9, 9, 9))
    review_sheet(world.users["head"], sheet, form01(9, 9, 9), {})
    approve_sheet(world.users["chair"], sheet)
    colleague = EvaluationSheet.objects.get(period=period, person__code="TP-2")
    from tests.factories import make_user

    mai = make_user("mai", "civil_servant", world.tp_office, world.people["colleague"])
    client.force_login(mai)
    names = [
        s.person.full_name
        for s in client.get("/evaluation/results/?month=2026-10").context["sheets"]
    ]
    assert names == ["Nguyễn Văn An"]
    assert client.get(f"/evaluation/sheets/{sheet.pk}/").status_code == 404  # not the detail
    assert colleague.status == SheetStatus.DRAFT
    client.force_login(world.users["outsider"])
    assert list(client.get("/evaluation/results/?month=2026-10").context["sheets"]) == []
