"""Cadre-development lists as JSON for connected systems with the `cadre:read` scope."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from canbo.cadre.analysis import assess, lacking_theory, university_candidates
from canbo.cadre.clock import today
from canbo.integration.auth import require_scope
from canbo.integration.schemas import ErrorOut
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.people.services import log_personal_data_access

router = Router(tags=["cadre"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
LIMIT = 5000


class GapOut(Schema):
    kind: str
    text: str


class CadreRowOut(Schema):
    code: str
    full_name: str
    organization_code: str | None
    organization_name: str | None
    job_position: str | None
    years_of_service_left: float | None
    gaps: list[GapOut]


def _people(request, org: str | None):
    """People of the client's subtree, optionally one organisation's subtree by its code."""
    require_scope(request, "cadre:read")
    people = Person.objects.visible_to(request.auth)
    if org:
        unit = get_object_or_404(Organization.objects.visible_to(request.auth), code=org)
        people = people.filter(organization__path__startswith=unit.path)
    return people.order_by("code")[:LIMIT]


def _out(request, rows, day) -> list[CadreRowOut]:
    log_personal_data_access(request, [r.person.pk for r in rows], "api.cadre")
    return [CadreRowOut(
        code=r.person.code, full_name=r.person.full_name,
        organization_code=r.person.organization.code if r.person.organization else None,
        organization_name=r.person.organization.name if r.person.organization else None,
        job_position=r.person.job_position.name if r.person.job_position else None,
        years_of_service_left=_years(r.person, day),
        gaps=[GapOut(kind=g.kind, text=g.text) for g in r.gaps]) for r in rows]


def _years(person, day):
    left = person.years_left(day)
    return None if left is None else round(left, 2)


@router.get("/cadre/qualification-gaps", response={200: list[CadreRowOut], **ERRORS})
def qualification_gaps(request, org: str | None = None):
    """People whose record falls short of their job position's or title's standard."""
    day = today()
    return _out(request, [r for r in assess(_people(request, org)) if r.gaps], day)


@router.get("/cadre/training-candidates", response={200: list[CadreRowOut], **ERRORS})
def training_candidates(request, org: str | None = None):
    """Below the professional standard with more than 6 years of service left."""
    day = today()
    return _out(request, university_candidates(assess(_people(request, org)), day), day)


@router.get("/cadre/lacking-political-theory", response={200: list[CadreRowOut], **ERRORS})
def lacking_political_theory(request, org: str | None = None):
    """People lacking the political-theory level their title requires."""
    return _out(request, lacking_theory(assess(_people(request, org))), today())
