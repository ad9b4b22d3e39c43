"""List pages make the same number of queries whatever the number of rows (pinned).

Each page is counted with a few rows and with several times as many; the two
counts must be equal. A page that loads something per row (an N+1 query) fails.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import make_person


def _grow(programme, n):
    from metelkaar.matches.models import Match
    from metelkaar.programmes.models import Enrolment

    have = programme.enrolments.count()
    for i in range(have, n):
        a = Enrolment.objects.create(
            programme=programme, person=make_person(programme.organisation, f"A{i}"), side="a"
        )
        b = Enrolment.objects.create(
            programme=programme, person=make_person(programme.organisation, f"B{i}"), side="b"
        )
        Match.objects.create(programme=programme, enrolment_a=a, enrolment_b=b,
                             status=Match.Status.ACTIVE)


def _count(client, url, shows=None) -> int:
    client.get(url)  # warm: first-request work (sessions, caches) is not the page's
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    if shows:
        assert shows in response.content.decode(), f"the page does not list {shows!r}"
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "page",
    ["programmes:coordinator_home", "programmes:detail", "matches:list"],
)
def test_list_page_queries_do_not_grow_with_rows(client, anna, programme, page):
    args = [programme.public_id] if page == "programmes:detail" else []
    url = reverse(page, args=args)
    client.force_login(anna)
    _grow(programme, 2)
    few = _count(client, url)
    _grow(programme, 12)
    many = _count(client, url, shows=None if page == "programmes:coordinator_home" else "A11")
    assert few == many, f"{page}: {few} queries with 2 rows, {many} with 12"
