"""Which task a connected system means by (source, external_id).

A task's identity belongs to the connected system that created it: the organisation of its API
client. Two communes' systems may both send "ioffice/123"; each gets its own task. A client
also reaches the tasks people entered with a source and external id (owner empty) that lie
inside its subtree; its own namespace wins when both exist.
"""

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from canbo.work.models import Task


def owner_id(client) -> int:
    return client.organization_id


def candidates(client, source: str, ids: list[str]) -> QuerySet:
    """Tasks the client may mean, its own namespace first; annotated `visible` and `own`."""
    visible = Task.objects.visible_to(client).filter(pk=OuterRef("pk"))
    return (
        Task.objects.filter(source=source, external_id__in=ids)
        .exclude(external_id="")
        .filter(Q(owner_id=owner_id(client)) | Q(owner__isnull=True))
        .annotate(
            visible=Exists(visible),
            own=Case(
                When(owner_id=owner_id(client), then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .filter(Q(own=1) | Q(visible=True))
        .order_by("-own", "id")
    )


def pick(rows) -> dict:
    """external_id -> the first (own namespace first) row of each id."""
    chosen: dict = {}
    for row in rows:
        key = row["external_id"] if isinstance(row, dict) else row.external_id
        chosen.setdefault(key, row)
    return chosen
