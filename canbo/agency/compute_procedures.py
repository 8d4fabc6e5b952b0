"""The administrative-procedures criterion, from what a receiver of `procedure_measures` knows
(the feedback app's dossiers); without an answer the criterion is entered by hand."""

from fractions import Fraction

from django.utils.translation import gettext as _

from canbo.agency.compute_inputs import Computed
from canbo.agency.signals import procedure_measures
from canbo.org.models import Organization
from canbo.scoring import fmt
from canbo.scoring.agency import mean_points
from canbo.scoring.numfmt import fmt_percent


def procedure_points(most: Fraction, commune: Organization, year: int) -> Computed | None:
    """most × mean(on-time share, satisfaction) when a receiver answers; else entered."""
    for _receiver, answer in procedure_measures.send(
        sender=Organization, organization=commune, year=year
    ):
        if answer:
            return _answered(most, answer)
    return None


def _answered(most: Fraction, answer: dict) -> Computed:
    on_time, satisfied = Fraction(answer["on_time"]), Fraction(answer["satisfaction"])
    points = mean_points(most, [on_time, satisfied])
    text = _(
        "Dossiers handled on time %(o)s, satisfaction index %(s)s: %(max)s × mean = %(points)s."
    ) % {
        "o": fmt_percent(on_time),
        "s": fmt_percent(satisfied),
        "max": fmt(most),
        "points": fmt(points),
    }
    if answer.get("text"):
        text += " " + answer["text"]
    return Computed(points, text)
