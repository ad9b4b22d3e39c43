"""Pages of the matches app: who sees what, forms that keep input, no 500s."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.models import ContactMoment, Match
from tests.conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def karim(org):
    from metelkaar.people.models import User

    user = User.objects.create_user("karim@example.test", PASSWORD, full_name="Karim")
    return make_person(org, "Karim", user=user, email=user.email)


@pytest.fixture
def carla(org):
    """Another coach of the organisation, not on Fatima and Jan's match."""
    from metelkaar.people.models import Membership, User

    user = User.objects.create_user("carla@samen-oost.test", PASSWORD, full_name="Carla")
    Membership.objects.create(user=user, organisation=org, role="coach")
    return user


class TestParticipantPage:
    def test_both_participants_see_it(self, client, proposed, fatima, jan):
        url = reverse("matches:participant_match", args=[proposed.public_id])
        for person in (fatima, jan):
            response = login(client, person.user).get(url)
            assert response.status_code == 200
        assert "Fatima" in response.content.decode()

    def test_others_get_404_and_anonymous_goes_to_login(self, client, proposed, karim, olga,
                                                        anna):
        url = reverse("matches:participant_match", args=[proposed.public_id])
        assert client.get(url).status_code == 302
        for user in (karim.user, olga, anna):
            client.logout()
            assert login(client, user).get(url).status_code == 404

    def test_a_participant_accepts(self, client, proposed, fatima):
        login(client, fatima.user).post(
            reverse("matches:participant_respond", args=[proposed.public_id]), {"answer": "yes"})
        proposed.refresh_from_db()
        assert proposed.accepted_a_at is not None

    def test_bad_answer_changes_nothing(self, client, proposed, fatima):
        response = login(client, fatima.user).post(
            reverse("matches:participant_respond", args=[proposed.public_id]), {"answer": "maybe"})
        assert response.status_code == 302
        proposed.refresh_from_db()
        assert proposed.accepted_a_at is None and proposed.status == "proposed"

    def test_klik_from_the_page(self, client, introduced, jan):
        login(client, jan.user).post(
            reverse("matches:participant_klik", args=[introduced.public_id]), {"klik": "yes"}
        )
        introduced.refresh_from_db()
        assert introduced.klik_b is True

    def test_my_matches_lists_only_mine(self, client, proposed, karim, fatima):
        response = login(client, karim.user).get(reverse("matches:my_matches"))
        assert str(proposed.public_id) not in response.content.decode()
        client.logout()
        response = login(client, fatima.user).get(reverse("matches:my_matches"))
        assert str(proposed.public_id) in response.content.decode()


class TestContactLog:
    def test_jan_logs_that_he_helped(self, client, active, jan):
        url = reverse("matches:contact_new", args=[active.public_id])
        assert login(client, jan.user).get(url).status_code == 200
        response = client.post(url, {"activity": "paperwork", "duration_minutes": "60",
                                     "view": "i_helped", "day": timezone.localdate()})
        assert response.status_code == 302
        contact = ContactMoment.objects.get()
        assert contact.direction == "b_helped_a"
        assert contact.logged_by_id == active.enrolment_b_id

    def test_bad_input_keeps_what_was_typed(self, client, active, jan):
        url = reverse("matches:contact_new", args=[active.public_id])
        response = login(client, jan.user).post(
            url, {"activity": "coffee", "view": "together", "note": "Nice talk",
                  "day": "2999-01-01"})
        assert response.status_code == 400
        body = response.content.decode()
        assert "Nice talk" in body and 'value="coffee"' in body and "checked" in body
        assert not ContactMoment.objects.exists()

    def test_fatima_confirms_with_her_view(self, client, active, jan, fatima):
        contact = services.contact_log(match=active, by=jan.user, day=timezone.localdate(),
                                       activity="cooking", duration_minutes=90, view="i_helped")
        login(client, fatima.user).post(
            reverse("matches:contact_confirm", args=[active.public_id, contact.public_id]),
            {"view": "together"})
        contact.refresh_from_db()
        assert contact.confirmed_by_other and contact.other_direction == "together"

    def test_the_logger_cannot_confirm_and_others_get_404(self, client, active, jan, karim):
        contact = services.contact_log(match=active, by=jan.user, day=timezone.localdate(),
                                       activity="walk", duration_minutes=30, view="together")
        url = reverse("matches:contact_confirm", args=[active.public_id, contact.public_id])
        login(client, jan.user).post(url, {})
        contact.refresh_from_db()
        assert not contact.confirmed_by_other
        client.logout()
        assert login(client, karim.user).post(url, {}).status_code == 404

    def test_page_shows_mutuality_from_my_side(self, client, active, jan, fatima):
        for view in ("i_helped", "i_helped", "together", "i_was_helped"):
            services.contact_log(match=active, by=jan.user, day=timezone.localdate(),
                                 activity="coffee", duration_minutes=60, view=view)
        body = login(client, fatima.user).get(
            reverse("matches:participant_match", args=[active.public_id]),
            HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "I helped: 25%" in body


    def test_page_query_count_does_not_grow_with_contacts(self, client, active, jan, fatima,
                                                            django_assert_num_queries):
        url = reverse("matches:participant_match", args=[active.public_id])
        login(client, fatima.user)
        counts = []
        for n in (1, 12):
            while active.contacts.count() < n:
                services.contact_log(match=active, by=jan.user, day=timezone.localdate(),
                                     activity="walk", duration_minutes=30, view="together")
            client.get(url)
            # 10: the intro and the agreement load in two small queries of their own,
            # cheaper on PostgreSQL than planning them into the match's join.
            with django_assert_num_queries(10, exact=False) as ctx:
                assert client.get(url).status_code == 200
            counts.append(len(ctx.captured_queries))
        assert counts[0] == counts[1]


class TestStaffPage:
    def test_coordinator_and_its_coach_see_it(self, client, active, anna, bram):
        url = reverse("matches:staff_match", args=[active.public_id])
        for user in (anna, bram):
            client.logout()
            assert login(client, user).get(url).status_code == 200

    def test_others_get_404(self, client, active, olga, carla, fatima):
        url = reverse("matches:staff_match", args=[active.public_id])
        for user in (olga, carla, fatima.user):
            client.logout()
            assert login(client, user).get(url).status_code == 404

    def test_plan_intro_through_the_page(self, client, proposed, anna, fatima, jan):
        from .conftest import accept_both

        accept_both(proposed, fatima, jan)
        day = timezone.localdate() + timedelta(days=3)
        response = login(client, anna).post(
            reverse("matches:staff_match_action", args=[proposed.public_id, "plan-intro"]),
            {"plan_intro-day": day.isoformat(), "plan_intro-time": "14:30",
             "plan_intro-place": "Buurthuis", "plan_intro-duration_minutes": "60"})
        assert response.status_code == 302
        proposed.refresh_from_db()
        assert proposed.status == "introduced"

    def test_a_bad_form_keeps_input_and_says_why(self, client, proposed, anna, fatima, jan):
        from .conftest import accept_both

        accept_both(proposed, fatima, jan)
        response = login(client, anna).post(
            reverse("matches:staff_match_action", args=[proposed.public_id, "plan-intro"]),
            {"plan_intro-day": "not a date", "plan_intro-place": "Buurthuis <b>"})
        assert response.status_code == 400
        body = response.content.decode()
        assert "Buurthuis &lt;b&gt;" in body and "errorlist" in body

    def test_a_coach_cannot_close_and_an_unknown_action_is_404(self, client, active, bram):
        login(client, bram)
        url = reverse("matches:staff_match_action", args=[active.public_id, "close"])
        assert client.post(url, {"close-reason": "no_time"}).status_code == 403
        url = reverse("matches:staff_match_action", args=[active.public_id, "explode"])
        assert client.post(url, {}).status_code == 404

    def test_coach_logs_a_follow_up(self, client, active, bram):
        login(client, bram).post(
            reverse("matches:staff_match_action", args=[active.public_id, "coach-contact"]),
            {"coach_contact-day": timezone.localdate().isoformat(),
             "coach_contact-kind": "phone", "coach_contact-with_whom": "both"})
        assert active.coach_contacts.count() == 1

    def test_match_list_query_count_is_flat(self, client, anna, programme, org,
                                            django_assert_num_queries):
        login(client, anna)
        url = reverse("matches:list")
        client.get(url)
        for i in range(5):
            a = make_person(org, f"A{i}")
            b = make_person(org, f"B{i}")
            from .conftest import enrol

            services.match_create_proposed(
                programme=programme, enrolment_a=enrol(programme, a, "a"),
                enrolment_b=enrol(programme, b, "b"), score=None, explanation={}, by=anna)
        with django_assert_num_queries(8, exact=False) as ctx:
            response = client.get(url)
        assert response.status_code == 200 and len(ctx.captured_queries) <= 8


def test_coach_dashboard_needs_the_coach_role(client, anna, fatima):
    assert client.get(reverse("matches:coach_dashboard")).status_code == 302
    for user in (anna, fatima.user):
        client.logout()
        assert login(client, user).get(reverse("matches:coach_dashboard")).status_code == 403


def test_no_pages_of_matches_answer_500_for_a_closed_match(client, active, anna, bram, jan):
    services.match_close(match=active, by=anna, reason="moved_away")
    pages = (
        (anna, "matches:staff_match"), (bram, "matches:staff_match"),
        (jan, "matches:participant_match"),
    )
    for user, name in pages:
        client.logout()
        login(client, getattr(user, "user", user))
        assert client.get(reverse(name, args=[active.public_id])).status_code == 200
    assert Match.objects.get().status == "closed"


def test_match_list_filters_by_own_programme_only(client, proposed, anna, olga, programme):
    login(client, anna)
    url = reverse("matches:list")
    body = client.get(url, {"programme": str(programme.public_id)}).content.decode()
    assert str(proposed.public_id) in body
    assert client.get(url, {"programme": "not-a-uuid"}).status_code == 404
    client.logout()
    login(client, olga)
    assert client.get(url, {"programme": str(programme.public_id)}).status_code == 404
    assert str(proposed.public_id) not in client.get(url).content.decode()


def test_the_coach_checks_signals_on_demand(client, active, bram):
    from metelkaar.matches.models import Signal

    Match.objects.filter(pk=active.pk).update(
        started_at=timezone.localdate() - timedelta(days=40))
    login(client, bram).post(
        reverse("matches:staff_match_action", args=[active.public_id, "refresh-signals"]))
    assert Signal.objects.filter(match=active, rule="no_contact").exists()


def test_match_endings_tell_planned_from_early(active, anna, programme):
    from metelkaar.matches.selectors import match_endings

    services.match_close(match=active, by=anna, reason="moved_away")
    assert match_endings(programme=programme) == {"planned": {}, "early": {"moved_away": 1}}
