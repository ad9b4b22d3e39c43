"""The coordinator's person page and a participant's own page ("my page")."""

from __future__ import annotations

from django.urls import reverse

from metelkaar.programmes.models import Enrolment, Programme


def person_url(person):
    return reverse("people:person_detail", args=[person.public_id])


def test_coordinator_sees_a_person_with_profile_and_enrolments(client, anna, programme, fatima):
    Enrolment.objects.create(programme=programme, person=fatima, side="a")
    client.force_login(anna)
    response = client.get(person_url(fatima))
    assert response.status_code == 200
    assert response.context["person"] == fatima
    assert [e.programme for e in response.context["enrolments"]] == [programme]
    html = response.content.decode()
    assert "Fatima" in html and "El Amrani" in html and programme.name in html


def test_person_of_another_organisation_is_404(client, olga, fatima):
    client.force_login(olga)
    assert client.get(person_url(fatima)).status_code == 404


def test_unknown_person_is_404(client, anna):
    client.force_login(anna)
    url = reverse("people:person_detail", args=["00000000-0000-4000-8000-000000000000"])
    assert client.get(url).status_code == 404


def test_person_page_is_for_coordinators_only(client, bram, jan, fatima):
    response = client.get(person_url(fatima))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(bram)
    assert client.get(person_url(fatima)).status_code == 403
    client.force_login(jan.user)
    assert client.get(person_url(fatima)).status_code == 403


def test_my_page_shows_only_my_own_enrolments(client, org, programme, fatima, jan):
    other = Programme.objects.create(organisation=org, name="Taalcafé Oost", kind="group")
    Enrolment.objects.create(programme=programme, person=fatima, side="a")
    Enrolment.objects.create(programme=other, person=fatima, side="pool")
    Enrolment.objects.create(programme=programme, person=jan, side="b")
    client.force_login(fatima.user)
    response = client.get(reverse("people:my_page"))
    assert response.status_code == 200
    assert response.context["person"] == fatima
    assert {e.person for e in response.context["enrolments"]} == {fatima}
    assert len(response.context["enrolments"]) == 2
    assert "Bakker" not in response.content.decode()


def test_my_page_for_staff_without_a_person(client, anna):
    client.force_login(anna)
    response = client.get(reverse("people:my_page"))
    assert response.status_code == 200
    assert response.context["person"] is None
    assert not response.context["enrolments"]


def test_my_page_needs_login(client):
    response = client.get(reverse("people:my_page"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
