"""The rows of each register (people, tasks, sheets, dossiers, agency, oversight) a user sees."""

from django.db.models import Q

from canbo.core.access.orgs import _in_subtree, covering
from canbo.core.access.scope import can, scope_for
from canbo.core.paths import commune_path, path_prefixes
from canbo.core.roles import (
    API_CLIENT,
    OVERSIGHT_BODIES,
)


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
