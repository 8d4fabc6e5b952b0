"""The rulebook switch letting the agency result inform the chairman's đ (default off)."""

from dataclasses import replace
from datetime import date

from canbo.agency.evaluations import ensure_evaluation
from canbo.agency.models import AgencyEvaluation, EvaluationStatus
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services import result as result_service
from canbo.evaluation.services.periods import open_period
from canbo.scoring import get_rulebook


def _chair_sheet(world):
    period = open_period(world.users["personnel"], world.tanphong, date(2026, 10, 1))
    return EvaluationSheet.objects.get(period=period, person=world.people["chair"])


def _failed_agency(world):
    evaluation = ensure_evaluation(world.tanphong, 2025)
    AgencyEvaluation.objects.filter(pk=evaluation.pk).update(
        status=EvaluationStatus.PUBLISHED, level="fail", total="45.5"
    )


def test_off_by_default_the_agency_result_does_not_touch_dd(world):
    _failed_agency(world)
    data = result_service.compute(_chair_sheet(world))
    assert data["dd"] == 1.0
    assert not any(s["rule"] == "leader_agency" for s in data["explanation"])


def test_on_a_failed_commune_gives_its_chairman_the_partial_dd(world, monkeypatch):
    on = replace(get_rulebook(), agency_informs_leader=True)
    monkeypatch.setattr(result_service, "rulebook_of", lambda sheet: on)
    sheet = _chair_sheet(world)
    assert result_service.compute(sheet)["dd"] == 1.0  # no published agency result yet
    _failed_agency(world)
    data = result_service.compute(sheet)
    assert data["dd"] == 0.5
    step = next(s for s in data["explanation"] if s["rule"] == "leader_agency")
    assert "Không hoàn thành nhiệm vụ năm 2025" in step["text"] and "45.50" in step["text"]
