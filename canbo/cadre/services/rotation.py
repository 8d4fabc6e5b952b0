"""Transfers and rotations: check a proposal, record it, decide it (updating the posts)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.cadre import hooks
from canbo.cadre.errors import CadreError
from canbo.cadre.models import CapacityFlag, RotationRecord, RotationStatus
from canbo.core import audit
from canbo.people.models import Post
from canbo.people.services import assign_post, end_post

# Key commune posts (cán bộ chủ chốt): titles that must be non-local, and leader titles
# ranked at or above this (Bí thư … Phó Chủ tịch UBND in the demo ranks) [provincial choice].
KEY_TITLE_MAX_RANK = 40
FAIL_LEVEL = "fail"


def is_key_title(title) -> bool:
    return bool(title) and (
        title.must_be_non_local or (title.is_leader and title.rank <= KEY_TITLE_MAX_RANK)
    )


def check_rotation(person, to_org, title, today: date) -> list[str]:
    """Warnings, each with its reason, for moving `person` to `title` in `to_org`."""
    warnings = []
    commune = to_org.commune()
    if title and title.must_be_non_local and commune and person.hometown_id == commune.pk:
        warnings.append(
            _(
                "%(person)s is a local person of %(commune)s: the title %(title)s "
                "must be held by someone who is not local."
            )
            % {"person": person, "commune": commune, "title": title}
        )
    if commune and is_key_title(title) and _is_provincial(person):
        warnings += _provincial_cadre_warnings(person, title, today)
    return warnings


def _is_provincial(person) -> bool:
    return person.organization is not None and person.organization.commune() is None


def _provincial_cadre_warnings(person, title, today: date) -> list[str]:
    warnings = []
    if hooks.latest_classification(person, today.year) == FAIL_LEVEL:
        warnings.append(
            _(
                "%(person)s was last classified as not completing tasks: a "
                "provincial cadre like this must not be sent to the key commune "
                "post %(title)s."
            )
            % {"person": person, "title": title}
        )
    flag = CapacityFlag.objects.filter(person=person, active=True).first()
    if flag:
        warnings.append(
            _(
                "%(person)s is flagged with limited capacity (%(reason)s): must not "
                "be sent to the key commune post %(title)s."
            )
            % {"person": person, "reason": flag.reason, "title": title}
        )
    return warnings


@transaction.atomic
def propose_rotation(
    actor,
    person,
    kind: str,
    to_org,
    title=None,
    job_position=None,
    note: str = "",
    today: date | None = None,
) -> RotationRecord:
    today = today or date.today()
    record = RotationRecord.objects.create(
        person=person,
        kind=kind,
        from_org=person.organization,
        to_org=to_org,
        title=title,
        job_position=job_position or person.job_position,
        note=note,
        warnings=check_rotation(person, to_org, title, today),
    )
    audit.record(
        actor, "cadre.propose_rotation", record, after={"status": record.status}, reason=note
    )
    return record


@transaction.atomic
def decide_rotation(
    actor,
    record: RotationRecord,
    decision_number: str,
    decision_date: date,
    effective_date: date,
    end_incumbent: bool = False,
) -> RotationRecord:
    """Record the decision and give the person the new post (posts history kept).

    A single-holder title (Bí thư, Chủ tịch UBND, Chủ nhiệm UBKT) never gets a second holder:
    the decision ends the incumbent's post on the effective date when `end_incumbent` is set,
    and is otherwise refused with the question of what happens to the incumbent.
    """
    record = RotationRecord.objects.select_for_update().get(pk=record.pk)
    if record.status == RotationStatus.DECIDED:
        raise CadreError(_("This rotation is already decided."))
    if not decision_number.strip():
        raise CadreError(_("The decision number is required."))
    if effective_date < decision_date:
        raise CadreError(_("The effective date cannot be before the decision date."))
    incumbents = single_holder_incumbents(record)
    if incumbents and not end_incumbent:
        raise CadreError(
            _(
                "%(org)s already has a %(title)s: %(names)s. Decide what happens to "
                "them: tick “end the incumbent's post on the effective date” (and "
                "record their new post separately), or do not decide this rotation."
            )
            % {
                "org": record.to_org,
                "title": record.title,
                "names": ", ".join(sorted({p.person.full_name for p in incumbents})),
            }
        )
    for post in incumbents:
        end_post(
            actor,
            post,
            effective_date,
            reason=_("replaced by rotation decision %(number)s")
            % {"number": decision_number.strip()},
        )
    record.status, record.decision_number = RotationStatus.DECIDED, decision_number.strip()
    record.decision_date, record.effective_date = decision_date, effective_date
    record.save(update_fields=["status", "decision_number", "decision_date", "effective_date"])
    assign_post(
        actor,
        record.person,
        record.to_org,
        effective_date,
        job_position=record.job_position,
        title=record.title,
        decision=record.decision_number,
    )
    audit.record(
        actor,
        "cadre.decide_rotation",
        record,
        {"status": RotationStatus.PROPOSED},
        {"status": record.status},
        reason=record.decision_number,
    )
    return record


def single_holder_incumbents(record: RotationRecord) -> list[Post]:
    """Current posts of others in the single-holder title the rotation moves into."""
    if not record.title_id or not record.title.single_holder:
        return []
    return list(
        Post.objects.filter(title=record.title, organization=record.to_org, end__isnull=True)
        .exclude(person=record.person_id)
        .select_related("person")
    )


def flag_capacity(actor, person, reason: str, today: date) -> CapacityFlag:
    if not reason.strip():
        raise CadreError(_("A reason is required."))
    if CapacityFlag.objects.filter(person=person, active=True).exists():
        raise CadreError(
            _("%(person)s is already flagged: lift that flag first.") % {"person": person}
        )
    flag = CapacityFlag.objects.create(person=person, reason=reason.strip(), flagged_on=today)
    audit.record(actor, "cadre.flag_capacity", person, reason=reason)
    return flag


def lift_capacity_flag(actor, flag: CapacityFlag, reason: str) -> CapacityFlag:
    """End a flag (e.g. after a later assessment); it stays on record, inactive."""
    if not reason.strip():
        raise CadreError(_("A reason is required."))
    if not flag.active:
        raise CadreError(_("This flag has already been lifted."))
    flag.active = False
    flag.save(update_fields=["active"])
    audit.record(
        actor,
        "cadre.lift_capacity_flag",
        flag.person,
        {"active": True},
        {"active": False},
        reason=reason.strip(),
    )
    return flag
