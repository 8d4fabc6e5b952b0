from django.db import migrations, models

import canbo.evaluation.models.sheet


class Migration(migrations.Migration):
    """Existing sheets keep the three-number set they were scored with; new ones get the
    rulebook's default (Mẫu số 01)."""

    dependencies = [
        ("evaluation", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="evaluationsheet",
            name="criteria_set",
            field=models.CharField(default="nd335-3", max_length=32, verbose_name="criteria set"),
        ),
        migrations.AlterField(
            model_name="evaluationsheet",
            name="criteria_set",
            field=models.CharField(
                default=canbo.evaluation.models.sheet.default_criteria_set,
                max_length=32,
                verbose_name="criteria set",
            ),
        ),
    ]
