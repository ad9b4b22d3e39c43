"""Recurring help between two neighbours becomes buddy enrolments with one click."""

import pytest
from django.urls import reverse

from metelkaar.activities import selectors
from metelkaar.activities.models import HelpPairLink
from metelkaar.activities.services import help as help_services
from metelkaar.activities.services.help_pairs import HelpPairError, help_pair_to_buddy_enrolments
from metelkaar.people.models import Person
from metelkaar.programmes.models import Enrolment
from tests.activities.test_help import make_post

pytestmark = pytest.mark.django_db


def exchange(programme, times, poster="fatima@example.test", helper="jan@example.test"):
    for _ in range(times):
        post = make_post(programme, email=poster, name="Fatima")
        conversation = help_services.help_conversation_start(
            post=post, name="Jan", email=helper, body="Ik help"
        )
        help_services.help_post_close(post=post, helped_by=conversation)


def test_three_completed_exchanges_make_a_recurring_pair(help_programme):
    exchange(help_programme, 2)
    assert selectors.help_recurring_pairs(programme=help_programme) == []
    exchange(help_programme, 1)
    [pair] = selectors.help_recurring_pairs(programme=help_programme)
    assert (pair.helped_email, pair.helper_email, pair.exchanges) == (
        "fatima@example.test",
        "jan@example.test",
        3,
    )


def test_a_pair_becomes_two_waiting_enrolments_and_a_proposed_match(
    help_programme, programme, anna, fatima
):
    exchange(help_programme, 3)
    [pair] = selectors.help_recurring_pairs(programme=help_programme)
    with pytest.raises(HelpPairError):
        help_pair_to_buddy_enrolments(post_pair=pair, buddy_programme=programme, by=anna)
    result = help_pair_to_buddy_enrolments(
        post_pair=pair, buddy_programme=programme, by=anna, birth_years={"jan@example.test": 1961}
    )
    jan = Person.objects.get(email="jan@example.test")
    assert jan.birth_year == 1961 and jan.organisation == help_programme.organisation
    link = HelpPairLink.objects.get()
    assert link.enrolment_a.person == fatima and link.enrolment_a.side == "a"
    assert link.enrolment_b.person == jan and link.enrolment_b.side == "b"
    statuses = set(Enrolment.objects.filter(programme=programme).values_list("status", flat=True))
    assert result.match_created and statuses == {"matched"}
    with pytest.raises(HelpPairError):
        help_pair_to_buddy_enrolments(post_pair=pair, buddy_programme=programme, by=anna)


def test_a_buddy_programme_of_another_organisation_is_refused(help_programme, anna, other_org):
    from metelkaar.programmes.models import Programme

    exchange(help_programme, 3)
    [pair] = selectors.help_recurring_pairs(programme=help_programme)
    elsewhere = Programme.objects.create(organisation=other_org, name="West", kind="buddy")
    with pytest.raises(HelpPairError):
        help_pair_to_buddy_enrolments(
            post_pair=pair,
            buddy_programme=elsewhere,
            by=anna,
            birth_years={"fatima@example.test": 1990, "jan@example.test": 1960},
        )
    assert not Enrolment.objects.exists()


def test_the_coordinator_turns_a_pair_into_buddies_with_one_click(
    client, anna, help_programme, programme
):
    exchange(help_programme, 3)
    client.force_login(anna)
    page = client.get(
        reverse("activities:help_coordinator", args=[help_programme.public_id])
    ).content.decode()
    assert "Maak ze maatjes" in page
    token = page.split('name="pair0-pair" value="')[1].split('"')[0]
    response = client.post(
        reverse("activities:help_pair_to_buddies", args=[help_programme.public_id]),
        {
            "prefix": "pair0",
            "pair0-pair": token,
            "pair0-buddy_programme": programme.pk,
            "pair0-birth_year_a": "1990",
            "pair0-birth_year_b": "1960",
        },
        follow=True,
    )
    assert "Beiden zijn aangemeld in het maatjesproject" in response.content.decode()
    assert HelpPairLink.objects.count() == 1
    bad = client.post(
        reverse("activities:help_pair_to_buddies", args=[help_programme.public_id]),
        {"prefix": "pair0", "pair0-pair": token + "x", "pair0-buddy_programme": programme.pk},
    )
    assert bad.status_code == 404


def test_without_the_match_service_both_stay_waiting(help_programme, programme, anna, monkeypatch):
    from metelkaar.activities.services import help_pairs

    monkeypatch.setattr(help_pairs, "_match_create_proposed", lambda: None)
    exchange(help_programme, 3)
    [pair] = selectors.help_recurring_pairs(programme=help_programme)
    result = help_pair_to_buddy_enrolments(
        post_pair=pair,
        buddy_programme=programme,
        by=anna,
        birth_years={"fatima@example.test": 1990, "jan@example.test": 1961},
    )
    assert not result.match_created
    assert set(Enrolment.objects.filter(programme=programme).values_list("status", flat=True)) == {
        "waiting"
    }
