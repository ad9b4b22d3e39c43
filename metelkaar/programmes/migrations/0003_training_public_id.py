import uuid

from django.db import migrations, models


def fill_public_ids(apps, schema_editor):
    TrainingSession = apps.get_model("programmes", "TrainingSession")
    for session in TrainingSession.objects.filter(public_id__isnull=True):
        session.public_id = uuid.uuid4()
        session.save(update_fields=["public_id"])


class Migration(migrations.Migration):

    dependencies = [
        ("programmes", "0002_screening_side"),
    ]

    operations = [
        migrations.AddField(
            model_name="trainingsession",
            name="public_id",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_public_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="trainingsession",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
