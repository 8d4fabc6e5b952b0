"""Deputies' "phụ trách" assignments (DOMAIN §2.1), kept by the personnel offices."""

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.evaluation.errors import EvaluationError
from canbo.evaluation.models import LeaderCharge
from canbo.evaluation.permissions import can_manage_periods
from canbo.evaluation.services.leaders import DEPUTY, VICE_CHAIRMAN, leader_kind
from canbo.org.models import Organization
from canbo.people.models import Person


def _check(actor, leader: Person, organization: Organization) -> None:
    if not can_manage_periods(actor):
        raise EvaluationError(_("You may not assign leaders' charges."))
    visible = (
        Person.objects.visible_to(actor).filter(pk=leader.pk).exists()
        and Organization.objects.visible_to(actor).filter(pk=organization.pk).exists()
    )
    if not visible:
        raise EvaluationError(_("The person or the unit is outside your scope."))
    if leader_kind(leader) not in (DEPUTY, VICE_CHAIRMAN):
        raise EvaluationError(_("Only deputies (Vice Chairman, Deputy Head) are given charges."))
    commune = leader.organization.commune()
    if commune is None or organization.commune() != commune or organization.is_commune:
        raise EvaluationError(
            _("The unit in charge must be a department of the same commune or ward.")
        )


@transaction.atomic
def assign_charge(
    actor, leader: Person, organization: Organization, note: str = ""
) -> LeaderCharge:
    _check(actor, leader, organization)
    charge, created = LeaderCharge.objects.get_or_create(
        leader=leader,
        organization=organization,
        defaults={"note": note.strip(), "recorded_by": actor},
    )
    if not created:
        raise EvaluationError(_("This charge already exists."))
    audit.record(
        actor,
        "evaluation.assign_charge",
        leader,
        after={"organization": organization.name},
        reason=note,
    )
    return charge


@transaction.atomic
def remove_charge(actor, charge: LeaderCharge, reason: str = "") -> None:
    _check(actor, charge.leader, charge.organization)
    audit.record(
        actor,
        "evaluation.remove_charge",
        charge.leader,
        before={"organization": charge.organization.name},
        reason=reason,
    )
    charge.delete()
