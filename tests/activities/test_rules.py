"""Who may manage activities: a rules matrix per role, and the link block per programme kind."""

import threading

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.template.loader import render_to_string

from metelkaar.activities.services import cafe as services
from metelkaar.programmes.models import Programme

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "who, allowed",
    [("anna", True), ("bram", False), ("olga", False), ("fatima", False), ("anonymous", False)],
)
@pytest.mark.parametrize("kind", ["group", "project", "help"])
def test_only_coordinators_of_the_organisation_manage_activities(request, org, who, allowed, kind):
    programme = Programme.objects.create(organisation=org, name="P", kind=kind)
    user = AnonymousUser() if who == "anonymous" else request.getfixturevalue(who)
    if who == "fatima":
        user = user.user
    assert user.has_perm("activities.manage_programme", programme) is allowed


@pytest.mark.parametrize(
    "kind, expected",
    [("group", "/cafe/"), ("project", "/projects/"), ("help", "/help/"), ("buddy", None)],
)
def test_programme_links_block_points_to_the_pages_of_its_kind(org, kind, expected):
    programme = Programme.objects.create(organisation=org, name="P", kind=kind)
    html = render_to_string("activities/_programme_links.html", {"programme": programme})
    if expected is None:
        assert html.strip() == ""
    else:
        assert expected in html and "<nav" in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_people_cannot_take_the_last_place_at_once(series, session):
    services.session_rsvp_create(
        session=session, name="A", email="", speaks=["nl"], practises=[], background="resident"
    )
    services.session_rsvp_create(
        session=session, name="B", email="", speaks=["nl"], practises=[], background="resident"
    )
    results = []
    barrier = threading.Barrier(2)

    def take(name):
        barrier.wait()
        try:
            services.session_rsvp_create(
                session=session,
                name=name,
                email="",
                speaks=["ar"],
                practises=["nl"],
                background="newcomer",
            )
            results.append("ok")
        except services.SessionFullError:
            results.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(n,)) for n in ("C", "D")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["full", "ok"]
    assert session.rsvps.filter(status="going").count() == 3
