"""Account addresses in lower case, so that 0004 can make them unique whatever their case.

Before this, ``BF2@example.org`` and ``bf2@example.org`` could be two accounts.
Every address is stored in lower case. Where two or more accounts share an
address that way, the one used last keeps it; each other one is parked under
``<address>.duplicate-<id>.invalid`` (a domain that never receives mail), with
all its data, memberships and links intact, so nobody can log in to it by
accident and an operator can merge or delete it in the Django admin. Each parked
account is printed. (The constraint is a migration of its own: on PostgreSQL an
index cannot be built in the transaction that just updated the table's rows.)
"""

from datetime import UTC, datetime

from django.db import migrations

NEVER = datetime.min.replace(tzinfo=UTC)


def _lower_addresses(apps, schema_editor):
    User = apps.get_model("people", "User")
    by_address: dict[str, list] = {}
    for user in User.objects.order_by("pk").only("pk", "email", "last_login"):
        by_address.setdefault(user.email.strip().lower(), []).append(user)
    for address, users in by_address.items():
        # Used last first; never used, or at the same moment: the oldest account first.
        users.sort(key=lambda u: (u.last_login or NEVER, -u.pk), reverse=True)
        keeper, *others = users
        for other in others:
            suffix = f".duplicate-{other.pk}.invalid"
            parked = address[: 254 - len(suffix)] + suffix
            User.objects.filter(pk=other.pk).update(email=parked)
            print(f"\n  account {other.pk} shared the address of account {keeper.pk} "
                  f"({keeper.pk} was used last); it is parked as {parked}")
        if keeper.email != address:
            User.objects.filter(pk=keeper.pk).update(email=address)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_languages_and_name_key"),
    ]

    operations = [
        migrations.RunPython(_lower_addresses, migrations.RunPython.noop),
    ]
