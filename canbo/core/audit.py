"""Write audit entries from workflow functions."""

from typing import Any

from django.db import models

from canbo.core.models import AuditEntry


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """Return the JSON-safe values of the given fields."""
    return {name: _json_value(getattr(obj, _attname(obj, name))) for name in fields}


def record(
    actor,
    action: str,
    obj: models.Model,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> AuditEntry:
    """Append an audit entry holding only the fields that changed."""
    before, after = before or {}, after or {}
    changes = {
        key: [before.get(key), after.get(key)]
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        changes=changes,
        reason=reason,
    )


def _attname(obj: models.Model, name: str) -> str:
    field = obj._meta.get_field(name)
    return getattr(field, "attname", name)


def _json_value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)
