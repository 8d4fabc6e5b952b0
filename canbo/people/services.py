"""Workflow functions for staff records: every change is audited."""

from datetime import date

from django.db import transaction

from canbo.core import audit
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


def log_personal_data_view(user, person: Person, what: str = "person.view") -> None:
    PersonalDataAccess.objects.create(user=user, person=person, what=what)
