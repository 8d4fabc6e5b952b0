"""Which organisations an import may write into: the actor's own subtree only."""

from canbo.core.access import is_province_wide, writable_orgs
from canbo.org.models import Organization


def _writable(world, who) -> set[int]:
    return {o.pk for o in writable_orgs(Organization.objects.all(), world.users[who])}


def test_writable_organisations_by_role(world):
    everything = set(Organization.objects.values_list("pk", flat=True))
    tanphong = set(
        Organization.objects.filter(path__startswith=world.tanphong.path).values_list(
            "pk", flat=True
        )
    )
    assert _writable(world, "personnel") == everything
    assert _writable(world, "chair") == tanphong
    # A unit head reads the whole commune's structure but writes only into the unit.
    assert _writable(world, "head") == {world.tp_office.pk}
    assert world.tp_economy in Organization.objects.visible_to(world.users["head"])
    assert _writable(world, "outsider") == {world.dk_office.pk}


def test_only_province_roles_are_province_wide(world):
    assert is_province_wide(world.users["personnel"])
    assert not any(is_province_wide(world.users[who]) for who in ("staff", "head", "chair"))
