"""A participant without an account (a pupil signed up by a guardian): the coordinator
records their yes, from the match page."""

import pytest

from metelkaar.matches import services
from metelkaar.matches.services.common import MatchError
from metelkaar.people.models import Person
from tests.conftest import PASSWORD


@pytest.fixture
def no_account(proposed):
    Person.objects.filter(pk=proposed.enrolment_b.person_id).update(user=None)
    proposed.refresh_from_db()
    return proposed


def test_coordinator_records_the_yes_on_the_match_page(client, anna, no_account):
    client.login(email=anna.email, password=PASSWORD)
    page = client.get(f"/staff/matches/{no_account.public_id}/").content.decode()
    assert "Ja vastleggen" in page
    client.post(f"/staff/matches/{no_account.public_id}/yes-for-b/")
    no_account.refresh_from_db()
    assert no_account.accepted_b_at is not None
    assert no_account.accepted_a_at is None


def test_nobody_answers_for_a_participant_with_an_account(anna, proposed):
    with pytest.raises(MatchError):
        services.match_respond(match=proposed, by=anna, accept=True, on_behalf_of_side="a")


def test_a_coach_cannot_answer_on_behalf(bram, no_account):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.match_respond(match=no_account, by=bram, accept=True, on_behalf_of_side="b")
