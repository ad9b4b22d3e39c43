"""Coordinator pages of partner schools: Anna manages hers, Olga sees nothing, Bram
(a coach) has no such pages, and bad input keeps what was typed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from metelkaar.partners.models import Partner, PupilPlacement
from tests.conftest import committed


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"


def test_anna_adds_a_school(client, anna, mentor_programme):
    client.force_login(anna)
    url = reverse("partners:list", args=[mentor_programme.public_id])
    response = client.post(url, {"name": "De Regenboog", "kind": "school",
                                 "contact_name": "Els Meijer",
                                 "contact_email": "els@regenboog.test"})
    partner = Partner.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:detail", args=[partner.public_id])
    assert partner.programme == mentor_programme


def test_bad_input_shows_errors_and_keeps_what_was_typed(client, anna, mentor_programme):
    client.force_login(anna)
    url = reverse("partners:list", args=[mentor_programme.public_id])
    response = client.post(url, {"name": "De Regenboog", "kind": "castle",
                                 "contact_name": "", "contact_email": "not-an-address"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="De Regenboog"' in html and 'value="not-an-address"' in html
    assert "This is not an e-mail address" in html
    assert not Partner.objects.exists()


def test_a_duplicate_name_is_refused_on_the_form(client, anna, regenboog, mentor_programme):
    client.force_login(anna)
    response = client.post(reverse("partners:list", args=[mentor_programme.public_id]),
                           {"name": "De Regenboog", "kind": "school", "contact_name": "X",
                            "contact_email": "x@x.test"})
    assert response.status_code == 200
    assert "already has a partner with this name" in response.content.decode()


def test_partners_exist_only_for_mentor_programmes(client, anna, programme):
    client.force_login(anna)
    assert client.get(reverse("partners:list", args=[programme.public_id])).status_code == 404


def test_anna_places_a_pupil_and_sees_her_in_the_progress(
    client, anna, regenboog, noor_enrolment, match
):
    client.force_login(anna)
    response = client.post(reverse("partners:pupil_place", args=[regenboog.public_id]),
                           {"enrolment": str(noor_enrolment.public_id), "group": "groep 7/8"})
    assert response.status_code == 302
    page = client.get(reverse("partners:detail", args=[regenboog.public_id])).content.decode()
    assert "Noor" in page and "Sara" in page and "groep 7/8" in page


def test_a_mentor_is_not_offered_as_a_pupil(client, anna, regenboog, sara_enrolment):
    client.force_login(anna)
    response = client.post(reverse("partners:pupil_place", args=[regenboog.public_id]),
                           {"enrolment": str(sara_enrolment.public_id)})
    assert response.status_code == 200
    assert "Choose a pupil from the list" in response.content.decode()
    assert not PupilPlacement.objects.exists()


def test_anna_removes_a_placement(client, anna, placed, noor_enrolment):
    client.force_login(anna)
    placement = PupilPlacement.objects.get(enrolment=noor_enrolment)
    response = client.post(reverse("partners:placement_remove", args=[placement.public_id]))
    assert response.status_code == 302
    assert not PupilPlacement.objects.filter(pk=placement.pk).exists()


def test_anna_changes_the_contact_person(client, anna, regenboog):
    client.force_login(anna)
    response = client.post(reverse("partners:edit", args=[regenboog.public_id]),
                           {"name": "De Regenboog", "kind": "school", "contact_name": "Piet",
                            "contact_email": "piet@regenboog.test"})
    assert response.status_code == 302
    regenboog.refresh_from_db()
    assert regenboog.contact_email == "piet@regenboog.test"


def test_sending_the_link_emails_the_contact(client, anna, regenboog, mailoutbox):
    client.force_login(anna)
    with committed():
        response = client.post(reverse("partners:send_link", args=[regenboog.public_id]))
    assert response.status_code == 302
    assert [m.to for m in mailoutbox] == [["els@regenboog.test"]]


@pytest.mark.parametrize("name", ["partners:detail", "partners:edit"])
def test_olga_gets_404_on_annas_partner(client, olga, regenboog, name):
    client.force_login(olga)
    assert client.get(reverse(name, args=[regenboog.public_id])).status_code == 404


def test_olga_cannot_place_or_remove(client, olga, placed, noor_enrolment):
    client.force_login(olga)
    placement = PupilPlacement.objects.get(enrolment=noor_enrolment)
    assert client.post(
        reverse("partners:placement_remove", args=[placement.public_id])
    ).status_code == 404
    assert client.post(reverse("partners:pupil_place", args=[placed.public_id]),
                       {"enrolment": str(noor_enrolment.public_id)}).status_code == 404
    assert client.post(reverse("partners:send_link", args=[placed.public_id])).status_code == 404
    assert PupilPlacement.objects.filter(pk=placement.pk).exists()


def test_olga_gets_404_on_annas_programme(client, olga, mentor_programme):
    client.force_login(olga)
    url = reverse("partners:list", args=[mentor_programme.public_id])
    assert client.get(url).status_code == 404


def test_bram_the_coach_has_no_partner_pages(client, bram, regenboog):
    client.force_login(bram)
    assert client.get(reverse("partners:detail", args=[regenboog.public_id])).status_code == 403


def test_anonymous_goes_to_login(client, regenboog):
    response = client.get(reverse("partners:detail", args=[regenboog.public_id]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_partner_list_has_a_fixed_number_of_queries(
    client, anna, mentor_programme, django_assert_num_queries
):
    for n in range(5):
        Partner.objects.create(programme=mentor_programme, name=f"School {n}",
                               contact_name="C", contact_email=f"c{n}@x.test")
    client.force_login(anna)
    url = reverse("partners:list", args=[mentor_programme.public_id])
    client.get(url)
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200


def test_the_partner_page_has_a_fixed_number_of_queries(
    client, anna, placed, match, mentor_programme, org, django_assert_num_queries
):
    from metelkaar.partners import services
    from metelkaar.programmes.models import Enrolment
    from tests.partners.conftest import pupil

    for name in ("Ayla", "Bo", "Cas", "Dex", "Eva", "Fien"):
        enrolment = Enrolment.objects.create(programme=mentor_programme, person=pupil(org, name),
                                             side="b", status="waiting")
        services.pupil_place(partner=placed, enrolment=enrolment, by=anna)
    client.force_login(anna)
    url = reverse("partners:detail", args=[placed.public_id])
    client.get(url)
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200
