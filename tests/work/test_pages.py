from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from canbo.work.models import CatalogItem, Task
from canbo.work.task_services import complete_task, record_quality_review
from tests.work.test_catalog import book


def test_outsider_cannot_see_tanphong_tasks(client, world, make_task):
    task = make_task()
    outsider_task = make_task("outsider")
    assert set(Task.objects.visible_to(world.users["outsider"])) == {outsider_task}
    assert set(Task.objects.visible_to(world.users["staff"])) == {task}
    client.force_login(world.users["outsider"])
    assert client.get(f"/work/tasks/{task.pk}/").status_code == 404
    mine = client.get("/work/tasks/mine/")
    assert list(mine.context["page"]) == [outsider_task]


def test_unit_list_filters_by_month_and_status(client, world, make_task):
    march = make_task()
    make_task(due_date=date(2026, 4, 2))
    done = complete_task(None, make_task("colleague"), date(2026, 3, 3))
    make_task("economy")  # another department: not in the head's unit
    client.force_login(world.users["head"])
    got = client.get("/work/tasks/", {"month": "2026-03"}).context["page"]
    assert set(got) == {march, done}
    got = client.get("/work/tasks/", {"month": "2026-03", "status": "completed"})
    assert list(got.context["page"]) == [done]
    bad = client.get("/work/tasks/", {"month": "2026-13"})
    assert bad.status_code == 200 and "không hợp lệ" in bad.content.decode()


@pytest.mark.parametrize("tasks", [1, 30])
def test_task_list_query_count_is_pinned(
    client, world, make_task, tasks, django_assert_num_queries
):
    for _ in range(tasks):
        make_task()
    client.force_login(world.users["head"])
    # session, user, profile, count, page of tasks with assignee and organisation, org choices
    with django_assert_num_queries(6):
        response = client.get("/work/tasks/", {"month": "2026-03"})
    assert len(response.context["page"]) == tasks


def test_task_page_shows_the_month_explanation(
    client, world, make_task, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        task = complete_task(None, make_task(name="Báo cáo tháng"), date(2026, 3, 5))
        record_quality_review(world.users["head"], task, passed=False, note="Sai số liệu")
    client.force_login(world.users["staff"])
    html = client.get(f"/work/tasks/{task.pk}/").content.decode()
    assert "Báo cáo tháng" in html and "Sai số liệu" in html
    assert "1 lỗi chất lượng tính" in html and "Điều 14" in html and "75" in html


def test_manager_edits_and_imports_a_draft(client, world):
    client.force_login(world.users["head"])
    response = client.post(
        "/work/catalogs/new/",
        {
            "organization": world.tp_office.pk,
            "name": "Danh mục văn phòng",
            "effective_from": "2027-01-01",
            "decision": "",
        },
    )
    catalog = world.tp_office.catalogs.get()
    assert response.status_code == 302
    bad = client.post(
        f"/work/catalogs/{catalog.pk}/items/new/",
        {"code": "A", "name": "Báo cáo", "unit": "bản", "complexity": "simple", "coefficient": "0"},
    )
    assert bad.status_code == 400 and not CatalogItem.objects.exists()
    upload = SimpleUploadedFile("x.xlsx", b"garbage")
    bad = client.post(f"/work/catalogs/{catalog.pk}/import/", {"file": upload})
    assert bad.status_code == 400 and "không phải là tệp Excel" in bad.content.decode()
    rows = [["A1", "Báo cáo", "", "bản", "Đơn giản", "0.8", ""], ["", "", "", "", "", "", "x"]]
    report = client.post(
        f"/work/catalogs/{catalog.pk}/import/", {"file": SimpleUploadedFile("x.xlsx", book(rows))}
    )
    assert report.status_code == 400 and "Dòng 3" in report.content.decode()
    assert not CatalogItem.objects.exists()
    client.post(
        f"/work/catalogs/{catalog.pk}/import/",
        {"file": SimpleUploadedFile("x.xlsx", book(rows[:1]))},
    )
    client.post(f"/work/catalogs/{catalog.pk}/publish/", {"decision": "QĐ 1/QĐ-UBND"})
    catalog.refresh_from_db()
    assert catalog.published and catalog.decision == "QĐ 1/QĐ-UBND"
    assert client.get(f"/work/catalogs/{catalog.pk}/export.xlsx").status_code == 200
