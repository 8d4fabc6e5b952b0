"""Answers the agency app gives to signals of lower apps."""

from canbo.agency.models import AgencyEvaluation, EvaluationStatus
from canbo.core.paths import commune_path


def agency_result(sender, organization, year: int, **kwargs) -> dict | None:
    """The commune's latest published agency result of the year or before."""
    if organization is None:
        return None
    found = (
        AgencyEvaluation.objects.filter(
            organization__path=commune_path(organization.path),
            year__lte=year,
            status=EvaluationStatus.PUBLISHED,
        )
        .order_by("-year")
        .first()
    )
    if found is None:
        return None
    return {"level": found.level, "year": found.year, "total": f"{found.total:.2f}"}
