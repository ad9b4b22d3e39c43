"""People, enrolments, matches, contacts and reports through the API, as other systems use it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from metelkaar.matches import services
from metelkaar.matches.models import Match
from metelkaar.people.models import SensitiveProfile
from metelkaar.programmes.models import Enrolment
from tests.conftest import committed, make_person
from tests.matches.conftest import enrol

pytestmark = pytest.mark.django_db

SIGNUP = {
    "side": "a", "participation_consent": True, "first_name": "Selam", "last_name": "Tesfaye",
    "email": "Selam@Example.test", "birth_year": 1994, "postcode": "1091 ab",
    "languages": {"ti": 5, "nl": 2}, "availability": ["1-evening"], "preferred_language": "ti",
}


@pytest.fixture
def waiting_pair(programme, org):
    a = make_person(org, "Selam", email="selam@example.test")
    b = make_person(org, "Joost", email="joost@example.test", languages={"nl": 5})
    return enrol(programme, a, "a"), enrol(programme, b, "b")


@pytest.fixture
def proposed(programme, anna, waiting_pair):
    with committed():
        return services.match_create_proposed(
            programme=programme, enrolment_a=waiting_pair[0], enrolment_b=waiting_pair[1],
            score=0.7, explanation={}, by=anna,
        )


def test_people_never_show_special_category_data(api, token, org, fatima, olga_person):
    consent = fatima.consents.create(purpose="sensitive_data")
    SensitiveProfile.objects.create(person=fatima, consent=consent, origin="Eritrea",
                                    refugee_status="status holder",
                                    sexual_orientation="lesbian")
    client = api(token())
    body = client.get("/api/v1/people/").json()
    assert [p["first_name"] for p in body["results"]] == ["Fatima"]
    text = str(body)
    for secret in ("Eritrea", "status holder", "lesbian", "origin", "orientation"):
        assert secret not in text
    assert client.get(f"/api/v1/people/{olga_person.public_id}/").status_code == 404


def test_a_signup_through_the_api_is_the_form_sign_up(api, token, programme):
    with committed():
        response = api(token("write")).post_json(
            "/api/v1/enrolments/", {**SIGNUP, "programme": str(programme.public_id)})
    assert response.status_code == 201, response.json()
    enrolment = Enrolment.objects.select_related("person").get(
        public_id=response.json()["id"])
    person = enrolment.person
    assert (enrolment.status, enrolment.side) == ("applied", "a")
    assert person.email == "selam@example.test" and person.postcode == "1091 AB"
    assert person.languages == {"ti": 5, "nl": 2} and person.preferred_language == "ti"
    assert person.consents.filter(purpose="participation").exists()
    assert [m.to for m in mail.outbox] == [["selam@example.test"]]


def test_a_bad_signup_says_each_field_in_the_requests_language_and_stores_nothing(
        api, token, programme):
    year = timezone.localdate().year + 1
    response = api(token("write")).post_json(
        "/api/v1/enrolments/",
        {**SIGNUP, "programme": str(programme.public_id), "birth_year": year,
         "postcode": "B-1000", "languages": {"xx": 3}, "availability": ["9-night"]},
        HTTP_ACCEPT_LANGUAGE="nl",
    )
    assert response.status_code == 400
    body = response.json()
    assert response["Content-Type"] == "application/problem+json"
    assert set(body["errors"]) >= {"birth_year", "postcode", "languages", "availability"}
    assert "postcode" in body["errors"]["postcode"][0].lower()
    assert "geboortejaar" in body["errors"]["birth_year"][0].lower()  # Dutch, as asked
    assert not Enrolment.objects.exists() and not mail.outbox


def test_signup_refusals(api, token, otto_token, programme):
    body = {**SIGNUP, "programme": str(programme.public_id)}
    assert api(token("read")).post_json("/api/v1/enrolments/", body).status_code == 403
    foreign = api(otto_token("write")).post_json("/api/v1/enrolments/", body)
    assert foreign.status_code == 400 and "programme" in foreign.json()["errors"]
    no_consent = api(token("write")).post_json(
        "/api/v1/enrolments/", {**body, "participation_consent": False})
    assert no_consent.status_code == 400
    assert api(token("write")).post_json("/api/v1/enrolments/", body).status_code == 201
    again = api(token("write")).post_json("/api/v1/enrolments/", body)
    assert again.status_code == 409
    assert Enrolment.objects.count() == 1


def test_enrolments_filter_by_status_and_programme(api, token, programme, waiting_pair, fatima):
    enrol(programme, fatima, "a", status="applied")
    client = api(token())
    waiting = client.get("/api/v1/enrolments/", {"status": "waiting"}).json()
    assert waiting["count"] == 2
    mine = client.get("/api/v1/enrolments/", {"programme": str(programme.public_id),
                                             "status": "applied"}).json()
    assert [e["person"] for e in mine["results"]] == [str(fatima.public_id)]
    assert client.get("/api/v1/enrolments/", {"status": "asleep"}).status_code == 400


def _step(client, match, step, body):
    return client.post_json(f"/api/v1/matches/{match.public_id}/{step}/", body)


def test_a_whole_match_life_through_the_api(api, token, proposed, ingrid):
    client = api(token("write"))
    assert _step(client, proposed, "respond", {"side": "a", "accept": True}).status_code == 200
    assert _step(client, proposed, "respond", {"side": "b", "accept": True}).status_code == 200
    start = (timezone.now() + dt.timedelta(days=2)).isoformat()
    assert _step(client, proposed, "plan-intro",
                 {"starts_at": start, "place": "Buurthuis"}).status_code == 200
    for side in ("a", "b", "coordinator"):
        assert _step(client, proposed, "klik", {"side": side, "klik": True}).status_code == 200
    started = _step(client, proposed, "activate", {"meetings_per_month": 2, "term_months": 12})
    assert started.status_code == 200 and started.json()["status"] == "active"
    assert started.json()["checkins"], "check-ins are scheduled and shown"
    contact = client.post_json(f"/api/v1/matches/{proposed.public_id}/contacts/", {
        "side": "b", "date": timezone.localdate().isoformat(), "activity": "coffee",
        "direction": "together", "duration_minutes": 90})
    assert contact.status_code == 201, contact.json()
    assert contact.json()["logged_by_side"] == "b"
    listed = client.get(f"/api/v1/matches/{proposed.public_id}/contacts/").json()
    assert [c["activity"] for c in listed["results"]] == ["coffee"]
    closed = _step(client, proposed, "close", {"reason": "moved_away"})
    assert closed.json()["status"] == "closed"
    match = Match.objects.get(pk=proposed.pk)
    events = list(match.events.values_list("action", "on_behalf", "by"))
    assert ("accepted_a", True, ingrid.pk) in events and ("klik_b_yes", True, ingrid.pk) in events


def test_a_step_out_of_turn_is_a_409_with_the_reason(api, token, proposed):
    client = api(token("write"))
    response = _step(client, proposed, "activate", {"meetings_per_month": 2, "term_months": 12})
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"]
    bad = _step(client, proposed, "close", {"reason": "bored"})
    assert bad.status_code == 400 and "reason" in bad.json()["errors"]
    assert Match.objects.get(pk=proposed.pk).status == "proposed"


def test_a_read_token_cannot_take_steps_and_another_organisation_sees_no_match(
        api, token, otto_token, proposed):
    assert _step(api(token("read")), proposed, "withdraw", {"reason": "x"}).status_code == 403
    assert api(otto_token()).get(f"/api/v1/matches/{proposed.public_id}/").status_code == 404
    assert _step(api(otto_token("write")), proposed, "withdraw",
                 {"reason": "x"}).status_code == 404
    assert Match.objects.get(pk=proposed.pk).status == "proposed"


def test_reports_token_reads_reports_only(api, token, programme, proposed):
    client = api(token("reports"))
    report = client.get("/api/v1/reports/programmes/", {"start": "2026-01-01",
                                                        "end": "2026-12-31"})
    assert report.status_code == 200
    body = report.json()
    assert body["programmes"] == [str(programme.public_id)]
    assert {t["key"] for t in body["tables"]} and all(t["columns"] for t in body["tables"])
    assert "Selam" not in str(body) and "Joost" not in str(body)
    assert client.get("/api/v1/people/").status_code == 403
    assert client.get("/api/v1/reports/programmes/", {"start": "2026-12-31",
                                                      "end": "2026-01-01"}).status_code == 400


def test_survey_results_hide_small_groups(api, token, org):
    from metelkaar.impact.models import SurveyResponse, SurveyRound

    round_ = SurveyRound.objects.create(organisation=org, title="Buurt 2026", phase="before",
                                        opens_on=dt.date(2026, 1, 1),
                                        closes_on=dt.date(2026, 2, 1))
    for n in range(3):
        SurveyResponse.objects.create(round=round_, score=3.0 + n / 10, answers={})
    client = api(token("reports"))
    listed = client.get("/api/v1/reports/surveys/").json()
    assert [r["responses"] for r in listed["results"]] == [3]
    body = client.get(f"/api/v1/reports/surveys/{round_.public_id}/").json()
    assert body["groups"]["all"][0]["n"] == 3 and body["groups"]["all"][0]["mean"] is None
