"""Cadre-development lists as JSON for connected systems with the `cadre:read` scope."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from canbo.cadre.analysis import assess, lacking_theory, university_candidates
from canbo.cadre.clock import today
from canbo.cadre.models import TalentRecord
from canbo.cadre.services.pipeline import communes_of, key_title_rows, recruitment_needs
from canbo.core.access import within, writable_orgs
from canbo.integration.api.auth import require_scope
from canbo.integration.api.errors import ApiError
from canbo.integration.api.paging import Listing, Page, Pages
from canbo.integration.api.schemas import ErrorOut
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
        people = within(people, unit.path)
    return people.order_by("code")[:LIMIT]


def _out(request, rows, day) -> list[CadreRowOut]:
    log_personal_data_access(request, [r.person.pk for r in rows], "api.cadre")
    return [
        CadreRowOut(
            code=r.person.code,
            full_name=r.person.full_name,
            organization_code=r.person.organization.code if r.person.organization else None,
            organization_name=r.person.organization.name if r.person.organization else None,
            job_position=r.person.job_position.name if r.person.job_position else None,
            years_of_service_left=_years(r.person, day),
            gaps=[GapOut(kind=g.kind, text=g.text) for g in r.gaps],
        )
        for r in rows
    ]


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


class YearFilters(Schema):
    year: int | None = Field(
        None, ge=2000, le=2100, description=gettext_lazy("Year (default: this year)")
    )


class KeyTitleOut(Schema):
    org_code: str | None
    title: str
    person_code: str | None
    local: bool
    vacant: bool


class TalentOut(Schema):
    name: str
    school: str
    major: str
    graduation_year: int
    origin_org_code: str | None
    ethnicity: str


class NeedOut(Schema):
    org_code: str | None
    field: str
    quota: int
    actual: int
    shortage: int


class KeyTitlePage(Page):
    items: list[KeyTitleOut]


class TalentPage(Page):
    items: list[TalentOut]


class NeedPage(Page):
    items: list[NeedOut]


@router.get("/cadre/key-titles", response={200: KeyTitlePage, **ERRORS})
@paginate(Pages)
def key_titles(request):
    """Each commune × key title (Bí thư, Chủ tịch UBND, Chủ nhiệm UBKT) of the client's
    subtree: its holder, whether they are a local person, or that it is vacant."""
    require_scope(request, "cadre:read")
    return Listing(
        key_title_rows(communes_of(request.auth)),
        lambda r: KeyTitleOut(
            org_code=r.commune.code,
            title=r.title.name,
            person_code=r.person.code if r.person else None,
            local=r.local,
            vacant=r.vacant,
        ),
        lambda r: r.person.pk if r.person else None,
        "api.cadre",
    )


@router.get("/cadre/talent-pool", response={200: TalentPage, **ERRORS})
@paginate(Pages)
def talent_pool(request, filters: Query[YearFilters]):
    """The student talent pool of a year, students from communes of the client's subtree."""
    require_scope(request, "cadre:read")
    year = filters.year or today().year
    rows = (
        TalentRecord.objects.visible_to(request.auth)
        .filter(year=year)
        .select_related("origin")
        .order_by("graduation_year", "major", "full_name", "id")
    )
    return Listing(
        rows,
        lambda r: TalentOut(
            name=r.full_name,
            school=r.school,
            major=r.major,
            graduation_year=r.graduation_year,
            origin_org_code=r.origin.code,
            ethnicity=r.get_ethnicity_display(),
        ),
    )


@router.get("/cadre/recruitment-needs", response={200: NeedPage, **ERRORS})
@paginate(Pages)
def recruitment_needs_list(request, filters: Query[YearFilters]):
    """Commune × field short of staff against the staffing quota (job positions 2026–2031),
    within the client's subtree. `year` selects the staffing period (2026–2031)."""
    require_scope(request, "cadre:read")
    year = filters.year or today().year
    if not 2026 <= year <= 2031:
        raise ApiError(
            422, "invalid", _("The year must be within the job-position period 2026–2031."), "year"
        )
    orgs = writable_orgs(Organization.objects.all(), request.auth)
    return Listing(
        recruitment_needs(Person.objects.visible_to(request.auth), orgs),
        lambda r: NeedOut(
            org_code=r.unit.code, field=r.field, quota=r.quota, actual=r.actual, shortage=r.shortage
        ),
    )
