"""The one access chokepoint: which rows a user may see, and what they may do.

Every query for organisations, people (and later tasks and evaluations) goes through
`visible_orgs` / `visible_people` via the querysets' `visible_to(user)`; views never
filter by role or organisation by hand.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q

from canbo.core.paths import commune_path, path_prefixes
from canbo.core.roles import (
    API_CLIENT,
    CAPABILITIES,
    OVERSIGHT_BODIES,
    PROVINCE_WIDE,
    SELF_ONLY,
    Role,
)


@dataclass(frozen=True)
class Scope:
    role: str | None
    org_path: str | None  # subtree prefix of the organisations the user acts in
    person_id: int | None  # the user's own civil-servant record
    province_wide: bool = False

    @property
    def self_only(self) -> bool:
        return self.role in SELF_ONLY


NO_SCOPE = Scope(role=None, org_path=None, person_id=None)


def scope_for(user) -> Scope:
    """Return the user's (or API client's) scope, computed once per object."""
    if getattr(user, "is_api_client", False):
        return _client_scope(user)
    if user is None or not user.is_authenticated:
        return NO_SCOPE
    cached = getattr(user, "_canbo_scope", None)
    if cached is not None:
        return cached
    scope = _compute_scope(user)
    user._canbo_scope = scope
    return scope


def _compute_scope(user) -> Scope:
    # The profile (people app, above core) is read through the user's reverse relation, in
    # one query, without importing or looking up the model.
    users = get_user_model().objects.select_related("profile__organization")
    fresh = users.filter(pk=user.pk).first()
    profile = getattr(fresh, "profile", None) if fresh is not None else None
    if profile is None or not user.is_active:
        return NO_SCOPE
    org = profile.organization
    return Scope(
        role=profile.role,
        org_path=org.path if org else None,
        person_id=profile.person_id,
        province_wide=profile.role in PROVINCE_WIDE,
    )


def _client_scope(client) -> Scope:
    """A connected system acts within its organisation's subtree, never province-wide by role."""
    if not client.is_active:
        return NO_SCOPE
    return Scope(role=API_CLIENT, org_path=client.organization.path, person_id=None)


def can(user, capability: str) -> bool:
    scope = scope_for(user)
    return scope.role is not None and scope.role in CAPABILITIES.get(capability, set())


def require(user, capability: str) -> None:
    if not can(user, capability):
        raise PermissionDenied


def visible_orgs(queryset, user):
    return visible_org_rows(queryset, user, "path")


def visible_org_rows(queryset, user, path: str = "organization__path"):
    """Rows attached to an organisation (`path`) whose structure the user may read: all
    province-wide, else those of one's own commune (evaluation periods, connected systems)."""
    scope = scope_for(user)
    if scope.province_wide:
        return queryset
    if scope.org_path is None:
        return queryset.none()
    # The structure of one's own commune is public within it; people are not (see below).
    return queryset.filter(**{f"{path}__startswith": commune_path(scope.org_path)})


def writable_orgs(queryset, user):
    """Organisations a user or API client may write into (imports): its own subtree, not the
    whole commune whose structure it may read."""
    return _in_subtree(queryset, scope_for(user), "path")


def visible_payloads(queryset, user):
    """Kept (rejected) import payloads of the organisations the user may write into; those
    without an organisation only province-wide."""
    return _in_subtree(queryset, scope_for(user), "organization__path")


def in_own_subtree(user, path: str) -> bool:
    """Whether an organisation (by its path) lies in the subtree the user acts in: anywhere
    province-wide (opening and locking periods, writing into it)."""
    scope = scope_for(user)
    if scope.province_wide:
        return True
    return scope.org_path is not None and path.startswith(scope.org_path)


def own_org(queryset, user, commune: bool = False):
    """The organisation (of `queryset`) the user acts in, or its commune; None province-wide
    (whose screens open on the top organisation) and for a user attached to none."""
    scope = scope_for(user)
    if scope.province_wide or scope.org_path is None:
        return None
    path = commune_path(scope.org_path) if commune else scope.org_path
    return visible_orgs(queryset, user).filter(path=path).first()


def home_commune(queryset, user):
    """The organisation a user's commune-wide screens cover (of `queryset`, organisations):
    the top one province-wide, else one's own commune, else the top one the user sees."""
    own = own_org(queryset, user, commune=True)
    return own or visible_orgs(queryset, user).order_by("depth").first()


def _in_subtree(queryset, scope: Scope, path: str):
    """All rows province-wide, else those whose organisation path (`path`) lies in the
    scope's subtree; none without an organisation."""
    if scope.province_wide:
        return queryset
    if scope.org_path is None:
        return queryset.none()
    return queryset.filter(**{f"{path}__startswith": scope.org_path})


def within(queryset, org_path: str, path: str = "organization__path"):
    """Narrow rows (already limited by a `visible_*` rule, or an operator's unrestricted ones)
    to a chosen organisation's subtree: a filter a user picks, never a grant."""
    return queryset.filter(**{f"{path}__startswith": org_path})


def covering(queryset, org_path: str, path: str = "organization__path"):
    """Rows whose organisation (`path`) is the one at `org_path` or above it: those whose
    subtree covers it (the API clients an event reaches, the bodies that handle a case)."""
    return queryset.filter(**{f"{path}__in": path_prefixes(org_path)})


def narrowed_to(queryset, org, path: str = "organization__path"):
    """`within` an optional chosen organisation (a form's, an API filter's, a command's
    --org): the rows unchanged when none was chosen."""
    return queryset if org is None else within(queryset, org.path, path)


_ANYWHERE = object()


def who_can(capability: str, organization=_ANYWHERE):
    """The users whose role holds `capability`, anywhere or attached to `organization` (None:
    to none): whom to tell about something they act on. No module outside core names roles
    to pick people."""
    users = get_user_model().objects.filter(profile__role__in=CAPABILITIES.get(capability, ()))
    if organization is not _ANYWHERE:
        users = users.filter(profile__organization=organization)
    return users


def is_province_wide(user) -> bool:
    return scope_for(user).province_wide


def is_own(user, person_id: int | None) -> bool:
    """Whether a row about `person_id` is the user's own (a user without a civil-servant
    record owns only rows about nobody)."""
    return scope_for(user).person_id == person_id


def can_for_other(user, capability: str, person_id: int | None) -> bool:
    """A capability exercised on someone else's row, never on one's own (judging a task,
    reviewing a sheet, deciding a rating)."""
    return can(user, capability) and not is_own(user, person_id)


def own_rows(queryset, user, field: str = "person_id"):
    """Rows about the user's own civil-servant record (`field` holds the person's id); none
    for a user without one."""
    person_id = scope_for(user).person_id
    return queryset.filter(**{field: person_id}) if person_id else queryset.none()


def not_own(queryset, user, field: str = "person_id"):
    """Rows about anyone but the user (what one reviews or answers is never one's own)."""
    person_id = scope_for(user).person_id
    return queryset.exclude(**{field: person_id}) if person_id else queryset


def made_by(queryset, user, field: str = "created_by"):
    """Rows the user made or that are addressed to them (`field` is a user): uploads, exports,
    notifications. None for an anonymous user or an API client."""
    if getattr(user, "is_api_client", False) or not getattr(user, "is_authenticated", False):
        return queryset.none()
    return queryset.filter(**{field: user})


def _people_rule(queryset, user, own: str, path: str):
    """The people rule for any rows: all province-wide, one's own (`own` = the person's id)
    for a civil servant, else the rows whose organisation (`path`) is in the user's subtree."""
    scope = scope_for(user)
    if scope.self_only and not scope.province_wide:
        return queryset.filter(**{own: scope.person_id}) if scope.person_id else queryset.none()
    return _in_subtree(queryset, scope, path)


def visible_people(queryset, user):
    return _people_rule(queryset, user, "pk", "organization__path")


def visible_tasks(queryset, user):
    """Tasks follow the people rules, filtered on the organisation held at assignment."""
    return _people_rule(queryset, user, "assignee_id", "organization__path")


def visible_catalogs(queryset, user):
    """A published catalogue is public within its commune; drafts only to their managers."""
    scope = scope_for(user)
    if scope.province_wide:
        return queryset
    if scope.org_path is None:
        return queryset.none()
    queryset = queryset.filter(organization__path__startswith=commune_path(scope.org_path))
    if can(user, "work.catalog.manage"):
        return queryset.filter(Q(published=True) | Q(organization__path__startswith=scope.org_path))
    return queryset.filter(published=True)


def usable_catalogs(queryset, user, prefix: str = ""):
    """Published catalogues a user or API client assigns tasks from: those of its organisation,
    of the organisations above it (commune, province) and of its units. `prefix` reaches the
    catalogue from other rows ("catalog__" for items)."""
    org_path = scope_for(user).org_path
    if org_path is None:
        return queryset.none()
    path = f"{prefix}organization__path"
    above_or_below = Q(**{f"{path}__in": path_prefixes(org_path)}) | Q(
        **{f"{path}__startswith": org_path}
    )
    return queryset.filter(above_or_below, **{f"{prefix}published": True})


def manageable_catalogs(queryset, user, path_field: str = "organization__path"):
    """Catalogues (or, with path_field="path", organisations) the user may manage."""
    if not can(user, "work.catalog.manage"):
        return queryset.none()
    return _in_subtree(queryset, scope_for(user), path_field)


def visible_sheets(queryset, user):
    """Sheets follow the person's current unit (a transferred person's results move along)."""
    return _people_rule(queryset, user, "person_id", "person__organization__path")


def published_in_unit(queryset, user):
    """Published results are public within the agency (Art. 23): a civil servant sees those
    of their own unit, others what their scope already covers."""
    scope = scope_for(user)
    if not scope.self_only:
        return visible_sheets(queryset, user)
    if scope.org_path is None:
        return queryset.none()
    return queryset.filter(person__organization__path=scope.org_path)


def visible_annual_results(queryset, user):
    return _people_rule(queryset, user, "person_id", "person__organization__path")


def visible_dossiers(queryset, user):
    """Citizens' dossiers and ratings follow the people rules on the handling officer and the
    officer's unit at receipt: officers their own, heads their unit, chairmen their commune,
    the province all."""
    return _people_rule(queryset, user, "officer_id", "unit__path")


def visible_agency_rows(queryset, user, path: str = "organization__path"):
    """Agency evaluations and indicator rows (keyed on a commune, `path`): all province-wide,
    else the rows of one's own commune (an API client: its subtree); none for a civil servant."""
    scope = scope_for(user)
    if scope.province_wide:
        return queryset
    if scope.org_path is None or scope.self_only:
        return queryset.none()
    if scope.role == API_CLIENT:
        return _in_subtree(queryset, scope, path)
    return queryset.filter(**{path: commune_path(scope.org_path)})


def reads_all_oversight(user) -> bool:
    """The province and the two Party bodies read every oversight row."""
    scope = scope_for(user)
    return scope.province_wide or scope.role in OVERSIGHT_BODIES


def owned_actions(queryset, user, path: str = "owner_org__path"):
    """Plan actions owned by an agency (`path`) in the user's subtree; all of them for whoever
    may update every agency's actions."""
    if can(user, "oversight.plan.update_all"):
        return queryset
    scope = scope_for(user)
    if scope.org_path is None:
        return queryset.none()
    return queryset.filter(**{f"{path}__startswith": scope.org_path})


def handled_cases(queryset, user, path: str = "handling_body__path"):
    """Complaints and denunciations the user's body handles (`path`: the body is the user's
    organisation or one above it), for those who handle cases; none for anyone else."""
    org_path = scope_for(user).org_path
    if not can(user, "oversight.complaints.manage") or not org_path:
        return queryset.none()
    return covering(queryset, org_path, path)


def handles_case(user, body_path: str) -> bool:
    """Whether the user is a member of the handling body (at `body_path`) who handles cases."""
    org_path = scope_for(user).org_path
    if not can(user, "oversight.complaints.manage") or not org_path:
        return False
    return org_path.startswith(body_path)


def visible_cases(queryset, user):
    """The commune's own cases for its leadership, every case for the province and the two
    Party bodies, and those a body handles for that body."""
    seen = visible_oversight(queryset, user, "oversight.complaints.view")
    if not can(user, "oversight.complaints.manage") or not scope_for(user).org_path:
        return seen
    return (seen | handled_cases(queryset, user)).distinct()


def visible_oversight(queryset, user, capability: str, path: str = "organization__path"):
    """Oversight rows tied to an organisation (`path`): all of them for the province and the
    two Party bodies, those of one's own commune for its leadership, none without the
    capability."""
    if not can(user, capability):
        return queryset.none()
    if reads_all_oversight(user):
        return queryset
    scope = scope_for(user)
    if scope.org_path is None:
        return queryset.none()
    return queryset.filter(**{f"{path}__startswith": commune_path(scope.org_path)})


__all__ = [
    "Role",
    "Scope",
    "can",
    "manageable_catalogs",
    "require",
    "scope_for",
    "visible_catalogs",
    "visible_orgs",
    "visible_people",
    "visible_tasks",
]
