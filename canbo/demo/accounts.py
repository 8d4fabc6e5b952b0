"""Demo user accounts: one per kind of user the system serves, password "demo"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model

from canbo.core.roles import Role
from canbo.org.models import Organization
from canbo.oversight import plan_data
from canbo.oversight.demo import ensure_owner_bodies
from canbo.people.models import Person, Profile

if TYPE_CHECKING:
    from canbo.demo.seed import Unit

PASSWORD = "demo"
PERSONNEL_OFFICER_NAME = ("Nguyễn Thị", "Thu")
ADMIN_NAME = ("Quản trị", "hệ thống")
PROVINCE_LEADER_NAME = ("Hoàng Văn", "Minh")
AGENCY_NAMES = {Role.PLAN_REPORTER: ("Lò Văn", "Hùng"), Role.PLAN_SUPERVISOR: ("Vàng Thị", "Dung")}


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    role_label: str  # Vietnamese, for demo-logins
    commune: str = ""  # commune or ward name ("" = provincial)
    suffix: str = ""  # department code suffix ("" = the commune node itself)
    title: str = ""  # title code of the person to attach ("" = no person)
    agency: str = ""  # a provincial body other than the personnel office


ACCOUNTS = [
    Account("sonoivu", Role.PERSONNEL_PROVINCE, "Cán bộ Sở Nội vụ (toàn tỉnh)"),
    Account(
        "chutich.tanphong",
        Role.CHAIRMAN,
        "Chủ tịch UBND phường Tân Phong",
        "Tân Phong",
        "",
        "CHU_TICH",
    ),
    Account(
        "truongphong.tanphong",
        Role.UNIT_HEAD,
        "Trưởng phòng, Văn phòng HĐND và UBND phường Tân Phong",
        "Tân Phong",
        "VP",
        "TRUONG_PHONG",
    ),
    Account(
        "congchuc.tanphong",
        Role.CIVIL_SERVANT,
        "Công chức, Văn phòng HĐND và UBND phường Tân Phong",
        "Tân Phong",
        "VP",
        "CONG_CHUC",
    ),
    Account(
        "congchuc.doanket",
        Role.CIVIL_SERVANT,
        "Công chức, Phòng Kinh tế, Hạ tầng và Đô thị phường Đoàn Kết",
        "Đoàn Kết",
        "KT",
        "CONG_CHUC",
    ),
    Account(
        "lanhdao.tinh",
        Role.PROVINCE_VIEWER,
        "Lãnh đạo UBND tỉnh (phê duyệt đánh giá cơ quan cấp xã)",
    ),
    Account(
        "bantuyengiao",
        Role.PLAN_REPORTER,
        "Ban Tuyên giáo và Dân vận Đảng ủy UBND tỉnh (báo cáo kết quả thực hiện Nghị quyết)",
        agency=plan_data.BTG,
    ),
    Account(
        "uybankiemtra",
        Role.PLAN_SUPERVISOR,
        "Ủy ban Kiểm tra Đảng ủy UBND tỉnh (giám sát thực hiện Kế hoạch)",
        agency=plan_data.UBKT,
    ),
    Account("admin", Role.ADMIN, "Quản trị hệ thống"),
]


def seed_accounts(root: Organization, office: Organization, units: list[Unit]) -> None:
    by_name = {unit.commune.name: unit for unit in units}
    for account in ACCOUNTS:
        org = _organization(account, root, office, by_name)
        person = _person(account, org)
        _ensure_user(account, org, person)


def _organization(
    account: Account, root: Organization, office: Organization, by_name: dict[str, Unit]
) -> Organization:
    if account.role in (Role.ADMIN, Role.PROVINCE_VIEWER):
        return root
    if account.agency:
        return ensure_owner_bodies(root)[account.agency]
    if not account.commune:
        return office
    unit = by_name[account.commune]
    return unit.departments.get(account.suffix, unit.org)


def _person(account: Account, org: Organization) -> Person | None:
    if not account.title:
        return None
    people = Person.objects.filter(organization=org, title__code=account.title)
    return people.order_by("code").first()


def _ensure_user(account: Account, org: Organization, person: Person | None) -> None:
    """Create the user once (password "demo"); keep its name and profile in line."""
    user, created = get_user_model().objects.get_or_create(username=account.username)
    first, last = _name_parts(account, person)
    is_admin = account.role == Role.ADMIN
    if created:
        user.set_password(PASSWORD)
    wanted = {
        "first_name": first,
        "last_name": last,
        "is_staff": is_admin,
        "is_superuser": is_admin,
    }
    if created or any(getattr(user, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(user, key, value)
        user.save()
    Profile.objects.update_or_create(
        user=user,
        defaults={"role": account.role, "organization": org, "person": person},
    )


def _name_parts(account: Account, person: Person | None) -> tuple[str, str]:
    """Split a Vietnamese name so that get_full_name() reads "Nguyễn Thị Thu".

    Django joins first_name + " " + last_name, so the family and middle names go in
    first_name and the given name in last_name.
    """
    if person is None:
        if account.role == Role.PROVINCE_VIEWER:
            return PROVINCE_LEADER_NAME
        if account.role == Role.ADMIN:
            return ADMIN_NAME
        return AGENCY_NAMES.get(account.role, PERSONNEL_OFFICER_NAME)
    family_middle, _, given = person.full_name.rpartition(" ")
    return family_middle, given
