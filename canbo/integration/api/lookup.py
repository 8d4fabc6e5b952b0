"""Look-ups of organisations (by electronic code) and civil servants (by code)."""

from django.shortcuts import get_object_or_404
from ninja import Router

from canbo.integration.api.auth import require_scope
from canbo.integration.api.schemas import ErrorOut, OrganizationOut, PersonOut
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.people.services import log_personal_data_view

router = Router(tags=["look-ups"])
ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}


def _org_out(org: Organization) -> OrganizationOut:
    parent = org.parent
    return OrganizationOut(
        code=org.code, name=org.name, kind=org.kind, parent_code=parent.code if parent else None
    )


@router.get("/organizations/{code}", response={200: OrganizationOut, **ERRORS})
def get_organization(request, code: str):
    """An organisation by its electronic code (mã định danh)."""
    require_scope(request, "org:read")
    orgs = Organization.objects.visible_to(request.auth).select_related("parent")
    return _org_out(get_object_or_404(orgs, code=code))


@router.get("/people/{code}", response={200: PersonOut, **ERRORS})
def get_person(request, code: str):
    """A civil servant by code, within the client's organisation subtree."""
    require_scope(request, "people:read")
    people = Person.objects.visible_to(request.auth).select_related(
        "organization", "job_position", "title"
    )
    person = get_object_or_404(people, code=code)
    log_personal_data_view(request, person, "api.people")
    org = person.organization
    return PersonOut(
        code=person.code,
        full_name=person.full_name,
        gender=person.gender,
        birth_year=person.birth_year,
        organization_code=org.code if org else None,
        organization_name=org.name if org else None,
        job_position=person.job_position.name if person.job_position else None,
        title=person.title.name if person.title else None,
        service_start=person.service_start,
    )
