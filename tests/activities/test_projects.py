"""Home projects: area only in public, capacity counts group size, two signed confirmations."""

import datetime
from unittest import mock

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone

from metelkaar.activities.models import HomeProject, ProjectEvaluation, ProjectSignup
from metelkaar.activities.services import projects as services
from tests.conftest import committed

pytestmark = pytest.mark.django_db


def signup(client, project, **overrides):
    day = project.dates.get()
    data = {
        "project_date": day.pk,
        "name": "Team Jan",
        "email": "jan@example.test",
        "group_size": "3",
        **overrides,
    }
    return client.post(reverse("activities:project_public", args=[project.public_id]), data)


def test_public_pages_show_the_area_but_never_the_exact_address(client, project):
    for url in [
        reverse("activities:project_public", args=[project.public_id]),
        reverse("activities:project_public_list", args=[project.programme.public_id]),
    ]:
        body = client.get(url).content.decode()
        assert "Dapperbuurt 1094" in body
        assert "Dapperstraat 12" not in body
        assert "samira@example.test" not in body and "els@ymere.test" not in body


def test_a_volunteer_group_signs_up_and_the_group_size_counts(client, project):
    response = signup(client, project)
    assert response.status_code == 200
    assert ProjectSignup.objects.get().group_size == 3
    response = signup(client, project, name="Petra", email="petra@example.test", group_size="2")
    assert "Er zijn nog maar 1 plaatsen op deze dag." in response.content.decode()
    assert 'value="Petra"' in response.content.decode()
    signup(client, project, name="Petra", email="petra@example.test", group_size="1")
    response = signup(client, project, name="Kees", email="kees@example.test", group_size="1")
    assert "Sorry, deze dag is vol." in response.content.decode()
    assert ProjectSignup.objects.count() == 2


def test_a_group_larger_than_ten_is_refused_with_a_message(client, project):
    response = signup(client, project, group_size="11")
    assert response.status_code == 200
    assert ProjectSignup.objects.count() == 0


def test_exact_address_in_the_area_field_is_refused(client, anna, project_programme):
    client.force_login(anna)
    data = {
        "title": "Huis",
        "area": "Dapperstraat 12",
        "tasks": ["painting"],
        "professional_name": "Els",
        "professional_email": "els@ymere.test",
        "resident_name": "Samira",
    }
    response = client.post(
        reverse("activities:project_create", args=[project_programme.public_id]), data
    )
    assert "Laat het huisnummer weg" in response.content.decode()
    response = client.post(
        reverse("activities:project_create", args=[project_programme.public_id]),
        {**data, "area": "1094 AB"},
    )
    assert "Geef alleen de vier cijfers" in response.content.decode()
    response = client.post(
        reverse("activities:project_create", args=[project_programme.public_id]),
        {**data, "area": "Dapperbuurt"},
    )
    assert response.status_code == 302


def test_two_confirmations_by_email_complete_the_project_and_send_the_evaluation(
    client, anna, project
):
    client.force_login(anna)
    with committed():
        client.post(reverse("activities:project_ask_confirmation", args=[project.public_id]))
    assert sorted(m.to[0] for m in mail.outbox) == ["els@ymere.test", "samira@example.test"]
    links = {m.to[0]: m.body.split("http://127.0.0.1:8000")[1].split()[0] for m in mail.outbox}
    client.logout()
    mail.outbox.clear()
    assert client.get(links["els@ymere.test"]).status_code == 200
    client.post(links["els@ymere.test"])
    project.refresh_from_db()
    assert project.professional_confirmed_at and project.status == "open"
    with committed():
        client.post(links["samira@example.test"])
    project.refresh_from_db()
    assert project.status == "done"
    assert len(mail.outbox) == 2
    evaluate = mail.outbox[0].body.split("http://127.0.0.1:8000")[1].split()[0]
    response = client.post(evaluate, {"rating": "5", "went_well": "Mooi geverfd"})
    assert "Dank je wel voor je antwoorden." in response.content.decode()
    assert ProjectEvaluation.objects.get().rating == 5
    client.post(evaluate, {"rating": "1"})
    assert ProjectEvaluation.objects.count() == 1


def test_the_coordinator_can_confirm_for_both(client, anna, project):
    client.force_login(anna)
    for role in ["professional", "resident"]:
        client.post(
            reverse("activities:project_confirm_for", args=[project.public_id]), {"role": role}
        )
    project.refresh_from_db()
    assert project.status == HomeProject.Status.DONE
    assert (
        client.post(
            reverse("activities:project_confirm_for", args=[project.public_id]), {"role": "x"}
        ).status_code
        == 302
    )


def test_a_tampered_or_wrong_purpose_link_is_refused(client, project):
    token = services.project_token(project=project, role="resident", action="confirm")
    for bad in [
        token[:-2] + "xx",
        "nonsense",
        services.project_token(project=project, role="resident", action="evaluate"),
        signing.dumps(
            {"p": str(project.public_id), "r": "coordinator", "a": "confirm"},
            salt=services.PROJECT_SALT,
        ),
    ]:
        response = client.post(reverse("activities:project_confirm", args=[bad]))
        assert response.status_code == 404
        assert "Deze link werkt niet" in response.content.decode()
    project.refresh_from_db()
    assert project.resident_confirmed_at is None


def test_an_expired_link_is_refused(client, project):
    old = timezone.now().timestamp() - 91 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=old):
        token = services.project_token(project=project, role="resident", action="confirm")
    assert client.post(reverse("activities:project_confirm", args=[token])).status_code == 410


def test_evaluation_before_completion_is_refused_kindly(client, project):
    token = services.project_token(project=project, role="resident", action="evaluate")
    response = client.post(reverse("activities:project_evaluate", args=[token]), {"rating": "4"})
    assert "als het werk klaar is" in response.content.decode()


def test_other_organisations_get_404(client, olga, bram, project):
    urls = [
        reverse("activities:project_list", args=[project.programme.public_id]),
        reverse("activities:project_create", args=[project.programme.public_id]),
        reverse("activities:project_detail", args=[project.public_id]),
    ]
    client.force_login(olga)
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("activities:project_confirm_for", args=[project.public_id]),
            {"role": "resident"},
        ).status_code
        == 404
    )
    client.force_login(bram)
    assert client.get(urls[2]).status_code == 403


def test_project_list_query_count_is_fixed(
    client, anna, project, project_programme, django_assert_num_queries
):
    for i in range(4):
        services.home_project_create(
            programme=project_programme,
            by=anna,
            title=f"P{i}",
            area="1094",
            tasks=[],
            professional_name="E",
            professional_email="e@x.test",
            resident_name="R",
        )
    client.force_login(anna)
    url = reverse("activities:project_list", args=[project_programme.public_id])
    client.get(url)
    with django_assert_num_queries(7):
        client.get(url)


def test_past_days_cannot_be_added(client, anna, project):
    client.force_login(anna)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = client.post(
        reverse("activities:project_detail", args=[project.public_id]),
        {"date": yesterday, "capacity": "3"},
    )
    assert "Kies een datum vanaf vandaag." in response.content.decode()


@pytest.mark.parametrize(
    "area, ok",
    [
        ("Dapperbuurt 1094", True),
        ("1094", True),
        ("Dapperstraat", True),
        ("Dapperstraat 12", False),
        ("Dapperstraat 12-3", False),
        ("1094 AB", False),
        ("1094AB", False),
        ("Javaplein 3", False),
    ],
)
def test_an_area_is_a_street_or_postcode_area_never_an_address(area, ok):
    from django import forms

    from metelkaar.activities.forms import clean_area

    if ok:
        assert clean_area(area) == area
    else:
        with pytest.raises(forms.ValidationError):
            clean_area(area)
