"""An e-mail address is the same account however it is typed: ``BF2@`` is ``bf2@``."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from metelkaar.people.models import User
from tests.conftest import PASSWORD


def test_logging_in_ignores_the_case_of_the_address(client, anna):
    response = client.post("/accounts/login/", {"username": "  ANNA@Samen-Oost.TEST ",
                                                "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(anna.pk)


def test_a_second_account_with_the_same_address_in_capitals_is_refused(anna):
    twin = User(email="Anna@Samen-Oost.test", full_name="Twin")
    with pytest.raises(ValidationError, match="Er is al een account met dit e-mailadres"):
        twin.validate_constraints()
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="ANNA@SAMEN-OOST.TEST")])  # save() lowers it


def test_an_address_is_stored_in_lower_case(db):
    assert User.objects.create(email=" Mixed@Example.ORG").email == "mixed@example.org"


def test_every_spelling_of_an_address_counts_towards_one_lockout(client, anna):
    spellings = [anna.email, anna.email.upper(), "Anna@samen-oost.test", anna.email,
                 anna.email.title()]
    for spelling in spellings:
        response = client.post("/accounts/login/", {"username": spelling, "password": "wrong"})
    assert response.status_code == 429
    response = client.post("/accounts/login/", {"username": anna.email.upper(),
                                                "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.fixture
def back_to_the_latest_migrations():
    """Migrating people back also unapplies every app built on it: apply all again after."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("back_to_the_latest_migrations")
def test_the_migration_lowers_addresses_and_parks_duplicates():
    """Existing accounts that differ only in case: the one used last keeps the address."""
    executor = MigrationExecutor(connection)
    before = [("people", "0002_languages_and_name_key")]
    after = [("people", "0004_user_email_unique_ignoring_case")]
    executor.migrate(before)
    old_user = executor.loader.project_state(before).apps.get_model("people", "User")
    now = timezone.now()
    kept = old_user.objects.create(email="BF2@example.org", last_login=now)
    parked = old_user.objects.create(email="bf2@example.org", last_login=now - timedelta(days=9))
    never = old_user.objects.create(email="Bf2@Example.org")
    alone = old_user.objects.create(email="Solo@Example.org")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)

    emails = dict(User.objects.values_list("pk", "email"))
    assert emails[kept.pk] == "bf2@example.org"
    assert emails[parked.pk] == f"bf2@example.org.duplicate-{parked.pk}.invalid"
    assert emails[never.pk] == f"bf2@example.org.duplicate-{never.pk}.invalid"
    assert emails[alone.pk] == "solo@example.org"
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.bulk_create([User(email="BF2@EXAMPLE.ORG")])
