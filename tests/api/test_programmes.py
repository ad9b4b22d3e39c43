"""``/api/v1/programmes/``: the organisation's programmes, nobody else's."""

from __future__ import annotations

import pytest

from metelkaar.programmes.models import Programme

pytestmark = pytest.mark.django_db
URL = "/api/v1/programmes/"


@pytest.fixture
def olga_programme(other_org):
    return Programme.objects.create(organisation=other_org, name="Buurtmaatjes West",
                                    kind="buddy")


def test_list_and_detail(api, token, programme):
    client = api(token())
    listed = client.get(URL).json()
    assert listed["count"] == 1
    item = listed["results"][0]
    assert item["id"] == str(programme.public_id)
    assert item["organisation"] == "samen-oost"
    assert "pk" not in item and "criteria_weights" not in item
    assert client.get(f"{URL}{programme.public_id}/").json()["name"] == "Maatjes Oost"


def test_another_organisations_programme_is_404(api, token, programme, olga_programme):
    client = api(token())
    assert [p["name"] for p in client.get(URL).json()["results"]] == ["Maatjes Oost"]
    response = client.get(f"{URL}{olga_programme.public_id}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_filter_by_kind_and_stable_order(api, token, org, programme):
    Programme.objects.create(organisation=org, name="Taaltandem", kind="tandem")
    Programme.objects.create(organisation=org, name="Alfa", kind="tandem")
    client = api(token())
    names = [p["name"] for p in client.get(URL, {"kind": "tandem"}).json()["results"]]
    assert names == ["Alfa", "Taaltandem"]


def test_a_bad_filter_is_a_400_problem_in_the_requests_language(api, token, programme):
    response = api(token()).get(URL, {"kind": "circus"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    body = response.json()
    assert body["title"] == "Not valid"
    assert "kind" in body["errors"]


@pytest.mark.parametrize("path", [
    "/api/v1/programmes/not-a-uuid/", "/api/v1/nothing/", "/api/v2/programmes/",
    "/api/v1/programmes/?page=999",
])
def test_unknown_addresses_are_404_problems(api, token, programme, path):
    response = api(token()).get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_coordinator_session_reads_the_api(client, anna, programme):
    client.force_login(anna)
    assert client.get(URL).json()["count"] == 1


def test_the_schema_and_docs_are_served_without_a_cdn(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/programmes/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "cdn" not in docs.lower() and "https://" not in docs
    assert "/static/drf_spectacular_sidecar/" in docs


def test_the_schema_names_both_ways_in(client):
    """Without the schema extensions the token and session schemes were left out (a warning)."""
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"] == {"type": "http", "scheme": "bearer"}
    assert schemes["cookieAuth"]["in"] == "cookie"


def test_a_post_with_a_session_cookie_to_no_endpoint_is_a_json_404(api, token):
    """Found by schemathesis: Django's CSRF page (HTML) answered before the API's 404."""
    client = api(token("write"), enforce_csrf_checks=True)
    client.cookies["sessionid"] = "x"
    response = client.post("/api/v1/matches/%C2%84/activate/", "{}",
                           content_type="application/json")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
