"""Workflow functions for staff records: every change is audited."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from canbo.core import audit
from canbo.core.clientip import client_ip
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.models import Person, PersonalDataAccess, Post

_POST_FIELDS = ["organization", "job_position", "title"]


@transaction.atomic
def assign_post(
    actor, person: Person, organization: Organization, start: date,
    job_position: JobPosition | None = None, title: Title | None = None,
    concurrent: bool = False, decision: str = "",
) -> Post:
    """Give a person a post; a primary post ends the previous primary one the day before."""
    before = audit.snapshot(person, _POST_FIELDS)
    if not concurrent:
        person.posts.filter(concurrent=False, end__isnull=True).update(end=start)
        person.organization, person.job_position, person.title = organization, job_position, title
        person.save(update_fields=_POST_FIELDS)
    post = Post.objects.create(
        person=person, organization=organization, job_position=job_position, title=title,
        start=start, concurrent=concurrent, decision=decision,
    )
    audit.record(actor, "people.assign_post", person, before,
                 audit.snapshot(person, _POST_FIELDS), reason=decision)
    return post


@transaction.atomic
def end_post(actor, post: Post, end: date, reason: str) -> Post:
    """End a post on `end`; a primary post also clears the person's current title and job
    position (they keep their organisation until a new post is given)."""
    before = {"end": post.end}
    post.end = end
    post.save(update_fields=["end"])
    person = post.person
    if not post.concurrent and person.title_id == post.title_id:
        person.title = person.job_position = None
        person.save(update_fields=["title", "job_position"])
    audit.record(actor, "people.end_post", person, before, {"end": end}, reason=reason)
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
