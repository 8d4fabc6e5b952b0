"""Workflow functions for staff records: every change is audited."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.clientip import client_ip
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.errors import RecordError
from canbo.people.models import ID_NUMBER, Person, PersonalDataAccess, Post

_POST_FIELDS = ["organization", "job_position", "title"]
RECORD_FIELDS = [
    "id_number",
    "hometown",
    "ethnicity",
    "party_member",
    "education",
    "major",
    "political_theory",
    "state_management",
    "it_certificate",
    "foreign_language",
    "service_start",
]


def check_id_number(id_number: str | None, person: Person | None = None) -> None:
    """Refuse a malformed CCCD or one already recorded for someone else."""
    if not id_number:
        return
    if not ID_NUMBER.match(id_number):
        raise RecordError(_("The personal identification number (CCCD) must be exactly 12 digits."))
    others = Person.objects.filter(id_number=id_number)
    if person is not None and person.pk:
        others = others.exclude(pk=person.pk)
    owner = others.first()
    if owner is not None:
        raise RecordError(
            _(
                "The personal identification number %(number)s is already "
                "recorded for %(name)s (code %(code)s)."
            )
            % {"number": id_number, "name": owner.full_name, "code": owner.code}
        )


def not_in_future(day: date | None, label: str, today: date) -> None:
    if day and day > today:
        raise RecordError(
            _("%(label)s %(day)s is in the future.")
            % {"label": label, "day": day.strftime("%d/%m/%Y")}
        )


@transaction.atomic
def update_person_record(actor, person: Person, changes: dict, today: date) -> Person:
    """Change the personnel record (qualifications, hometown, Party membership...): checked,
    audited; nothing written when any value is refused."""
    unknown = set(changes) - set(RECORD_FIELDS)
    if unknown:
        raise ValueError(f"not record fields: {sorted(unknown)}")
    changes = dict(changes)
    if "id_number" in changes:
        changes["id_number"] = (changes["id_number"] or "").strip() or None
        check_id_number(changes["id_number"], person)
    not_in_future(changes.get("service_start"), _("The start of service"), today)
    person = Person.objects.select_for_update().get(pk=person.pk)
    before = audit.snapshot(person, RECORD_FIELDS)
    for name, value in changes.items():
        setattr(person, name, value)
    person.save()
    audit.record(
        actor, "people.update_record", person, before, audit.snapshot(person, RECORD_FIELDS)
    )
    return person


def single_holders(
    organization: Organization, title: Title | None, person: Person | None = None
) -> list[str]:
    """Others currently holding a single-holder title in this organisation."""
    if title is None or not title.single_holder:
        return []
    posts = Post.objects.filter(organization=organization, title=title, end__isnull=True)
    if person is not None and person.pk:
        posts = posts.exclude(person=person)
    return sorted({p.person.full_name for p in posts.select_related("person")})


@transaction.atomic
def record_post(
    actor,
    person: Person,
    organization: Organization,
    start: date,
    end: date | None,
    today: date,
    job_position: JobPosition | None = None,
    title: Title | None = None,
    concurrent: bool = False,
    decision: str = "",
) -> Post:
    """Record a post: a past one (with its end) goes into the history; a current one (no end)
    becomes the person's post like assign_post. Dates in the future are refused."""
    not_in_future(start, _("The start date"), today)
    not_in_future(end, _("The end date"), today)
    if end is not None and end < start:
        raise RecordError(_("The end date cannot be before the start date."))
    if end is None:
        holders = single_holders(organization, title, person)
        if holders:
            raise RecordError(
                _(
                    "%(org)s already has a %(title)s: %(names)s. End their post "
                    "first (a rotation decision can do it), then record this one."
                )
                % {"org": organization, "title": title, "names": ", ".join(holders)}
            )
        return assign_post(
            actor, person, organization, start, job_position, title, concurrent, decision
        )
    post = Post.objects.create(
        person=person,
        organization=organization,
        job_position=job_position,
        title=title,
        start=start,
        end=end,
        concurrent=concurrent,
        decision=decision,
    )
    audit.record(
        actor,
        "people.record_past_post",
        person,
        after={"post": str(post), "start": str(start), "end": str(end)},
        reason=decision,
    )
    return post


@transaction.atomic
def assign_post(
    actor,
    person: Person,
    organization: Organization,
    start: date,
    job_position: JobPosition | None = None,
    title: Title | None = None,
    concurrent: bool = False,
    decision: str = "",
) -> Post:
    """Give a person a post; a primary post ends the previous primary one the day before."""
    before = audit.snapshot(person, _POST_FIELDS)
    if not concurrent:
        person.posts.filter(concurrent=False, end__isnull=True).update(end=start)
        person.organization, person.job_position, person.title = organization, job_position, title
        person.save(update_fields=_POST_FIELDS)
    post = Post.objects.create(
        person=person,
        organization=organization,
        job_position=job_position,
        title=title,
        start=start,
        concurrent=concurrent,
        decision=decision,
    )
    audit.record(
        actor,
        "people.assign_post",
        person,
        before,
        audit.snapshot(person, _POST_FIELDS),
        reason=decision,
    )
    return post


@transaction.atomic
def end_post(actor, post: Post, end: date, reason: str) -> Post:
    """End a post on `end`; a primary post also clears the person's current title and job
    position (they keep their organisation until a new post is given)."""
    before = {"end": str(post.end) if post.end else None}
    post.end = end
    post.save(update_fields=["end"])
    person = post.person
    if not post.concurrent and person.title_id == post.title_id:
        person.title = person.job_position = None
        person.save(update_fields=["title", "job_position"])
    audit.record(actor, "people.end_post", person, before, {"end": str(end)}, reason=reason)
    return post


def log_personal_data_view(request, person: Person, what: str = "person.view") -> None:
    """Record that the request's user (or API client) read one person's data."""
    log_personal_data_access(request, [person.pk], what)


def log_personal_data_access(request, person_ids: Iterable[int], what: str) -> None:
    """Record that the request's user (or API client) read the data of these people."""
    actor = getattr(request, "auth", None) or request.user
    is_client = getattr(actor, "is_api_client", False)
    user = actor if not is_client and getattr(actor, "pk", None) else None
    client = f"{actor.name} (#{actor.pk})"[:160] if is_client else ""
    ip = client_ip(request)
    PersonalDataAccess.objects.bulk_create(
        PersonalDataAccess(user=user, client=client, person_id=pk, what=what, ip=ip)
        for pk in dict.fromkeys(person_ids)
    )
