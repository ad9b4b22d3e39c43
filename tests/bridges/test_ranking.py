"""Ranked suggestions: language first, then culture, availability and load."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import override

from metelkaar.bridges import services
from metelkaar.bridges.models import HoursLog
from metelkaar.bridges.ranking import rank_bridge_persons
from metelkaar.bridges.selectors import pool_for_ranking
from tests.bridges.conftest import submit


def _rank(bridge_request):
    return rank_bridge_persons(bridge_request, pool_for_ranking(bridge_request=bridge_request))


def test_who_speaks_the_needed_language_ranks_above_who_does_not(
    school_request, fatima_bridge, jan_bridge
):
    names = [s.person.first_name for s in _rank(school_request)]
    assert names == ["Fatima", "Jan"]


def test_the_order_follows_the_language_asked_for(bridge_programme, fatima_bridge, jan_bridge):
    english = submit(bridge_programme, languages=["en"], cultures=[])
    assert [s.person.first_name for s in _rank(english)] == ["Jan", "Fatima"]


def test_each_suggestion_explains_itself_in_the_users_language(school_request, fatima_bridge):
    with override("en"):
        sentences = _rank(school_request)[0].sentences
    assert "Speaks Arabic." in sentences
    assert "Knows Syria from the inside." in sentences
    assert "Is free at all the preferred times." in sentences
    assert "Has 16 of 16 hours left this month." in sentences
    with override("nl"):
        assert "Spreekt Arabisch." in _rank(school_request)[0].sentences


def _log(assignment, hours):
    HoursLog.objects.create(assignment=assignment, date=timezone.localdate(), hours=Decimal(hours))


def _accepted(programme, profile, anna, **request_fields):
    bridge_request = submit(programme, **request_fields)
    assignment = services.bridge_request_assign(
        bridge_request=bridge_request, enrolment=profile.enrolment, by=anna
    )
    return services.assignment_accept(assignment=assignment)


def test_a_bridge_person_whose_month_is_full_is_not_suggested(
    bridge_programme, fatima_bridge, jan_bridge, anna
):
    _log(_accepted(bridge_programme, fatima_bridge, anna), 16)
    names = [s.person.first_name for s in _rank(submit(bridge_programme))]
    assert names == ["Jan"]


def test_between_equals_the_one_with_more_room_ranks_first(
    bridge_programme, fatima, jan, anna
):
    from metelkaar.bridges.services import bridge_person_add

    jan.languages = {"ar": 4, "nl": 5}
    jan.save()
    fatima_profile = bridge_person_add(programme=bridge_programme, person=fatima, by=anna,
                                       cultures=["syria"], max_hours_per_month=10)
    bridge_person_add(programme=bridge_programme, person=jan, by=anna,
                      cultures=["syria"], max_hours_per_month=10)
    _log(_accepted(bridge_programme, fatima_profile, anna), 8)
    ranked = _rank(submit(bridge_programme))
    assert [s.person.first_name for s in ranked] == ["Jan", "Fatima"]
    assert ranked[0].score > ranked[1].score


def test_who_said_no_to_a_request_is_not_suggested_for_it_again(
    school_request, fatima_bridge, jan_bridge, anna
):
    assignment = services.bridge_request_assign(
        bridge_request=school_request, enrolment=fatima_bridge.enrolment, by=anna
    )
    services.assignment_decline(assignment=assignment)
    school_request.refresh_from_db()
    assert [s.person.first_name for s in _rank(school_request)] == ["Jan"]


def test_the_pool_is_read_in_one_query(school_request, fatima_bridge, jan_bridge,
                                       django_assert_num_queries):
    with django_assert_num_queries(1):
        suggestions = _rank(school_request)
        [s.sentences for s in suggestions]
