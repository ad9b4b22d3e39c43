"""A programme's enrolment list: newest first, counts that agree with the programme card,
only the columns and filters the programme has; a thank-you page that promises what it does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from metelkaar.programmes.models import Enrolment, Programme
from tests.conftest import make_person

pytestmark = pytest.mark.django_db
S = Enrolment.Status


@pytest.fixture
def tandem(org):
    return Programme.objects.create(organisation=org, name="Taaltandem", kind="tandem",
                                    is_open=True, requires_intake=False)


def enrol(programme, name, *, status=S.APPLIED, days_ago=0, side="pool"):
    return Enrolment.objects.create(
        programme=programme, person=make_person(programme.organisation, name), side=side,
        status=status, created_at=timezone.now() - timedelta(days=days_ago))


def test_newest_sign_up_first(client, anna, tandem):
    for name, days in (("Oud", 30), ("Nieuw", 1), ("Midden", 10)):
        enrol(tandem, name, days_ago=days)
    client.force_login(anna)
    page = client.get(reverse("programmes:detail", args=[tandem.public_id]))
    names = [e.person.first_name for e in page.context["page"].object_list]
    assert names == ["Nieuw", "Midden", "Oud"]


def test_a_one_pool_programme_has_no_side_column_and_no_steps_it_lacks(client, anna, tandem):
    enrol(tandem, "Amal")
    client.force_login(anna)
    response = client.get(reverse("programmes:detail", args=[tandem.public_id]))
    html = response.content.decode()
    assert "<th scope=\"col\">Kant</th>" not in html and 'name="side"' not in html
    tabs = [value for value, _label, _n in response.context["status_tabs"]]
    assert tabs == ["applied", "waiting", "matched", "finished", "withdrawn"]


def test_a_step_someone_still_has_keeps_its_tab(client, anna, tandem):
    enrol(tandem, "Bo", status=S.TRAINED)  # from before training was switched off
    client.force_login(anna)
    response = client.get(reverse("programmes:detail", args=[tandem.public_id]))
    assert "trained" in [value for value, _l, _n in response.context["status_tabs"]]


def test_the_card_counts_equal_the_tab_counts(client, anna, programme):
    for status in (S.APPLIED, S.APPLIED, S.INTAKE, S.WAITING, S.MATCHED):
        enrol(programme, "P", status=status, side="a")
    client.force_login(anna)
    cards = client.get(reverse("programmes:coordinator_home")).content.decode()
    tabs = dict((value, n) for value, _l, n in client.get(
        reverse("programmes:detail", args=[programme.public_id])).context["status_tabs"])
    base = reverse("programmes:detail", args=[programme.public_id])
    for status, words in (("applied", "2 nieuwe aanmeldingen"), ("intake", "1 in intake"),
                          ("waiting", "1 wacht"), ("matched", "1 gekoppeld")):
        assert f'href="{base}?status={status}">{words}' in cards, words
        assert tabs[status] == int(words.split()[0])


def test_the_tandem_thank_you_page_promises_no_intake(client, tandem, programme):
    thanks = client.get(reverse("programmes:signup_thanks", args=[tandem.public_id]))
    assert "intake" not in thanks.content.decode().lower()
    with_intake = client.get(reverse("programmes:signup_thanks", args=[programme.public_id]))
    assert "intake" in with_intake.content.decode().lower()
