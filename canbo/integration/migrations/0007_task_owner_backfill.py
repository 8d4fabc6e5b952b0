"""Tasks sent by a connected system belong to its organisation's namespace (issue 11, #7)."""

from django.db import migrations


def backfill(apps, schema_editor):
    Task = apps.get_model("work", "Task")
    TaskRecord = apps.get_model("integration", "TaskRecord")
    records = TaskRecord.objects.filter(client__isnull=False).values_list(
        "task_id", "client__organization_id"
    )
    by_owner: dict[int, list[int]] = {}
    for task_id, owner in records.iterator():
        by_owner.setdefault(owner, []).append(task_id)
    for owner, ids in by_owner.items():
        for start in range(0, len(ids), 5000):
            Task.objects.filter(pk__in=ids[start : start + 5000]).update(owner_id=owner)


class Migration(migrations.Migration):
    dependencies = [
        ("integration", "0006_edxml_staff_alias"),
        ("work", "0003_task_owner"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
