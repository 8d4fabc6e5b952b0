"""The narrowing, catalogue and recipient rules of core/access/ that modules call instead of
filtering by organisation path or by role themselves."""

from datetime import date

from canbo.core.access import covering, narrowed_to, usable_catalogs, who_can, within
from canbo.integration.models import ApiClient
from canbo.integration.services import create_client
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.models import Catalog


def _codes(queryset) -> set[str]:
    return set(queryset.values_list("code", flat=True))


def test_narrowed_to_a_chosen_organisation_or_unchanged(world):
    people = Person.objects.visible_to(world.users["personnel"])
    assert narrowed_to(people, None) is people
    assert _codes(narrowed_to(people, world.tanphong)) == {"TP-1", "TP-2", "TP-3", "TP-4", "TP-5"}
    assert _codes(within(people, world.tp_office.path)) == {"TP-1", "TP-2", "TP-4"}
    # A narrowing is never a grant: a civil servant still sees only their own record.
    mine = Person.objects.visible_to(world.users["staff"])
    assert _codes(narrowed_to(mine, world.tanphong)) == {"TP-1"}


def test_covering_picks_the_organisation_and_those_above_it(world):
    orgs = covering(Organization.objects.all(), world.tp_office.path, "path")
    assert set(orgs) == {world.province, world.tanphong, world.tp_office}


def _catalog(org, name, published=True):
    return Catalog.objects.create(
        organization=org, name=name, effective_from=date(2026, 1, 1), published=published
    )


def test_usable_catalogs_above_and_below_the_client(world):
    _catalog(world.province, "province")
    _catalog(world.tanphong, "commune")
    _catalog(world.tp_office, "office")
    _catalog(world.tp_office, "draft", published=False)
    _catalog(world.tp_economy, "sibling")
    _catalog(world.doanket, "other commune")
    client, _token = create_client(None, "office", world.tp_office, ["tasks:write"])
    names = set(usable_catalogs(Catalog.objects.all(), client).values_list("name", flat=True))
    assert names == {"province", "commune", "office"}
    ward, _token = create_client(None, "ward", world.tanphong, ["tasks:write"])
    names = set(usable_catalogs(Catalog.objects.all(), ward).values_list("name", flat=True))
    assert names == {"province", "commune", "office", "sibling"}
    ApiClient.objects.filter(pk=ward.pk).update(revoked_at="2026-01-01T00:00Z")
    ward.refresh_from_db()
    assert not usable_catalogs(Catalog.objects.all(), ward).exists()


def test_who_can_by_capability_and_organisation(world):
    users = world.users
    assert set(who_can("evaluation.approve_chairman")) == {users["personnel"]}
    assert set(who_can("evaluation.leaders.follow", world.tanphong)) == {users["chair"]}
    assert not who_can("evaluation.leaders.follow", world.doanket).exists()
    # None means attached to no organisation, not anywhere.
    assert not who_can("evaluation.leaders.follow", None).exists()
    assert set(who_can("people.access_log")) == {users["personnel"], users["admin"]}
