"""Rows by organisation: the user's subtree, their own rows, and the narrowing a user picks."""

from canbo.core.access.scope import Scope, scope_for
from canbo.core.paths import commune_path, path_prefixes


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
