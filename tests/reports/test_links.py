"""The screens link to the downloads."""

from canbo.evaluation.models import AnnualResult


def test_links_on_the_screens(client, world, published):
    row = AnnualResult.objects.create(
        person=world.people["staff"],
        year=2026,
        organization=world.tanphong,
        average=published.total,
        periods_used=1,
        classification="excellent",
    )
    client.force_login(world.users["chair"])
    html = client.get(f"/evaluation/sheets/{published.pk}/").content.decode()
    assert f'href="/reports/sheets/{published.pk}.docx"' in html
    html = client.get("/evaluation/review/?month=2026-10").content.decode()
    assert 'href="/reports/unit.xlsx?month=2026-10"' in html
    html = client.get("/evaluation/annual/2026/").content.decode()
    assert f'href="/reports/annual/{row.pk}.docx"' in html
