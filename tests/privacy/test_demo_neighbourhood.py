"""Erasure and backup on the demo neighbourhood: hundreds of people, every programme kind."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from metelkaar.demo.services import demo_seed
from metelkaar.matches.models import ContactMoment, Match
from metelkaar.people.models import Person
from metelkaar.privacy.backup import model_counts
from metelkaar.privacy.models import ErasureRecord
from metelkaar.privacy.services.erasure import person_erase
from tests.privacy.test_erasure import scan_database


@pytest.mark.django_db
def test_erasing_matched_demo_people_leaves_no_email_and_keeps_the_numbers():
    demo_seed()
    people = list(
        Person.objects.filter(enrolments__status="matched", user__isnull=False)
        .exclude(email="").distinct()[:3]
    )
    assert people
    before = (Match.objects.count(), ContactMoment.objects.count())
    for person in people:
        person_erase(person=person, by=None, reason=ErasureRecord.Reason.COORDINATOR)
    assert scan_database([p.email for p in people]) == []
    assert (Match.objects.count(), ContactMoment.objects.count()) == before


@pytest.mark.django_db(transaction=True)
def test_the_demo_neighbourhood_survives_a_backup_round_trip(tmp_path):
    demo_seed()
    before = model_counts()
    archive = tmp_path / "demo.tar.gz"
    call_command("backup", output=archive, verbosity=0)
    call_command("restore", str(archive), force=True, verbosity=0)
    assert model_counts() == before
