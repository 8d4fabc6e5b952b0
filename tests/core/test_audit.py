from datetime import date

import pytest

from canbo.core.models import AppendOnlyError, AuditEntry
from canbo.people.services import assign_post


def test_assign_post_writes_audit_with_before_and_after(world):
    person = world.people["staff"]
    actor = world.users["personnel"]
    assign_post(
        actor,
        person,
        world.tp_economy,
        date(2026, 3, 1),
        title=world.head_title,
        decision="QĐ 12/QĐ-UBND",
    )
    entry = AuditEntry.objects.filter(object_id=str(person.pk)).first()
    assert entry.actor == actor
    assert entry.action == "people.assign_post"
    assert entry.reason == "QĐ 12/QĐ-UBND"
    assert entry.changes["organization"] == [world.tp_office.pk, world.tp_economy.pk]
    assert entry.changes["title"] == [world.staff_title.pk, world.head_title.pk]
    assert "job_position" in entry.changes


def test_audit_entries_cannot_be_changed_or_deleted(world):
    entry = AuditEntry.objects.first()
    entry.reason = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_audit_page_lists_entries_for_administrators(client, world):
    assign_post(
        world.users["personnel"],
        world.people["staff"],
        world.tp_economy,
        date(2026, 3, 1),
        decision="QĐ 99",
    )
    client.force_login(world.users["admin"])
    html = client.get("/audit/").content.decode()
    assert "people.assign_post" in html and "QĐ 99" in html
