"""The demo data makes every activity page meaningful and never breaks a page."""

import random

import pytest
from django.urls import reverse

from metelkaar.activities import selectors
from metelkaar.activities.demo import seed_activities

pytestmark = pytest.mark.django_db


def test_demo_programmes_render_with_meaningful_data(client, org, anna):
    cafe, projects, help_programme = seed_activities(
        organisation=org, rng=random.Random(7), by=anna
    )
    series = cafe.group_series.get()
    past = series.sessions.filter(rsvps__attended=True).distinct().last()
    assert selectors.series_returning_rate(series=series).returning >= 5
    plan, based_on_attendance = selectors.session_table_plan(session=past)
    assert based_on_attendance and len(plan.tables) >= 2
    assert len(selectors.help_recurring_pairs(programme=help_programme)) == 1
    client.force_login(anna)
    project = projects.home_projects.filter(status="open").first()
    urls = [
        reverse("activities:cafe_series", args=[series.public_id]),
        reverse("activities:cafe_session", args=[past.public_id]),
        reverse("activities:cafe_tables", args=[past.public_id]),
        reverse("activities:cafe_public", args=[series.public_id]),
        reverse("activities:project_list", args=[projects.public_id]),
        reverse("activities:project_detail", args=[project.public_id]),
        reverse("activities:project_public", args=[project.public_id]),
        reverse("activities:project_public_list", args=[projects.public_id]),
        reverse("activities:help_coordinator", args=[help_programme.public_id]),
        reverse("activities:help_board", args=[help_programme.public_id]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_public_lists_have_a_fixed_number_of_queries(client, org, django_assert_num_queries):
    _cafe, projects, help_programme = seed_activities(organisation=org, rng=random.Random(3))
    board = reverse("activities:help_board", args=[help_programme.public_id])
    listing = reverse("activities:project_public_list", args=[projects.public_id])
    client.get(board)
    with django_assert_num_queries(2):
        client.get(board)
    with django_assert_num_queries(2):
        client.get(listing)
