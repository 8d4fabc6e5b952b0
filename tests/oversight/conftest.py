"""The plan tracker's world: the plan loaded, the two Party bodies and their accounts."""

from dataclasses import dataclass

import pytest
from django.core.cache import cache

from canbo.core.roles import Role
from canbo.org.choices import OrgKind
from canbo.oversight import plan_data
from canbo.oversight.models import PlanAction
from canbo.oversight.plan_services import load_plan
from tests.factories import make_org, make_user


@dataclass
class Bodies:
    reporter: object
    supervisor: object
    reporting_org: object
    supervising_org: object


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Pages share indicators and analytics for a few minutes: start every test afresh."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def bodies(world):
    reporting = make_org(plan_data.BTG, OrgKind.PROVINCIAL_AGENCY, world.province, "000.00.06.H29")
    supervising = make_org(
        plan_data.UBKT, OrgKind.PROVINCIAL_AGENCY, world.province, "000.00.07.H29"
    )
    load_plan()
    return Bodies(
        reporter=make_user("reporter", Role.PLAN_REPORTER, reporting),
        supervisor=make_user("supervisor", Role.PLAN_SUPERVISOR, supervising),
        reporting_org=reporting,
        supervising_org=supervising,
    )


@pytest.fixture
def action(bodies):
    """II.2.1.b: job positions, "Hoàn thành trước ngày 01/7/2026", owned by Sở Nội vụ."""
    return PlanAction.objects.get(code="II.2.1.b")


def xlsx_text(content: bytes) -> str:
    """Every cell of every sheet of an .xlsx download, as one text."""
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(content))
    return "\n".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )
