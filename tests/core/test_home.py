"""The home page and the sign-up page: every programme card leads where a visitor joins it."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from metelkaar.activities.models import GroupSeries
from metelkaar.programmes.models import Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def kinds(org):
    made = {kind: Programme.objects.create(organisation=org, name=f"{kind} programme", kind=kind,
                                           is_open=True)
            for kind in ("buddy", "help", "group", "project", "bridge")}
    for title in ("Taalcafé dinsdag", "Taalcafé zaterdag"):
        GroupSeries.objects.create(programme=made["group"], title=title, place="De Linde",
                                   weekday=1, start_time=datetime.time(19, 30))
    return made


@pytest.mark.parametrize("page", ["/", "/aanmelden/"])
def test_each_card_leads_to_where_that_kind_is_joined(page, client, kinds):
    html = client.get(page).content.decode()
    wizard = reverse("programmes:signup_wizard", args=[kinds["help"].public_id])
    assert wizard not in html  # neighbour help is a board, not the 8-step sign-up
    board = reverse("activities:help_board", args=[kinds["help"].public_id])
    assert f'class="card-link" href="{board}"' in html
    assert reverse("activities:project_public_list", args=[kinds["project"].public_id]) in html
    for series in GroupSeries.objects.all():
        assert reverse("activities:cafe_public", args=[series.public_id]) in html
    buddy = reverse("programmes:signup_wizard", args=[kinds["buddy"].public_id])
    assert f'class="card-link" href="{buddy}"' in html
    assert reverse("bridges:request_create", args=[kinds["bridge"].public_id]) in html
    assert 'Open het hulpbord' in html


def test_a_cafe_without_series_says_nothing_is_planned(client, org):
    Programme.objects.create(organisation=org, name="Nieuw café", kind="group", is_open=True)
    assert "Er is nog niets gepland" in client.get("/").content.decode()


@pytest.mark.parametrize("n", [1, 6])
def test_the_home_page_costs_the_same_queries_for_few_and_many(n, client, org,
                                                                django_assert_num_queries):
    for i in range(n):
        cafe = Programme.objects.create(organisation=org, name=f"Café {i}", kind="group",
                                        is_open=True)
        GroupSeries.objects.create(programme=cafe, title="Avond", place="Buurthuis", weekday=2,
                                   start_time=datetime.time(19, 0))
    with django_assert_num_queries(2):  # the programmes, the series of the cafés
        client.get("/")
