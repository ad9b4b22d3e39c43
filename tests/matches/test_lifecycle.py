"""Every step of a match's life, allowed and refused, with history and e-mails."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.models import Match, MatchEvent, MatchSeat
from metelkaar.programmes.models import Enrolment
from tests.conftest import committed

from .conftest import accept_both, activate, enrol

S = Match.Status
pytestmark = pytest.mark.django_db


def actions(match):
    return list(MatchEvent.objects.filter(match=match).values_list("action", flat=True))


class TestCreateProposed:
    def test_it_creates_a_proposal_with_seats_and_mails_both(self, proposed, anna):
        assert proposed.status == S.PROPOSED
        assert proposed.coordinator == anna
        assert MatchSeat.objects.filter(match=proposed).count() == 2
        assert actions(proposed) == ["proposed"]
        assert {e.status for e in Enrolment.objects.all()} == {"matched"}
        assert sorted(m.to[0] for m in mail.outbox) == ["fatima@example.test", "jan@example.test"]
        assert "Er is een maatje voor je voorgesteld" in [m.subject for m in mail.outbox]
        assert f"/my/matches/open/{proposed.public_id.hex}.a." in mail.outbox[0].body

    def test_it_mails_in_the_recipients_language(self, programme, anna, fatima, jan,
                                                 fatima_enrolment, jan_enrolment):
        jan.preferred_language = "en"
        jan.save()
        with committed():
            services.match_create_proposed(programme=programme, enrolment_a=fatima_enrolment,
                                           enrolment_b=jan_enrolment, score=None,
                                           explanation={}, by=anna)
        by_to = {m.to[0]: m for m in mail.outbox}
        assert by_to["jan@example.test"].subject == "A buddy has been proposed for you"
        assert "Fatima" in by_to["jan@example.test"].body
        assert by_to["fatima@example.test"].subject == "Er is een maatje voor je voorgesteld"

    def test_it_refuses_an_outsider(self, programme, olga, fatima_enrolment, jan_enrolment):
        with pytest.raises(services.MatchPermissionDenied):
            services.match_create_proposed(programme=programme, enrolment_a=fatima_enrolment,
                                           enrolment_b=jan_enrolment, score=None,
                                           explanation={}, by=olga)
        assert not Match.objects.exists()

    def test_it_refuses_a_coach(self, programme, bram, fatima_enrolment, jan_enrolment):
        with pytest.raises(services.MatchPermissionDenied):
            services.match_create_proposed(programme=programme, enrolment_a=fatima_enrolment,
                                           enrolment_b=jan_enrolment, score=None,
                                           explanation={}, by=bram)

    def test_it_refuses_people_not_waiting(self, programme, anna, fatima, jan):
        a = enrol(programme, fatima, "a", status="intake")
        b = enrol(programme, jan, "b")
        with pytest.raises(services.MatchError):
            services.match_create_proposed(programme=programme, enrolment_a=a, enrolment_b=b,
                                           score=None, explanation={}, by=anna)
        assert not Match.objects.exists()

    def test_it_refuses_two_of_the_same_side(self, programme, anna, fatima, jan):
        a, b = enrol(programme, fatima, "a"), enrol(programme, jan, "a")
        with pytest.raises(services.MatchError):
            services.match_create_proposed(programme=programme, enrolment_a=a, enrolment_b=b,
                                           score=None, explanation={}, by=anna)

    def test_it_refuses_a_person_already_in_a_live_match(self, proposed, programme, anna, org):
        from tests.conftest import make_person

        other = enrol(programme, make_person(org, "Karim"), "b")
        fatima_enrolment = proposed.enrolment_a
        Enrolment.objects.filter(pk=fatima_enrolment.pk).update(status="waiting")
        fatima_enrolment.refresh_from_db()
        with pytest.raises(services.MatchError):
            services.match_create_proposed(programme=programme, enrolment_a=fatima_enrolment,
                                           enrolment_b=other, score=None, explanation={},
                                           by=anna)
        assert Match.objects.count() == 1

    def test_it_never_proposes_a_pair_again_after_no_click(self, introduced, programme, anna,
                                                           fatima):
        services.match_record_klik(match=introduced, by=fatima.user, klik=False)
        a = Enrolment.objects.get(pk=introduced.enrolment_a_id)
        b = Enrolment.objects.get(pk=introduced.enrolment_b_id)
        assert a.status == b.status == "waiting"
        with pytest.raises(services.MatchError, match="without a klik"):
            services.match_create_proposed(programme=programme, enrolment_a=a, enrolment_b=b,
                                           score=None, explanation={}, by=anna)

    def test_it_refuses_a_pair_closed_with_conflict_and_during_cooling_off(
        self, active, programme, anna, org
    ):
        from tests.conftest import make_person

        services.match_close(match=active, by=anna, reason="conflict")
        a = Enrolment.objects.get(pk=active.enrolment_a_id)
        b = Enrolment.objects.get(pk=active.enrolment_b_id)
        with pytest.raises(services.MatchError, match="conflict"):
            services.match_create_proposed(programme=programme, enrolment_a=a, enrolment_b=b,
                                           score=None, explanation={}, by=anna)
        karim = enrol(programme, make_person(org, "Karim"), "b")
        with pytest.raises(services.MatchError, match="cooling-off"):
            services.match_create_proposed(programme=programme, enrolment_a=a,
                                           enrolment_b=karim, score=None, explanation={},
                                           by=anna)
        Match.objects.filter(pk=active.pk).update(
            ended_at=timezone.localdate() - timedelta(days=programme.cooling_off_days))
        new = services.match_create_proposed(programme=programme, enrolment_a=a,
                                             enrolment_b=karim, score=None, explanation={},
                                             by=anna)
        assert new.status == S.PROPOSED


class TestRespond:
    def test_both_accept_and_the_coordinator_hears(self, proposed, fatima, jan):
        mail.outbox.clear()
        accept_both(proposed, fatima, jan)
        proposed.refresh_from_db()
        assert proposed.accepted_a_at and proposed.accepted_b_at
        assert proposed.status == S.PROPOSED
        assert actions(proposed) == ["proposed", "accepted_a", "accepted_b"]
        assert [m.to for m in mail.outbox] == [["anna@samen-oost.test"]]

    def test_a_participant_declines_and_both_wait_again(self, proposed, jan):
        mail.outbox.clear()
        with committed():
            services.match_respond(match=proposed, by=jan.user, accept=False,
                                   reason="No time now")
        proposed.refresh_from_db()
        assert proposed.status == S.DECLINED
        assert not MatchSeat.objects.exists()
        assert set(Enrolment.objects.values_list("status", flat=True)) == {"waiting"}
        event = MatchEvent.objects.get(match=proposed, action="declined_b")
        assert event.by == jan.user and event.note == "No time now"
        assert sorted(m.to[0] for m in mail.outbox) == ["anna@samen-oost.test",
                                                        "fatima@example.test"]

    def test_it_refuses_a_second_answer(self, proposed, fatima):
        services.match_respond(match=proposed, by=fatima.user, accept=True)
        with pytest.raises(services.MatchError):
            services.match_respond(match=proposed, by=fatima.user, accept=False)

    def test_it_refuses_staff_and_strangers(self, proposed, anna, bram, olga):
        for user in (anna, bram, olga):
            with pytest.raises(services.MatchPermissionDenied):
                services.match_respond(match=proposed, by=user, accept=True)


class TestDecline:
    def test_the_coordinator_declines_with_a_reason(self, proposed, anna):
        services.match_decline(match=proposed, by=anna, reason="Fatima moved")
        assert proposed.status == S.DECLINED
        assert not MatchSeat.objects.exists()

    def test_it_needs_a_reason_and_a_coordinator(self, proposed, anna, bram, fatima):
        with pytest.raises(services.MatchError):
            services.match_decline(match=proposed, by=anna, reason=" ")
        for user in (bram, fatima.user):
            with pytest.raises(services.MatchPermissionDenied):
                services.match_decline(match=proposed, by=user, reason="x")

    def test_it_refuses_an_active_match(self, active, anna):
        with pytest.raises(services.MatchError):
            services.match_decline(match=active, by=anna, reason="x")


class TestIntro:
    def test_it_plans_the_intro_and_mails_an_ics(self, proposed, anna, fatima, jan):
        accept_both(proposed, fatima, jan)
        mail.outbox.clear()
        starts = timezone.now() + timedelta(days=2)
        with committed():
            services.match_plan_intro(match=proposed, by=anna, starts_at=starts,
                                      place="Buurthuis")
        assert proposed.status == S.INTRODUCED
        assert sorted(m.to[0] for m in mail.outbox) == ["fatima@example.test", "jan@example.test"]
        message = mail.outbox[0]
        name, content, mimetype = message.attachments[0]
        assert name == "kennismaking.ics" and mimetype == "text/calendar"
        assert "BEGIN:VEVENT" in content and "LOCATION:Buurthuis" in content
        assert starts.astimezone(UTC).strftime("DTSTART:%Y%m%dT%H%M") in content
        assert "Buurthuis" in message.body

    def test_it_waits_for_both_to_accept(self, proposed, anna, fatima):
        services.match_respond(match=proposed, by=fatima.user, accept=True)
        with pytest.raises(services.MatchError):
            services.match_plan_intro(match=proposed, by=anna, starts_at=timezone.now(),
                                      place="Buurthuis")

    def test_only_the_coordinator_plans(self, proposed, bram, fatima, jan):
        accept_both(proposed, fatima, jan)
        for user in (bram, fatima.user):
            with pytest.raises(services.MatchPermissionDenied):
                services.match_plan_intro(match=proposed, by=user, starts_at=timezone.now(),
                                          place="Buurthuis")


class TestKlikAndActivate:
    def test_three_yes_then_activation_with_agreement(self, introduced, anna, bram, fatima, jan):
        for user in (fatima.user, jan.user, anna):
            services.match_record_klik(match=introduced, by=user, klik=True)
        introduced.refresh_from_db()
        assert (introduced.klik_a, introduced.klik_b, introduced.klik_coordinator) == (
            True, True, True)
        services.match_activate(match=introduced, by=anna, meetings_per_month=2,
                                term_months=12, hopes_a="Dutch", hopes_b="Cooking", coach=bram)
        introduced.refresh_from_db()
        assert introduced.status == S.ACTIVE
        assert introduced.started_at == timezone.localdate()
        assert (introduced.planned_end - introduced.started_at).days in range(365, 367)
        assert introduced.agreement.hopes_b == "Cooking"
        assert introduced.coach == bram
        assert MatchSeat.objects.filter(match=introduced).count() == 2

    def test_activation_needs_all_three(self, introduced, anna, fatima):
        services.match_record_klik(match=introduced, by=fatima.user, klik=True)
        with pytest.raises(services.MatchError):
            services.match_activate(match=introduced, by=anna, meetings_per_month=2,
                                    term_months=12)

    def test_one_no_is_no_click(self, introduced, anna):
        mail.outbox.clear()
        with committed():
            services.match_record_klik(match=introduced, by=anna, klik=False)
        introduced.refresh_from_db()
        assert introduced.status == S.NO_CLICK
        assert not MatchSeat.objects.exists()
        assert set(Enrolment.objects.values_list("status", flat=True)) == {"waiting"}
        assert {m.to[0] for m in mail.outbox} == {
            "fatima@example.test", "jan@example.test", "anna@samen-oost.test"}

    def test_klik_is_said_once_and_not_by_the_coach(self, introduced, bram, fatima, olga):
        services.match_record_klik(match=introduced, by=fatima.user, klik=True)
        with pytest.raises(services.MatchError):
            services.match_record_klik(match=introduced, by=fatima.user, klik=True)
        for user in (bram, olga):
            with pytest.raises(services.MatchPermissionDenied):
                services.match_record_klik(match=introduced, by=user, klik=True)

    def test_klik_is_refused_before_the_intro(self, proposed, fatima):
        with pytest.raises(services.MatchError):
            services.match_record_klik(match=proposed, by=fatima.user, klik=True)

    def test_coach_must_be_a_coach_of_the_organisation(self, introduced, anna, olga, fatima,
                                                       jan):
        for user in (fatima.user, jan.user, anna):
            services.match_record_klik(match=introduced, by=user, klik=True)
        with pytest.raises(services.MatchError):
            services.match_activate(match=introduced, by=anna, meetings_per_month=2,
                                    term_months=12, coach=olga)


class TestPauseAndClose:
    def test_pause_and_resume_by_the_coach(self, active, bram):
        services.match_pause(match=active, by=bram, note="Holiday")
        assert active.status == S.PAUSED
        with pytest.raises(services.MatchError):
            services.match_pause(match=active, by=bram)
        services.match_resume(match=active, by=bram)
        assert active.status == S.ACTIVE
        assert actions(active)[-2:] == ["paused", "resumed"]

    def test_participants_and_outsiders_cannot_pause(self, active, fatima, olga):
        for user in (fatima.user, olga):
            with pytest.raises(services.MatchPermissionDenied):
                services.match_pause(match=active, by=user)

    def test_planned_closure_after_the_term(self, active, anna, bram):
        services.match_start_closing(match=active, by=bram, talk_on=timezone.localdate())
        assert active.status == S.CLOSING
        mail.outbox.clear()
        with committed():
            services.match_close(match=active, by=anna, reason="term_completed")
        active.refresh_from_db()
        assert active.status == S.CLOSED and active.ending == "planned"
        assert active.ended_at == timezone.localdate()
        assert not MatchSeat.objects.exists()
        assert set(Enrolment.objects.values_list("status", flat=True)) == {"waiting"}
        assert active.checkins.filter(moment="closure").count() == 2
        subjects = {m.subject for m in mail.outbox}
        assert "Jullie koppeling is afgesloten" in subjects
        assert "Hoe gaat het met Jan?" in subjects

    def test_early_closure(self, active, anna):
        services.match_close(match=active, by=anna, reason="no_time", note="New job")
        assert active.ending == "early"

    def test_only_the_coordinator_closes_and_not_twice(self, active, anna, bram):
        with pytest.raises(services.MatchPermissionDenied):
            services.match_close(match=active, by=bram, reason="no_time")
        services.match_close(match=active, by=anna, reason="no_time")
        with pytest.raises(services.MatchError):
            services.match_close(match=active, by=anna, reason="no_time")

    def test_close_needs_a_known_reason(self, active, anna):
        with pytest.raises(services.MatchError):
            services.match_close(match=active, by=anna, reason="bored")

    def test_a_stale_copy_cannot_move_the_match(self, active, anna, bram):
        stale = Match.objects.get(pk=active.pk)
        services.match_pause(match=active, by=bram)
        services.match_close(match=active, by=anna, reason="moved_away")
        with pytest.raises(services.MatchError):
            services.match_pause(match=stale, by=bram)


def test_assign_coach_mails_the_coach(active, anna, bram):
    mail.outbox.clear()
    with committed():
        services.match_assign_coach(match=active, by=anna, coach=bram)
    assert [m.to for m in mail.outbox] == [["bram@samen-oost.test"]]
    assert "/staff/matches/" in mail.outbox[0].body


def test_activate_helper_in_a_full_walk(proposed, anna, fatima, jan):
    activate(proposed, anna, fatima, jan)
    assert actions(proposed)[0] == "proposed" and actions(proposed)[-1] == "activated"


def test_a_home_project_may_have_a_team(org, anna, fatima, jan):
    """Project programmes pair several volunteers with one resident: no exclusive seats."""
    from metelkaar.programmes.models import Programme
    from tests.conftest import make_person

    project = Programme.objects.create(organisation=org, name="Klussen", kind="project")
    resident = enrol(project, fatima, "b")
    for person in (jan, make_person(org, "Karim")):
        volunteer = enrol(project, person, "a")
        resident.status = "waiting"
        Enrolment.objects.filter(pk=resident.pk).update(status="waiting")
        services.match_create_proposed(programme=project, enrolment_a=volunteer,
                                       enrolment_b=resident, score=None, explanation={}, by=anna)
    assert Match.objects.filter(programme=project).count() == 2
    assert not MatchSeat.objects.filter(programme=project).exists()


def test_the_intro_can_be_moved_and_calendars_update(introduced, anna, bram):
    mail.outbox.clear()
    later = timezone.now() + timedelta(days=5)
    with committed():
        services.match_replan_intro(match=introduced, by=anna, starts_at=later,
                                    place="Bibliotheek")
    introduced.intro.refresh_from_db()
    assert introduced.intro.place == "Bibliotheek"
    assert sorted(m.to[0] for m in mail.outbox) == ["fatima@example.test", "jan@example.test"]
    content = mail.outbox[0].attachments[0][1]
    assert "SEQUENCE:1" in content and f"UID:intro-{introduced.public_id}@metelkaar" in content
    with pytest.raises(services.MatchPermissionDenied):
        services.match_replan_intro(match=introduced, by=bram, starts_at=later, place="x")


def test_only_a_planned_intro_moves(proposed, anna):
    with pytest.raises(services.MatchError):
        services.match_replan_intro(match=proposed, by=anna, starts_at=timezone.now(),
                                    place="Bibliotheek")
