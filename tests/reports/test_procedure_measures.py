"""The agency's "handling of administrative procedures" criterion is computed from the
one-stop dossiers once they exist (feedback answers agency's question through reports)."""

from datetime import date
from fractions import Fraction

from canbo.agency.compute_procedures import procedure_points
from canbo.feedback.dossiers import DossierData, RatingData, check_dossiers, write_dossiers
from canbo.feedback.index import commune_year_measures
from canbo.people.models import Person


def _dossiers(rows):
    write_dossiers(None, check_dossiers(Person.objects.all(), rows), "test")


def test_no_dossiers_leaves_the_entered_value(world):
    assert commune_year_measures(world.tanphong, 2026) is None
    assert procedure_points(Fraction(15), world.tanphong, 2026) is None


def test_the_communes_dossiers_give_on_time_and_satisfaction(world):
    due = date(2026, 10, 10)
    _dossiers(
        [
            DossierData(
                "HS-1",
                "TP-1",
                date(2026, 10, 1),
                due_date=due,
                returned_date=date(2026, 10, 9),
                rating=RatingData(5),
            ),
            DossierData(
                "HS-2",
                "TP-1",
                date(2026, 10, 1),
                due_date=due,
                returned_date=date(2026, 10, 12),
                rating=RatingData(1, "Chậm"),
            ),
            DossierData(
                "HS-3", "TP-2", date(2026, 10, 2), due_date=due, returned_date=date(2026, 10, 10)
            ),
            DossierData("HS-4", "TP-3", date(2026, 10, 3), due_date=due),  # not yet returned
            DossierData(
                "HS-5",
                "DK-1",
                date(2026, 10, 3),
                due_date=due,  # another ward
                returned_date=date(2026, 10, 20),
                rating=RatingData(1),
            ),
        ]
    )
    measures = commune_year_measures(world.tanphong, 2026)
    # 2 of 3 returned on time; (4 dossiers − 1 dissatisfied) ÷ 4.
    assert measures["on_time"] == Fraction(2, 3)
    assert measures["satisfaction"] == Fraction(3, 4)
    computed = procedure_points(Fraction(15), world.tanphong, 2026)
    assert computed.points == Fraction(15) * (Fraction(2, 3) + Fraction(3, 4)) / 2
    assert "4" in computed.text and "2026" in computed.text
    assert commune_year_measures(world.tanphong, 2025) is None
