"""Coordinators start a programme from a template in two clicks and adjust its settings."""

import pytest

from metelkaar.programmes.models import Programme
from metelkaar.programmes.presets import PRESETS
from tests.conftest import PASSWORD


@pytest.fixture
def anna_client(client, anna):
    client.login(email=anna.email, password=PASSWORD)
    return client


def test_every_kind_has_a_template(anna_client):
    page = anna_client.get("/coordinator/programmes/new/").content.decode()
    assert set(PRESETS) == set(Programme.Kind.values)
    for kind in Programme.Kind.values:
        assert f"/coordinator/programmes/new/{kind}/" in page


@pytest.mark.parametrize("kind", Programme.Kind.values)
def test_two_clicks_create_a_programme_with_the_template_settings(anna_client, org, kind):
    assert anna_client.get(f"/coordinator/programmes/new/{kind}/").status_code == 200
    response = anna_client.post(
        f"/coordinator/programmes/new/{kind}/", {"name": "Ons project", "organisation": org.pk}
    )
    programme = Programme.objects.get(name="Ons project")
    assert response.status_code == 302
    assert response["Location"] == f"/coordinator/programmes/{programme.public_id}/settings/"
    assert programme.organisation == org
    assert programme.kind == kind
    preset = PRESETS[kind]
    assert programme.requires_screening == preset.requires_screening
    assert programme.uses_sensitive_data == preset.uses_sensitive_data
    assert set(programme.criteria_weights) == set(programme.weights())


def test_family_template_follows_meet_and_connect(anna_client, org):
    anna_client.post(
        "/coordinator/programmes/new/family/", {"name": "Gezinnen", "organisation": org.pk}
    )
    programme = Programme.objects.get(name="Gezinnen")
    assert programme.term_months == 12
    assert programme.contact_norm_per_month == 2


def test_unknown_template_is_404(anna_client):
    assert anna_client.get("/coordinator/programmes/new/karaoke/").status_code == 404


def test_cannot_create_a_programme_in_another_organisation(anna_client, other_org):
    response = anna_client.post(
        "/coordinator/programmes/new/buddy/", {"name": "Sneaky", "organisation": other_org.pk}
    )
    assert response.status_code == 200
    assert not Programme.objects.filter(name="Sneaky").exists()


def test_empty_name_keeps_the_form_with_an_error(anna_client, org):
    response = anna_client.post(
        "/coordinator/programmes/new/buddy/", {"name": "", "organisation": org.pk}
    )
    assert response.status_code == 200
    assert "Dit veld is verplicht." in response.content.decode()
    assert not Programme.objects.exists()


def _settings_data(programme, **changes):
    data = {
        "name": programme.name,
        "description": "",
        "side_a_label": "Nieuwkomer",
        "side_b_label": "Maatje",
        "term_months": 12,
        "contact_norm_per_month": 2,
        "requires_intake": "on",
        "is_open": "on",
        "min_score": 0.5,
        "cooling_off_days": 14,
        "weight_similarity": 150,
        "weight_complementarity": 100,
        "weight_mutual_help": 50,
        "weight_equality": 50,
        "weight_feasibility": 100,
        "weight_fairness": 0,
    }
    return {**data, **changes}


def test_settings_save_weights_from_sliders(anna_client, programme):
    response = anna_client.post(
        f"/coordinator/programmes/{programme.public_id}/settings/", _settings_data(programme)
    )
    assert response.status_code == 302
    programme.refresh_from_db()
    assert programme.weights()["similarity"] == 1.5
    assert programme.weights()["fairness"] == 0.0
    assert programme.min_score == 0.5


def test_settings_reject_out_of_range_values_and_keep_input(anna_client, programme):
    response = anna_client.post(
        f"/coordinator/programmes/{programme.public_id}/settings/",
        _settings_data(programme, weight_similarity=900, term_months=-3, name="Nieuwe naam"),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nieuwe naam" in page
    programme.refresh_from_db()
    assert programme.name == "Maatjes Oost"


def test_outsider_gets_404_on_settings(client, olga, programme):
    client.login(email=olga.email, password=PASSWORD)
    assert client.get(f"/coordinator/programmes/{programme.public_id}/settings/").status_code == 404
