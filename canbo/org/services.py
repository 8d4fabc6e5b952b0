"""Workflow functions for job positions and staffing quotas (the provincial personnel office):
every change is audited; a revised job position keeps its former version."""

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.org.models import JobPosition, JobPositionVersion, Organization, StaffingQuota

POSITION_FIELDS = [
    "name",
    "description",
    "field",
    "min_education",
    "required_major",
    "min_political_theory",
    "min_state_management",
    "requires_it",
    "requires_foreign_language",
    "competency_framework",
    "qualification_standard",
    "period",
    "decision",
]


class OrgError(Exception):
    """A change refused: the message is for the user, in Vietnamese."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = str(message)


def _content(position: JobPosition) -> dict:
    return audit.snapshot(position, POSITION_FIELDS)


@transaction.atomic
def create_job_position(actor, code: str, values: dict) -> JobPosition:
    if JobPosition.objects.filter(code=code).exists():
        raise OrgError(_("The code %(code)s is already used.") % {"code": code})
    if not (values.get("decision") or "").strip():
        raise OrgError(_("The approving decision is required."))
    position = JobPosition.objects.create(code=code, version=1, **values)
    audit.record(
        actor,
        "org.create_job_position",
        position,
        after=_content(position),
        reason=position.decision,
    )
    return position


@transaction.atomic
def revise_job_position(actor, position: JobPosition, values: dict) -> JobPosition:
    """A new version under a new approving decision; the former one is kept in history."""
    position = JobPosition.objects.select_for_update().get(pk=position.pk)
    decision = (values.get("decision") or "").strip()
    if not decision:
        raise OrgError(_("The approving decision is required."))
    if decision == position.decision:
        raise OrgError(_("A new version needs a new approving decision."))
    before = _content(position)
    JobPositionVersion.objects.create(
        job_position=position, version=position.version, decision=position.decision, content=before
    )
    for name, value in values.items():
        setattr(position, name, value)
    position.version += 1
    position.save()
    audit.record(
        actor, "org.revise_job_position", position, before, _content(position), reason=decision
    )
    return position


@transaction.atomic
def set_staffing_quota(
    actor, organization: Organization, position: JobPosition, quota: int, decision: str
) -> StaffingQuota:
    if not decision.strip():
        raise OrgError(_("The approving decision is required."))
    row, created = StaffingQuota.objects.select_for_update().get_or_create(
        organization=organization, job_position=position, defaults={"quota": quota}
    )
    before = {} if created else {"quota": row.quota}
    row.quota = quota
    row.save(update_fields=["quota"])
    audit.record(
        actor, "org.set_staffing_quota", row, before, {"quota": quota}, reason=decision.strip()
    )
    return row
