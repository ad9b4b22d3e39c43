"""Database constraints on people: the database refuses what must never be stored.

Checked on both SQLite and PostgreSQL (the suite runs on both).
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from metelkaar.people.models import Consent
from tests.conftest import make_person


@contextmanager
def refused():
    """Expect an IntegrityError, inside a savepoint so the test can go on."""
    with pytest.raises(IntegrityError), transaction.atomic():
        yield


@pytest.mark.parametrize("year", [1899, 2101, 0])
def test_birth_year_out_of_range_is_refused(org, year):
    with refused():
        make_person(org, "Oud", birth_year=year)


@pytest.mark.parametrize("year", [1900, 2100])
def test_birth_year_at_the_edges_is_kept(org, year):
    assert make_person(org, "Rand", birth_year=year).pk


def test_age_range_must_be_ordered(org):
    with refused():
        make_person(org, "Omgekeerd", pref_age_min=40, pref_age_max=30)


@pytest.mark.parametrize(
    ("low", "high"), [(30, 30), (20, 60), (None, 40), (25, None), (None, None)]
)
def test_open_or_ordered_age_ranges_are_kept(org, low, high):
    assert make_person(org, "Bereik", pref_age_min=low, pref_age_max=high).pk


def test_one_active_consent_per_purpose(fatima):
    Consent.objects.create(person=fatima, purpose=Consent.Purpose.PARTICIPATION)
    with refused():
        Consent.objects.create(person=fatima, purpose=Consent.Purpose.PARTICIPATION)
    # Another purpose is fine.
    Consent.objects.create(person=fatima, purpose=Consent.Purpose.SENSITIVE_DATA)


def test_consent_can_be_given_again_after_withdrawal(fatima):
    first = Consent.objects.create(person=fatima, purpose=Consent.Purpose.PARTICIPATION)
    first.withdrawn_at = timezone.now()
    first.save()
    again = Consent.objects.create(person=fatima, purpose=Consent.Purpose.PARTICIPATION)
    assert fatima.consents.filter(withdrawn_at__isnull=True).get() == again
    assert fatima.consents.count() == 2  # the withdrawal is kept
