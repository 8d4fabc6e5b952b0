from datetime import date

import pytest

from canbo.cadre.errors import CadreError
from canbo.cadre.models import PersonnelDecision
from canbo.cadre.services.records import record_decision


def test_unknown_decision_kind_is_refused(world):
    with pytest.raises(CadreError):
        record_decision(
            world.users["personnel"],
            world.people["staff"],
            "reprimand",
            "1/QĐ",
            date(2026, 5, 1),
            "UBND phường",
            in_public_duties=True,
        )
    assert not PersonnelDecision.objects.exists()
