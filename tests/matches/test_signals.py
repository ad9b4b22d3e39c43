"""Each signal rule fires when it should and stays quiet when it should not."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from metelkaar.matches import services
from metelkaar.matches.models import CheckIn, CoachContact, ContactMoment, Match, Signal
from metelkaar.matches.signal_text import signal_reason
from metelkaar.programmes.models import Screening

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def started(match, days_ago, **fields):
    """Pretend the match started ``days_ago`` days ago; quiet the rules not under test."""
    start = TODAY - timedelta(days=days_ago)
    Match.objects.filter(pk=match.pk).update(
        started_at=start, planned_end=fields.pop("planned_end", start + timedelta(days=365)),
        **fields)
    CheckIn.objects.filter(match=match, sent_at__isnull=True).delete()
    CheckIn.objects.filter(match=match).update(due_on=start, answered_at=timezone.now(),
                                               klik=4, equality=4, autonomy_problem=1)
    match.refresh_from_db()
    return match


def contact(match, days_ago, direction="together", side="a"):
    return ContactMoment.objects.create(
        match=match, date=TODAY - timedelta(days=days_ago), activity="coffee",
        direction=direction,
        logged_by_id=match.enrolment_a_id if side == "a" else match.enrolment_b_id,
    )


def coach_contacts(match, *days_ago):
    for d in days_ago:
        CoachContact.objects.create(match=match, date=TODAY - timedelta(days=d), kind="phone",
                                    with_whom="both")


def rules(match):
    services.signals_compute()
    return {(s.rule, s.key) for s in Signal.objects.filter(match=match, resolved_at=None)}


def rule_names(match):
    return {rule for rule, _key in rules(match)}


@pytest.fixture
def healthy(active):
    """Active 40 days, two contacts each way this month, coach on schedule."""
    started(active, 40)
    contact(active, 3, "a_helped_b", "a")
    contact(active, 10, "b_helped_a", "b")
    contact(active, 15, "together", "a")
    coach_contacts(active, 38, 30, 5)
    return active


def test_a_healthy_match_has_no_signals(healthy):
    assert rules(healthy) == set()


class TestContactRules:
    def test_below_norm_fires_and_not(self, active):
        started(active, 40)
        coach_contacts(active, 38, 30, 5)
        contact(active, 2)
        assert "below_norm" in rule_names(active)
        contact(active, 4)
        assert "below_norm" not in rule_names(active)

    def test_no_contact_for_n_days(self, active):
        started(active, 40)
        coach_contacts(active, 38, 30, 5)
        contact(active, 25)
        assert "no_contact" in rule_names(active)
        contact(active, 5)
        assert "no_contact" not in rule_names(active)

    def test_no_contact_is_not_raised_while_paused(self, active, bram):
        started(active, 40)
        services.match_pause(match=active, by=bram)
        assert "no_contact" not in rule_names(active)

    def test_one_sided_after_four_contacts(self, active):
        started(active, 40)
        for d in (1, 2, 3):
            contact(active, d, "b_helped_a", "b")
        assert "one_sided" not in rule_names(active)
        contact(active, 4, "b_helped_a", "b")
        assert "one_sided" in rule_names(active)
        signal = Signal.objects.get(match=active, rule="one_sided", resolved_at=None)
        assert signal.params["side"] == "b"
        assert "Jan was the one who helped" in signal_reason(signal)
        for d in (5, 6):
            contact(active, d, "a_helped_b", "a")
        assert "one_sided" not in rule_names(active)


class TestCheckInRules:
    @pytest.mark.parametrize("field,value,rule", [
        ("klik", 2, "low_klik"), ("equality", 1, "inequality"),
        ("autonomy_problem", 5, "authority"),
    ])
    def test_a_worrying_answer_fires(self, active, field, value, rule):
        started(active, 40)
        CheckIn.objects.filter(match=active, enrolment_id=active.enrolment_a_id).update(
            **{field: value})
        assert (rule, str(active.enrolment_a_id)) in rules(active)

    @pytest.mark.parametrize("field,value,rule", [
        ("klik", 3, "low_klik"), ("equality", 3, "inequality"),
        ("autonomy_problem", 3, "authority"),
    ])
    def test_a_middling_answer_does_not(self, active, field, value, rule):
        started(active, 40)
        CheckIn.objects.filter(match=active).update(**{field: value})
        assert rule not in rule_names(active)

    def test_only_the_latest_answer_counts(self, active):
        started(active, 40)
        CheckIn.objects.filter(match=active, enrolment_id=active.enrolment_a_id).update(klik=1)
        CheckIn.objects.create(match=active, enrolment_id=active.enrolment_a_id,
                               moment="month1", due_on=TODAY, sent_at=timezone.now(),
                               answered_at=timezone.now() + timedelta(minutes=1), klik=5)
        assert "low_klik" not in rule_names(active)

    def test_overdue_check_in(self, active):
        started(active, 40)
        checkin = CheckIn.objects.create(match=active, enrolment_id=active.enrolment_b_id,
                                         moment="month1", due_on=TODAY - timedelta(days=5),
                                         sent_at=timezone.now())
        assert "checkin_overdue" not in rule_names(active)
        CheckIn.objects.filter(pk=checkin.pk).update(due_on=TODAY - timedelta(days=20))
        assert ("checkin_overdue", str(active.enrolment_b_id)) in rules(active)


class TestTimeRules:
    def test_term_ending_within_four_weeks(self, healthy):
        Match.objects.filter(pk=healthy.pk).update(planned_end=TODAY + timedelta(days=60))
        assert "term_ending" not in rule_names(healthy)
        Match.objects.filter(pk=healthy.pk).update(planned_end=TODAY + timedelta(days=20))
        assert "term_ending" in rule_names(healthy)

    def test_inactive_participant(self, active):
        started(active, 60)
        CheckIn.objects.filter(match=active).update(answered_at=None, sent_at=None)
        contact(active, 2, "together", "b")
        found = rules(active)
        assert ("inactive", str(active.enrolment_a_id)) in found
        assert ("inactive", str(active.enrolment_b_id)) not in found

    def test_coach_first_month(self, active):
        started(active, 35)
        contact(active, 1)
        contact(active, 8)
        coach_contacts(active, 30)
        found = rule_names(active)
        assert "coach_followup" in found
        signal = Signal.objects.get(match=active, rule="coach_followup", resolved_at=None)
        assert signal.params["kind"] == "first_month"
        coach_contacts(active, 20)
        assert "coach_followup" not in rule_names(active)

    def test_coach_overdue(self, active):
        started(active, 120)
        contact(active, 1)
        contact(active, 8)
        coach_contacts(active, 118, 110, 50)
        assert "coach_followup" in rule_names(active)
        coach_contacts(active, 3)
        assert "coach_followup" not in rule_names(active)

    def test_vog_expires(self, healthy):
        screening = Screening.objects.create(enrolment_id=healthy.enrolment_b_id, kind="vog",
                                             valid_until=TODAY + timedelta(days=90))
        assert "vog_expires" not in rule_names(healthy)
        Screening.objects.filter(pk=screening.pk).update(valid_until=TODAY + timedelta(days=20))
        assert ("vog_expires", str(healthy.enrolment_b_id)) in rules(healthy)


class TestSettling:
    def test_signals_resolve_themselves_when_the_reason_goes(self, active):
        started(active, 40)
        coach_contacts(active, 38, 30, 5)
        contact(active, 25)
        assert "no_contact" in rule_names(active)
        contact(active, 1)
        contact(active, 2)
        assert rule_names(active) == set()
        assert Signal.objects.get(rule="no_contact").resolved_by is None

    def test_a_coach_resolves_with_a_note_and_it_stays_quiet(self, active, bram):
        started(active, 40)
        coach_contacts(active, 38, 30, 5)
        contact(active, 25)
        signal = Signal.objects.get(rule="no_contact") if rules(active) else None
        with translation.override("en"):
            assert "no contact" in signal_reason(signal).lower()
        with translation.override("nl"):
            assert "geen contact" in signal_reason(signal).lower()
        services.signal_resolve(signal=signal, by=bram, note="Called both, they meet Friday")
        assert "no_contact" not in rule_names(active)
        with pytest.raises(services.MatchError):
            services.signal_resolve(signal=signal, by=bram, note="again")

    def test_resolve_needs_a_note_and_the_right_person(self, active, bram, olga, fatima):
        started(active, 40)
        contact(active, 25)
        rules(active)
        signal = Signal.objects.filter(match=active).first()
        with pytest.raises(services.MatchError):
            services.signal_resolve(signal=signal, by=bram, note="  ")
        for user in (olga, fatima.user):
            with pytest.raises(services.MatchPermissionDenied):
                services.signal_resolve(signal=signal, by=user, note="x")

    def test_every_reason_is_one_sentence(self, active):
        for rule in Signal.Rule.values:
            signal = Signal(match=active, rule=rule, params={
                "count": 4, "norm": 2, "days": 30, "percent": 90, "side": "b",
                "date": TODAY.isoformat(), "interval": 31, "kind": "overdue"})
            text = signal_reason(signal)
            assert text.endswith(".") and "%(" not in text

    def test_the_command_runs(self, active, capsys):
        started(active, 40)
        call_command("compute_signals")
        assert "signals" in capsys.readouterr().out
        assert Signal.objects.filter(match=active).exists()

    def test_the_task_runs(self, active):
        from metelkaar.matches.tasks import compute_signals

        started(active, 40)
        result = compute_signals.enqueue()
        assert result.return_value["raised"] >= 1


def test_a_signal_keeps_no_name(active):
    """The reason names the person when shown; the stored signal only says which side."""
    started(active, 60)
    CheckIn.objects.filter(match=active).update(answered_at=None, sent_at=None)
    rules(active)
    for signal in Signal.objects.filter(match=active):
        assert "Fatima" not in str(signal.params) and "Jan" not in str(signal.params)
    inactive = Signal.objects.get(match=active, rule="inactive", key=str(active.enrolment_a_id))
    assert signal_reason(inactive).startswith("Fatima")


def test_no_coach_follow_up_signal_without_a_coach(active):
    started(active, 40, coach=None)
    contact(active, 2)
    contact(active, 9)
    assert "coach_followup" not in rule_names(active)
