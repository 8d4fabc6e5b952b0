"""Who an import acts for, and which people and organisations it may write.

Users and API clients go through the access chokepoint (`visible_to`); the command line is the
operator's shell and is limited only by its optional --org.
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from canbo.core.access import is_province_wide, narrowed_to, writable_orgs
from canbo.org.models import Organization
from canbo.people.models import Person


@dataclass(frozen=True)
class Actor:
    """The user or API client behind an import (None: the command line), and an optional
    organisation that narrows the scope further."""

    who: object | None = None
    org: Organization | None = None

    @property
    def user(self):
        """The user for audit entries (API clients are not users)."""
        return None if getattr(self.who, "is_api_client", False) else self.who

    @property
    def client(self):
        return self.who if getattr(self.who, "is_api_client", False) else None

    @property
    def home_org(self) -> Organization | None:
        """The organisation the actor acts in: --org, the client's, or the user's profile's."""
        if self.org is not None:
            return self.org
        if self.client is not None:
            return self.client.organization
        profile = getattr(self.who, "profile", None) if self.who is not None else None
        return getattr(profile, "organization", None)

    def people(self) -> QuerySet:
        people = Person.objects.all() if self.who is None else Person.objects.visible_to(self.who)
        return narrowed_to(people, self.org)

    def orgs(self) -> QuerySet:
        """Organisations the actor may write into: its own subtree (not the whole commune)."""
        orgs = Organization.objects.all()
        if self.who is not None:
            orgs = writable_orgs(orgs, self.who)
        return narrowed_to(orgs, self.org, "path")

    def covers(self, org: Organization | None) -> bool:
        if org is None:
            return self.who is None and self.org is None or self._province_wide()
        return self.orgs().filter(pk=org.pk).exists()

    def _province_wide(self) -> bool:
        return self.who is not None and self.org is None and is_province_wide(self.who)
