"""Training workflows: enrol, change status, complete (updating the person's record)."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.cadre.errors import CadreError
from canbo.cadre.gaps import has_major
from canbo.cadre.models import Enrolment, EnrolmentStatus, Programme, TrainingClass, TrainingPlan
from canbo.core import audit
from canbo.people.models import Person

QUALIFICATION_FIELDS = [
    "education",
    "major",
    "political_theory",
    "state_management",
    "it_certificate",
]
_OPEN = [EnrolmentStatus.ENROLLED, EnrolmentStatus.ATTENDING, EnrolmentStatus.COMPLETED]


@transaction.atomic
def enrol_person(actor, training_class: TrainingClass, person: Person) -> Enrolment:
    """Enrol a person, refusing a second enrolment and a full class."""
    # Lock the class row so two officers cannot both take the last seat.
    training_class = TrainingClass.objects.select_for_update().get(pk=training_class.pk)
    if training_class.enrolments.filter(person=person).exists():
        raise CadreError(_("%(person)s is already enrolled in this class.") % {"person": person})
    taken = training_class.enrolments.filter(status__in=_OPEN).count()
    if taken >= training_class.capacity:
        raise CadreError(
            _("The class is full (%(capacity)s places).") % {"capacity": training_class.capacity}
        )
    enrolment = Enrolment.objects.create(training_class=training_class, person=person)
    audit.record(actor, "cadre.enrol_person", enrolment, after={"status": enrolment.status})
    return enrolment


@transaction.atomic
def change_enrolment_status(actor, enrolment: Enrolment, status: str) -> Enrolment:
    """Move an enrolment between enrolled, attending and dropped (completion is separate)."""
    if enrolment.status == EnrolmentStatus.COMPLETED:
        raise CadreError(_("A completed enrolment cannot be changed."))
    if status == EnrolmentStatus.COMPLETED:
        raise CadreError(_("Record completion with its date and certificate."))
    before = audit.snapshot(enrolment, ["status"])
    enrolment.status = status
    enrolment.save(update_fields=["status"])
    audit.record(
        actor,
        "cadre.change_enrolment_status",
        enrolment,
        before,
        audit.snapshot(enrolment, ["status"]),
    )
    return enrolment


@transaction.atomic
def mark_completion(
    actor, enrolment: Enrolment, completed_on: date, certificate_number: str = ""
) -> Enrolment:
    """Complete an enrolment and raise the person's record to what the programme grants."""
    if enrolment.status == EnrolmentStatus.COMPLETED:
        raise CadreError(_("This enrolment is already completed."))
    if enrolment.status == EnrolmentStatus.DROPPED:
        raise CadreError(_("A dropped enrolment cannot be completed."))
    enrolment.status, enrolment.completed_on = EnrolmentStatus.COMPLETED, completed_on
    enrolment.certificate_number = certificate_number
    enrolment.save(update_fields=["status", "completed_on", "certificate_number"])
    person = Person.objects.select_for_update().get(pk=enrolment.person_id)
    before = audit.snapshot(person, QUALIFICATION_FIELDS)
    apply_grants(person, enrolment.training_class.programme)
    person.save(update_fields=QUALIFICATION_FIELDS)
    reason = f"{enrolment.training_class} — {certificate_number}".strip(" —")
    audit.record(
        actor,
        "cadre.mark_completion",
        person,
        before,
        audit.snapshot(person, QUALIFICATION_FIELDS),
        reason=reason,
    )
    enrolment.person = person
    return enrolment


def apply_grants(person: Person, programme: Programme) -> None:
    """Raise levels, never lower them; a new major is added to the ones held."""
    if programme.grants_education is not None:
        person.education = max(person.education, programme.grants_education)
    if programme.grants_major and not has_major(person, programme.grants_major):
        person.major = "; ".join(m for m in (person.major, programme.grants_major) if m)
    if programme.grants_political_theory is not None:
        person.political_theory = max(person.political_theory, programme.grants_political_theory)
    if programme.grants_state_management is not None:
        person.state_management = max(person.state_management, programme.grants_state_management)
    if programme.grants_it_certificate:
        person.it_certificate = programme.grants_it_certificate


def set_training_plan(
    actor, organization, year: int, field: str, target: int, note: str = ""
) -> TrainingPlan:
    before_plan = TrainingPlan.objects.filter(
        organization=organization, year=year, field=field
    ).first()
    before = audit.snapshot(before_plan, ["target", "note"]) if before_plan else {}
    plan, _created = TrainingPlan.objects.update_or_create(
        organization=organization,
        year=year,
        field=field,
        defaults={"target": target, "note": note},
    )
    audit.record(
        actor, "cadre.set_training_plan", plan, before, audit.snapshot(plan, ["target", "note"])
    )
    return plan


def plan_progress(plan: TrainingPlan) -> int:
    """Completed enrolments that year, of people of the organisation, in the plan's field."""
    return Enrolment.objects.filter(
        status=EnrolmentStatus.COMPLETED,
        completed_on__year=plan.year,
        training_class__programme__field=plan.field,
        person__organization__path__startswith=plan.organization.path,
    ).count()


@transaction.atomic
def save_catalogue_entry(actor, form):
    """Save a validated programme or class form, with its audit entry."""
    entry = form.save()
    audit.record(actor, "cadre.save_catalogue_entry", entry, after={"name": entry.name})
    return entry
