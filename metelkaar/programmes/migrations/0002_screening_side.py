from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("programmes", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="screening",
            options={"ordering": ["-date", "-pk"]},
        ),
        migrations.AddField(
            model_name="programme",
            name="screening_side",
            field=models.CharField(
                blank=True,
                choices=[("", "Everyone"), ("a", "Side A"), ("b", "Side B")],
                help_text="In a mentor programme only the mentors need a certificate of conduct.",
                max_length=5,
                verbose_name="who needs a VOG",
            ),
        ),
        migrations.AddConstraint(
            model_name="screening",
            constraint=models.CheckConstraint(
                condition=models.Q(("valid_until__isnull", True), ("valid_until__gte", models.F("date")), _connector="OR"),
                name="screening_valid_after_date",
            ),
        ),
    ]
