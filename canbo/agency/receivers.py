"""Answers the agency app gives to signals of lower apps."""

from canbo.agency.models import AgencyEvaluation, EvaluationStatus


def agency_result(sender, organization, year: int, **kwargs) -> dict | None:
    """The commune's latest published agency result of the year or before."""
    if organization is None:
        return None
    found = (
        AgencyEvaluation.objects.filter(
            organization__path=_commune_path(organization.path),
            year__lte=year,
            status=EvaluationStatus.PUBLISHED,
        )
        .order_by("-year")
        .first()
    )
    if found is None:
        return None
    return {"level": found.level, "year": found.year, "total": f"{found.total:.2f}"}


def _commune_path(path: str) -> str:
    parts = [p for p in path.strip("/").split("/") if p]
    return "/" + "/".join(parts[:2]) + "/"
