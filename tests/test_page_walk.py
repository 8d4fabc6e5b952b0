"""Every GET page the province's personnel officer or a commune chairman can open: under
150 KB, and the number of queries of every list page pinned.

The pages and their arguments come from the permission matrix (itself generated from the URL
conf), so a new page is walked as soon as it has its matrix row. A list page is a GET page
without path arguments that answers HTML (lists, boards, dashboards, and the forms that
open empty); each must have a pin below (the most queries it
may run for either persona), and a page that runs more than its pin fails: a new N+1 shows
here. The world has the planted dashboard year, so lists have rows of both communes.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.reports.dashboard_world import plant
from tests.test_permission_matrix import MATRIX

PERSONAS = ("personnel", "chair")
MAX_BYTES = 150 * 1024

# URL name → the most queries the page may run (measured, for either persona).
QUERY_PINS = {
    "cadre:candidate_add": 7,
    "cadre:candidates": 6,
    "cadre:class_new": 4,
    "cadre:classes": 13,
    "cadre:decision_new": 4,
    "cadre:decisions": 4,
    "cadre:enrolments": 4,
    "cadre:flag_new": 4,
    "cadre:flags": 4,
    "cadre:gap_people": 6,
    "cadre:gaps": 6,
    "cadre:index": 5,
    "cadre:key_titles": 6,
    "cadre:needs": 6,
    "cadre:planning": 10,
    "cadre:plans": 8,
    "cadre:position_new": 3,
    "cadre:positions": 4,
    "cadre:programme_new": 3,
    "cadre:results_use": 7,
    "cadre:review_add": 5,
    "cadre:rotation_new": 7,
    "cadre:rotations": 4,
    "cadre:round_new": 4,
    "cadre:rounds": 4,
    "cadre:staffing": 7,
    "cadre:talent": 8,
    "cadre:talent_new": 4,
    "cadre:term_new": 3,
    "cadre:theory": 6,
    "evaluation:approval_board": 5,
    "evaluation:me": 7,
    "evaluation:periods": 5,
    "evaluation:review_board": 7,
    "evaluation:unit_results": 5,
    "feedback:comments": 5,
    "feedback:index": 5,
    "home": 16,
    "integration:client_create": 4,
    "integration:clients": 4,
    "integration:imports": 6,
    "login": 3,
    "org:list": 4,
    "oversight:actions": 23,
    "oversight:analytics": 10,
    "oversight:approvals": 5,
    "oversight:case_new": 5,
    "oversight:cases": 4,
    "oversight:equipment": 8,  # the norms are data since oversight 0005: one query
    "oversight:findings": 4,
    "oversight:inspections": 4,
    "oversight:norms": 4,
    "oversight:reports": 4,
    "password_change": 3,
    "people:access_log": 5,
    "people:list": 8,
    "reports:dashboard": 16,
    "work:catalogs": 6,
    "work:my_tasks": 5,
    "work:tasks": 7,
}


def _pages(world):
    """(name, kwargs) of every GET case some walked persona may open, arguments made first."""
    pages = []
    for name, cases in sorted(MATRIX.items()):
        for case in cases:
            if case.method == "get" and any(case.statuses.get(p) == 200 for p in PERSONAS):
                pages.append((name, case, case.kwargs(world)))
    return pages


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def walked(world, client):
    plant(world)
    pages = _pages(world)
    seen = {}
    for persona in PERSONAS:
        client.force_login(world.users[persona])
        for name, case, kwargs in pages:
            if case.statuses.get(persona) != 200:
                continue
            url = reverse(name, kwargs=kwargs)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (persona, url)
            html = response["Content-Type"].startswith("text/html")
            seen[(name, persona, url)] = (len(_body(response)), len(queries), html, kwargs)
    return seen


def test_every_page_is_light_and_every_list_page_is_pinned(walked):
    heavy = {key: size for key, (size, *_) in walked.items() if size >= MAX_BYTES}
    assert not heavy, f"pages of 150 KB or more: {heavy}"
    counts: dict[str, int] = {}
    for (name, _, _), (_, queries, html, kwargs) in walked.items():
        if html and not kwargs:
            counts[name] = max(counts.get(name, 0), queries)
    unpinned = sorted(set(counts) - set(QUERY_PINS))
    assert not unpinned, f"list pages without a query pin: { {n: counts[n] for n in unpinned} }"
    over = {n: (counts[n], QUERY_PINS[n]) for n in counts if counts[n] > QUERY_PINS[n]}
    assert not over, f"pages over their pin (queries, pin): {over}"
    stale = sorted(set(QUERY_PINS) - set(counts))
    assert not stale, f"pins of pages that are no list page any more: {stale}"
