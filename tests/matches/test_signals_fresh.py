"""Signals follow what people do at once, not only at the nightly run (issue #12, defect 7).

The coach read "no contact for 24 days" after a contact was logged that day:
the signal waited for the next ``compute_signals``. Every service that changes
what a rule reads now recomputes that match's signals.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from metelkaar.matches import services
from metelkaar.matches.models import CheckIn, Signal
from tests.matches.test_signals import TODAY, started

pytestmark = pytest.mark.django_db


def open_rules(match):
    return {s.rule for s in Signal.objects.filter(match=match, resolved_at=None)}


@pytest.fixture
def quiet(active):
    """Active for 40 days without a single contact: the nightly run raised its signals."""
    started(active, 40)
    services.signals_compute()
    assert "no_contact" in open_rules(active)
    return active


def test_a_logged_contact_ends_no_contact_at_once(quiet, jan):
    services.contact_log(match=quiet, by=jan.user, day=TODAY, activity="coffee",
                         duration_minutes=60, view="together")
    assert "no_contact" not in open_rules(quiet)


def test_the_signal_tells_the_days_since_the_contact_just_logged(quiet, jan):
    services.contact_log(match=quiet, by=jan.user, day=TODAY - timedelta(days=25),
                         activity="walk", duration_minutes=60, view="i_helped")
    signal = Signal.objects.get(match=quiet, rule="no_contact", resolved_at=None)
    assert signal.params == {"days": 25}


def test_a_confirmed_contact_counts_as_the_other_sides_activity(quiet, fatima, jan):
    contact = services.contact_log(match=quiet, by=jan.user, day=TODAY, activity="coffee",
                                   duration_minutes=60, view="together")
    started(quiet, 60)  # Fatima idle long enough to count as inactive
    CheckIn.objects.filter(match=quiet).update(answered_at=None, sent_at=None)
    services.signals_compute()
    assert ("inactive", str(quiet.enrolment_a_id)) in {
        (s.rule, s.key) for s in Signal.objects.filter(match=quiet, resolved_at=None)}
    contact.match = quiet
    services.contact_confirm(contact=contact, by=fatima.user)
    assert ("inactive", str(quiet.enrolment_a_id)) not in {
        (s.rule, s.key) for s in Signal.objects.filter(match=quiet, resolved_at=None)}


def test_a_worrying_check_in_answer_raises_a_signal_at_once(active):
    checkin = CheckIn.objects.filter(match=active, answered_at=None,
                                     sent_at__isnull=False).first()
    services.checkin_answer(checkin=checkin, answers={
        "klik": 1, "looking_forward": 3, "equality": 3, "autonomy_problem": 1,
        "mutual_help": 3})
    assert "low_klik" in open_rules(active)


def test_pausing_ends_no_contact_and_closing_resolves_everything(quiet, anna, bram):
    services.match_pause(match=quiet, by=bram)
    assert "no_contact" not in open_rules(quiet)
    services.match_close(match=quiet, by=anna, reason="no_time")
    assert open_rules(quiet) == set()


def test_a_coach_follow_up_clears_its_signal_at_once(active, bram):
    started(active, 40)
    services.signals_compute()
    assert "coach_followup" in open_rules(active)
    for days_ago in (35, 20):
        services.coach_contact_log(match=active, by=bram, day=TODAY - timedelta(days=days_ago),
                                   kind="phone", with_whom="both")
    assert "coach_followup" not in open_rules(active)
