"""The trend percentages are rounded half up once from the exact weights."""

from canbo.reports.dashboard import build_dashboard
from tests.reports.dashboard_world import YEAR, _score
from tests.reports.test_dashboard import TODAY


def test_6_25_percent_shows_as_6_3(world):
    _score(world.people["staff"], 16, 1, 1, 16)  # completion 1/16 = 6.25 %
    board = build_dashboard(world.users["personnel"], world.province, YEAR, TODAY)
    trends = next(chart for chart in board.charts if chart.key == "trends")
    assert round(100 * 1 / 16, 1) == 6.2  # the old rounding: half to even
    assert trends.rows == [["09/2026", 6.3, 6.3, 100.0]]
