import pytest
from django.core.exceptions import ValidationError

from canbo.org.choices import OrgKind
from canbo.org.models import Organization, validate_electronic_code


@pytest.mark.parametrize("code", ["000.00.00.H49", "000.01.29.H29", "H29.1"])
def test_valid_electronic_codes(code):
    validate_electronic_code(code)


@pytest.mark.parametrize(
    "code", ["", "H49", "000..00", "000.00.00.h49", "000.00 .H49", "0" * 30 + ".00000"]
)
def test_invalid_electronic_codes(code):
    with pytest.raises(ValidationError):
        validate_electronic_code(code)


def test_paths_follow_the_tree(world):
    assert world.tp_office.path.startswith(world.tanphong.path)
    assert world.tanphong.path.startswith(world.province.path)
    assert world.tp_office.commune() == world.tanphong
    assert world.tp_office.ancestors() == [world.province, world.tanphong]


def test_cycle_is_rejected(world):
    world.tanphong.parent = world.tp_office
    with pytest.raises(ValidationError):
        world.tanphong.save()
    world.tanphong.refresh_from_db()
    assert world.tanphong.parent == world.province


def test_moving_a_subtree_rewrites_paths(world):
    world.tp_office.parent = world.doanket
    world.tp_office.save()
    child = Organization.objects.create(name="Tổ", kind=OrgKind.DEPARTMENT, parent=world.tp_office)
    world.tp_office.parent = world.tanphong
    world.tp_office.save()
    child.refresh_from_db()
    assert child.path.startswith(world.tanphong.path)
    assert Organization.objects.subtree(world.doanket).count() == 2
