"""Give contact moments a public UUID (participants see it in URLs).

Three steps so existing rows each get their own value before the column is unique.
"""

import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    ContactMoment = apps.get_model("matches", "ContactMoment")
    rows = list(ContactMoment.objects.filter(public_id__isnull=True).only("pk"))
    for row in rows:
        row.public_id = uuid.uuid4()
    ContactMoment.objects.bulk_update(rows, ["public_id"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [("matches", "0003_contactmoment_confirmed_at_and_more")]

    operations = [
        migrations.AddField(
            model_name="contactmoment", name="public_id",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="contactmoment", name="public_id",
            field=models.UUIDField(default=uuid.uuid4, unique=True, editable=False),
        ),
    ]
