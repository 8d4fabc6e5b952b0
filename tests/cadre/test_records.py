"""Discipline feeds the scoring rulebook's "discipline" override; commendation does not."""

from datetime import date

import pytest

from canbo import scoring
from canbo.cadre.errors import CadreError
from canbo.cadre.models import DecisionKind
from canbo.cadre.services.records import classification_overrides, record_decision
from canbo.core.models import AuditEntry


def decide(world, kind, day, public=True):
    return record_decision(
        world.users["personnel"],
        world.people["staff"],
        kind,
        "05/QĐ-UBND",
        day,
        "UBND phường Tân Phong",
        "Vi phạm quy chế",
        public,
    )


def test_reprimand_in_2026_forces_fail(world):
    decide(world, DecisionKind.KHIEN_TRACH, date(2026, 5, 10))
    overrides = classification_overrides(world.people["staff"], 2026)
    assert overrides == ["discipline"]
    result = scoring.classify(95, overrides=overrides)
    assert result.code == "fail"
    assert any(scoring.OVERRIDES["discipline"] in step.text for step in result.explanation)
    assert AuditEntry.objects.filter(action="cadre.record_decision").count() == 1


@pytest.mark.parametrize(
    "kind, day, public",
    [
        (DecisionKind.BANG_KHEN_TINH, date(2026, 5, 10), True),  # a commendation
        (DecisionKind.KHIEN_TRACH, date(2025, 12, 30), True),  # discipline of another year
        (DecisionKind.CANH_CAO, date(2026, 5, 10), False),  # not in public duties
        (DecisionKind.MIEN_NHIEM, date(2026, 5, 10), True),  # a dismissal is not a discipline
    ],
)
def test_what_does_not_override(world, kind, day, public):
    decide(world, kind, day, public)
    assert classification_overrides(world.people["staff"], 2026) == []
    assert scoring.classify(95, overrides=[]).code == "excellent"


def test_heavier_disciplines_override_too(world):
    decide(world, DecisionKind.BUOC_THOI_VIEC, date(2026, 1, 2))
    assert classification_overrides(world.people["staff"], 2026) == ["discipline"]


def test_decision_needs_number_and_authority(world):
    with pytest.raises(CadreError, match="số quyết định"):
        record_decision(
            None, world.people["staff"], DecisionKind.GIAY_KHEN, " ", date(2026, 1, 1), "UBND"
        )
