"""Two coordinators approve proposals for the same person at the same moment."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import OperationalError, connection

from metelkaar.matches import services
from metelkaar.matches.models import Match, MatchSeat
from tests.conftest import make_person

from .conftest import enrol


@pytest.mark.django_db(transaction=True)
def test_two_approvals_for_one_person_only_one_succeeds(programme, anna, fatima, org):
    """Fatima is proposed to Jan and to Karim in two threads: exactly one wins."""
    from metelkaar.people.models import Membership, User

    anna2 = User.objects.create_user("els@samen-oost.test", "x", full_name="Els")
    Membership.objects.create(user=anna2, organisation=org, role="coordinator")
    fatima_enrolment = enrol(programme, fatima, "a")
    others = [enrol(programme, make_person(org, name), "b") for name in ("Jan", "Karim")]
    barrier = threading.Barrier(2)
    results: list[object] = []

    def approve(other, by):
        try:
            barrier.wait(timeout=10)
            for _attempt in range(200):
                try:
                    results.append(services.match_create_proposed(
                        programme=programme, enrolment_a=fatima_enrolment, enrolment_b=other,
                        score=None, explanation={}, by=by))
                    return
                except OperationalError as error:
                    # pytest-django's in-memory SQLite answers "table is locked" at once
                    # instead of waiting like a file database with a busy timeout does.
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.05)
        except services.MatchError as error:
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(other, by))
               for other, by in zip(others, (anna, anna2), strict=False)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 2
    assert sum(isinstance(r, Match) for r in results) == 1
    assert sum(isinstance(r, services.MatchError) for r in results) == 1
    assert Match.objects.count() == 1
    assert MatchSeat.objects.filter(person=fatima).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_database_refuses_a_second_seat(programme, fatima, org, anna):
    """Even without the service's checks, the constraint holds."""
    from django.db import IntegrityError

    a = enrol(programme, fatima, "a")
    b1, b2 = (enrol(programme, make_person(org, n), "b") for n in ("Jan", "Karim"))
    m1 = Match.objects.create(programme=programme, enrolment_a=a, enrolment_b=b1)
    m2 = Match.objects.create(programme=programme, enrolment_a=a, enrolment_b=b2)
    MatchSeat.objects.create(programme=programme, person=fatima, enrolment=a, match=m1)
    with pytest.raises(IntegrityError):
        MatchSeat.objects.create(programme=programme, person=fatima, enrolment=a, match=m2)
