from datetime import date

import pytest

from canbo.feedback.dossiers import DossierData, RatingData, check_dossiers, write_dossiers
from canbo.people.models import Person
from tests.integration.conftest import clients  # noqa: F401 (the API clients fixture)


def put_dossiers(rows: list[DossierData]):
    checked = check_dossiers(Person.objects.all(), rows)
    errors = [e for c in checked for e in c.errors]
    assert not errors, errors
    return write_dossiers(None, checked, "test")


def dossier(
    code: str,
    officer: str,
    day: date = date(2026, 10, 5),
    level: int | None = None,
    comment: str = "",
    **extra,
) -> DossierData:
    rating = RatingData(level, comment) if level else None
    return DossierData(code=code, officer_code=officer, received_date=day, rating=rating, **extra)


@pytest.fixture
def october(world):
    """Tân Phong: staff (TP-1) 10 dossiers, 2 dissatisfied, 1 complained, 7 returned of which
    5 on time; colleague (TP-2) 4 dossiers all very satisfied; economy (TP-3) 1 dossier.
    Đoàn Kết: outsider (DK-1) 3 dossiers, 1 dissatisfied."""
    rows = []
    for n in range(10):
        level = {0: 1, 1: 2, 2: 3}.get(n, 5)
        returned = date(2026, 10, 10 + n) if n < 7 else None
        rows.append(
            dossier(
                f"TP-{n}",
                "TP-1",
                level=level if n < 8 else None,
                comment="Chờ lâu" if n == 0 else "",
                due_date=date(2026, 10, 14),
                returned_date=returned,
                complained=(n == 9),
                status="returned" if returned else "processing",
            )
        )
    rows += [dossier(f"TP2-{n}", "TP-2", level=5) for n in range(4)]
    rows.append(dossier("TP3-0", "TP-3", level=4))
    rows += [dossier(f"DK-{n}", "DK-1", level=2 if n == 0 else 4) for n in range(3)]
    put_dossiers(rows)
    return world


def lock_month(world, start: date, person_key: str = "staff"):
    """A locked period of Tân Phong with the person's published sheet (canbo.work.locks)."""
    from canbo.evaluation.models import EvaluationPeriod, EvaluationSheet

    period = EvaluationPeriod.objects.create(
        organization=world.tanphong,
        start=start,
        status="locked",
        self_assessment_due=start,
        review_due=start,
        approval_due=start,
    )
    EvaluationSheet.objects.create(
        person=world.people[person_key], period=period, status="published"
    )
    return period
