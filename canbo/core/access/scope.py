"""Who the user is to the rules: their scope (role, subtree, own record) and capabilities."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from canbo.core.roles import (
    API_CLIENT,
    CAPABILITIES,
    PROVINCE_WIDE,
    SELF_ONLY,
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
