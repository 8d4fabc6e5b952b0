"""Province-wide lists name the commune beside the department, and filter by it."""

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from canbo.evaluation.services.periods import open_period
from tests.factories import make_person

BOARD = "/evaluation/review/?month=2026-10"


def test_review_board_has_a_commune_column_and_filter(client, world, period):
    open_period(world.users["personnel"], world.doanket, date(2026, 10, 1))
    client.force_login(world.users["personnel"])
    html = client.get(BOARD).content.decode()
    assert '<select name="commune">' in html
    assert "<td>Phường Đoàn Kết</td>" in html and "<td>Phường Tân Phong</td>" in html
    filtered = client.get(f"{BOARD}&commune={world.doanket.pk}")
    names = {s.person.full_name for s in filtered.context["sheets"]}
    assert names == {"Tẩn Láo Lở"}
    assert f"commune={world.doanket.pk}&amp;status=draft" in filtered.content.decode()


def test_a_chairman_has_no_commune_filter(client, world, period):
    client.force_login(world.users["chair"])
    html = client.get(BOARD).content.decode()
    assert 'name="commune"' not in html
    # a forged commune of another ward shows nothing of it
    response = client.get(f"{BOARD}&commune={world.doanket.pk}")
    assert all(
        s.person.organization.path.startswith(world.tanphong.path)
        for s in response.context["sheets"]
    )


def test_province_board_query_count_is_pinned(client, world, period):
    client.force_login(world.users["personnel"])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(BOARD)
        return len(ctx.captured_queries)

    before = count()
    for n in range(10):
        make_person(f"DK-X{n}", f"Người {n}", world.dk_office, world.staff_title, world.position)
    open_period(world.users["personnel"], world.doanket, date(2026, 10, 1))
    assert count() == before <= 6
