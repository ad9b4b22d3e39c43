"""Retention: with a frozen clock, data past a programme's period is anonymised."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone

from metelkaar.matches.models import ContactMoment, Match
from metelkaar.people.models import Person
from metelkaar.privacy.models import AuditEvent, ErasureRecord, ProgrammePrivacySettings
from metelkaar.privacy.services.retention import months_before, retention_apply
from metelkaar.programmes.models import Enrolment

ENDED = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def ended_match(fatima_world, fatima):
    """Fatima's match closed and all her enrolments withdrawn on 15 January 2026."""
    Match.objects.filter(pk=fatima_world.match.pk).update(status="closed", status_changed_at=ENDED)
    Enrolment.objects.filter(person=fatima).update(status="withdrawn", status_changed_at=ENDED)
    return fatima_world.match


def at(year, month, day):
    return datetime.datetime(year, month, day, 3, 0, tzinfo=datetime.UTC)


def test_months_before_clamps_to_the_end_of_the_month():
    assert months_before(at(2028, 3, 31), 1) == at(2028, 2, 29)
    assert months_before(at(2028, 1, 15), 24) == at(2026, 1, 15)


def test_nothing_happens_before_the_period_is_over(ended_match, fatima):
    result = retention_apply(now=at(2028, 1, 14))
    assert (result.matches, result.people_erased) == (0, [])
    assert ContactMoment.objects.filter(match=ended_match).exclude(note="").count() == 3


def test_after_24_months_notes_are_cleared_and_the_person_erased(ended_match, fatima):
    result = retention_apply(now=at(2028, 1, 16))
    assert result.matches == 1 and len(result.people_erased) == 1
    assert not ContactMoment.objects.filter(match=ended_match).exclude(note="").exists()
    assert ContactMoment.objects.filter(match=ended_match).count() == 3
    assert Person.objects.get(pk=fatima.pk).email == ""
    assert ErasureRecord.objects.get().reason == "retention"
    assert AuditEvent.objects.filter(action="retention_applied").exists()


def test_it_is_idempotent(ended_match, fatima):
    retention_apply(now=at(2028, 1, 16))
    assert retention_apply(now=at(2028, 1, 17)).people_erased == []


def test_a_shorter_programme_period_applies(ended_match, fatima, programme):
    ProgrammePrivacySettings.objects.create(programme=programme, retention_months=6)
    result = retention_apply(now=at(2026, 7, 16))
    assert result.matches == 1
    # Her other programmes still keep her for the default 24 months.
    assert result.people_erased == []
    assert Person.objects.get(pk=fatima.pk).first_name == "Fatima"


def test_a_person_with_an_open_enrolment_is_kept(ended_match, fatima, fatima_world):
    Enrolment.objects.filter(pk=fatima_world.bridge_enrolment.pk).update(status="waiting")
    assert retention_apply(now=at(2029, 1, 1)).people_erased == []


def test_the_command_uses_the_clock(ended_match, fatima):
    with mock.patch.object(timezone, "now", return_value=at(2028, 2, 1)):
        call_command("apply_retention")
    assert Person.objects.get(pk=fatima.pk).first_name == "[erased]"


def test_the_task_runs_the_service(ended_match, fatima):
    from metelkaar.privacy.tasks import apply_retention

    with mock.patch.object(timezone, "now", return_value=at(2028, 2, 1)):
        result = apply_retention.enqueue()
    assert result.return_value["people_erased"] == 1


def test_the_command_can_queue_the_task(ended_match, fatima):
    """In tests tasks run at once (ImmediateBackend), so queueing also applies retention."""
    with mock.patch.object(timezone, "now", return_value=at(2028, 2, 1)):
        call_command("apply_retention", enqueue=True)
    assert Person.objects.get(pk=fatima.pk).first_name == "[erased]"
