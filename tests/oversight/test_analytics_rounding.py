"""The supervision figures are rounded half up once from the exact values, on the page and in
the export alike (round() on a float rounds 0.125 to 0.12)."""

from datetime import date
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from canbo.evaluation.services.periods import open_period
from canbo.oversight.analytics import supervision_analytics

OWN = [4.5, 4.5, 2.5, 2.5, 2.5, 2.5, 9.0]
LOWER = [4.5, 4.5, 2.5, 2.5, 2.5, 2.25, 9.0]  # II.4 lowered by 0.25


def test_a_mean_gap_of_0_125_shows_as_0_13(client, world):
    period = open_period(world.users["personnel"], world.tanphong, date(2026, 10, 1))
    for key, reviewed, level in (("staff", LOWER, "good"), ("colleague", OWN, "excellent")):
        sheet = period.sheets.get(person=world.people[key])
        sheet.status, sheet.classification = "published", level
        sheet.general_self, sheet.general_review = OWN, reviewed
        sheet.save()
    row = supervision_analytics(world.users["personnel"], 2026).communes[0]
    assert (row.sheets, row.mean_gap, round(row.mean_gap, 2)) == (2, 0.125, 0.12)
    client.force_login(world.users["personnel"])
    url = reverse("oversight:analytics") + "?year=2026"
    assert "<td>0,13</td>" in client.get(url).content.decode()
    book = load_workbook(BytesIO(client.get(url + "&format=xlsx").content))
    cells = next(r for r in book.active.iter_rows(values_only=True) if r[0] == row.name)
    assert cells[2:4] == (50, 0.13)
