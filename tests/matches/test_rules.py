"""Who may do what on a match: every permission × every role, as a matrix.

Roles: Anna (coordinator of the organisation), Bram (coach of this match),
Carla (coach in the organisation, not of this match), Fatima and Jan (the two
participants), Karim (participant elsewhere), Olga (coordinator of another
organisation). The statuses in which a step is possible are the services'
business and are tested in test_lifecycle.py.
"""

from __future__ import annotations

import pytest

from metelkaar.matches.rules import PERMISSIONS
from tests.conftest import PASSWORD, make_person

pytestmark = pytest.mark.django_db

ROLES = ("anna", "bram", "carla", "fatima", "jan", "karim", "olga")
COORD = {"anna"}
STAFF = {"anna", "bram"}
PARTICIPANTS = {"fatima", "jan"}

EXPECTED = {
    "matches.decline_proposal": COORD,
    "matches.respond_on_behalf": COORD,
    "matches.plan_intro": COORD,
    "matches.activate": COORD,
    "matches.assign_coach": COORD,
    "matches.close": COORD,
    "matches.respond_to_proposal": PARTICIPANTS,
    "matches.log_contact": PARTICIPANTS,
    "matches.view_as_participant": PARTICIPANTS,
    "matches.record_klik": PARTICIPANTS | COORD,
    "matches.view_match": STAFF,
    "matches.pause": STAFF,
    "matches.start_closing": STAFF,
    "matches.log_coach_contact": STAFF,
    "matches.resolve_signal": STAFF,
    "matches.view_checkins": STAFF,
}


@pytest.fixture
def users(active, anna, bram, fatima, jan, olga, org):
    from metelkaar.people.models import Membership, User

    carla = User.objects.create_user("carla@samen-oost.test", PASSWORD, full_name="Carla")
    Membership.objects.create(user=carla, organisation=org, role="coach")
    karim_user = User.objects.create_user("karim@example.test", PASSWORD)
    make_person(org, "Karim", user=karim_user)
    return {"anna": anna, "bram": bram, "carla": carla, "fatima": fatima.user,
            "jan": jan.user, "karim": karim_user, "olga": olga}


def test_every_permission_is_in_the_matrix():
    assert set(EXPECTED) | {"matches.use_coach_dashboard"} == set(PERMISSIONS)


@pytest.mark.parametrize("perm", sorted(EXPECTED))
def test_permission_matrix(perm, users, active):
    allowed = {role for role in ROLES if users[role].has_perm(perm, active)}
    assert allowed == EXPECTED[perm]


def test_coach_dashboard_is_for_coaches(users):
    allowed = {role for role in ROLES if users[role].has_perm("matches.use_coach_dashboard")}
    assert allowed == {"bram", "carla"}


def test_anonymous_may_do_nothing(active):
    from django.contrib.auth.models import AnonymousUser

    assert not any(AnonymousUser().has_perm(perm, active) for perm in PERMISSIONS)
