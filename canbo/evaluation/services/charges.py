"""Deputies' "phụ trách" assignments (DOMAIN §2.1), kept by the personnel offices."""

from django.db import transaction

from canbo.core import audit
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import LeaderCharge
from canbo.evaluation.permissions import can_manage_periods
from canbo.evaluation.services.leaders import DEPUTY, VICE_CHAIRMAN, leader_kind
from canbo.org.models import Organization
from canbo.people.models import Person


def _check(actor, leader: Person, organization: Organization) -> None:
    if not can_manage_periods(actor):
        raise EvaluationError("Bạn không có quyền phân công phụ trách.")
    visible = Person.objects.visible_to(actor).filter(pk=leader.pk).exists() and \
        Organization.objects.visible_to(actor).filter(pk=organization.pk).exists()
    if not visible:
        raise EvaluationError("Người hoặc đơn vị không thuộc phạm vi quản lý của bạn.")
    if leader_kind(leader) not in (DEPUTY, VICE_CHAIRMAN):
        raise EvaluationError("Chỉ phân công phụ trách cho cấp phó (Phó Chủ tịch, Phó Trưởng "
                              "phòng).")
    commune = leader.organization.commune()
    if commune is None or organization.commune() != commune or organization.is_commune:
        raise EvaluationError("Đơn vị phụ trách phải là phòng, ban thuộc cùng xã, phường.")


@transaction.atomic
def assign_charge(actor, leader: Person, organization: Organization,
                  note: str = "") -> LeaderCharge:
    _check(actor, leader, organization)
    charge, created = LeaderCharge.objects.get_or_create(
        leader=leader, organization=organization,
        defaults={"note": note.strip(), "recorded_by": actor})
    if not created:
        raise EvaluationError("Phân công phụ trách này đã có.")
    audit.record(actor, "evaluation.assign_charge", leader,
                 after={"organization": organization.name}, reason=note)
    return charge


@transaction.atomic
def remove_charge(actor, charge: LeaderCharge, reason: str = "") -> None:
    _check(actor, charge.leader, charge.organization)
    audit.record(actor, "evaluation.remove_charge", charge.leader,
                 before={"organization": charge.organization.name}, reason=reason)
    charge.delete()
