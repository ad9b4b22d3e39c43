"""Database constraints on enrolments and matches, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from metelkaar.matches.models import Match
from metelkaar.programmes.models import Enrolment, Programme

S = Enrolment.Status


def enrol(programme, person, status=S.APPLIED, side="a"):
    return Enrolment.objects.create(programme=programme, person=person, side=side, status=status)


def test_one_open_enrolment_per_programme_per_person(programme, fatima):
    enrol(programme, fatima)
    with pytest.raises(IntegrityError), transaction.atomic():
        enrol(programme, fatima, status=S.WAITING, side="b")


@pytest.mark.parametrize("ended", [S.FINISHED, S.WITHDRAWN])
def test_a_person_can_enrol_again_after_an_ended_enrolment(programme, fatima, ended):
    enrol(programme, fatima, status=ended)
    enrol(programme, fatima, status=ended)  # several ended ones are history
    assert enrol(programme, fatima).pk


def test_one_person_in_two_programmes_is_fine(programme, fatima, org):
    other = Programme.objects.create(organisation=org, name="Taaltandem", kind="tandem")
    enrol(programme, fatima)
    assert enrol(other, fatima, side="pool").pk


def test_a_match_cannot_pair_an_enrolment_with_itself(programme, fatima):
    enrolment = enrol(programme, fatima)
    with pytest.raises(IntegrityError), transaction.atomic():
        Match.objects.create(programme=programme, enrolment_a=enrolment, enrolment_b=enrolment)


def test_a_match_of_two_enrolments_is_kept(programme, fatima, jan):
    match = Match.objects.create(
        programme=programme,
        enrolment_a=enrol(programme, fatima),
        enrolment_b=enrol(programme, jan, side="b"),
    )
    assert match.pk
