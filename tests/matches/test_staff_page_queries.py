"""The staff match page costs a fixed number of queries, whatever the match's history.

Measured before the memberships were kept per request: 22 queries for the
coordinator (7 of them the same role look-up) and 27 for the coach (12).
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from metelkaar.matches import services
from tests.matches.test_views import login

#: session, user, match, memberships, people, contacts, events, signals, intro,
#: agreement, participant check, check-ins, coach contacts; the coordinator's page
#: also loads the coach (for the coach it is the user already loaded)
QUERIES = {"anna": 14, "bram": 13}


def _grow(match, jan, bram, n):
    for i in range(n):
        services.contact_log(match=match, by=jan.user, day=timezone.localdate(),
                             activity="coffee", duration_minutes=60, view="together")
        services.coach_contact_log(match=match, by=bram, day=timezone.localdate(),
                                   kind="phone", with_whom="both", note=f"call {i}")


@pytest.mark.parametrize("who", ["anna", "bram"])
def test_the_page_does_not_grow_with_the_history(request, client, active, jan, bram, who,
                                                 django_assert_num_queries):
    login(client, request.getfixturevalue(who))
    url = reverse("matches:staff_match", args=[active.public_id])
    client.get(url)
    with django_assert_num_queries(QUERIES[who]):
        assert client.get(url).status_code == 200
    _grow(active, jan, bram, 5)
    with django_assert_num_queries(QUERIES[who]):
        assert client.get(url).status_code == 200
