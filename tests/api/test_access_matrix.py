"""Every API endpoint × every kind of caller: who gets what, and no object of another organisation.

The rows are read from the API's own router, so a new endpoint without a row
here fails :func:`test_every_endpoint_is_in_the_matrix`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from metelkaar.api.urls import router
from metelkaar.impact.models import SurveyRound
from metelkaar.matches import services
from tests.conftest import PASSWORD, committed, make_person
from tests.matches.conftest import enrol

pytestmark = pytest.mark.django_db

# (method, path with {object}, area, object kind or None)
ENDPOINTS = [
    ("get", "/api/v1/programmes/", "resources", None),
    ("get", "/api/v1/programmes/{programme}/", "resources", "programme"),
    ("get", "/api/v1/enrolments/", "resources", None),
    ("post", "/api/v1/enrolments/", "resources", None),
    ("get", "/api/v1/enrolments/{enrolment}/", "resources", "enrolment"),
    ("get", "/api/v1/people/", "resources", None),
    ("get", "/api/v1/people/{person}/", "resources", "person"),
    ("get", "/api/v1/matches/", "resources", None),
    ("get", "/api/v1/matches/{match}/", "resources", "match"),
    ("get", "/api/v1/matches/{match}/contacts/", "resources", "match"),
    ("post", "/api/v1/matches/{match}/contacts/", "resources", "match"),
    *[("post", f"/api/v1/matches/{{match}}/{step}/", "resources", "match") for step in (
        "respond", "withdraw", "plan-intro", "klik", "activate", "pause", "resume", "close")],
    ("get", "/api/v1/reports/programmes/", "reports", None),
    ("get", "/api/v1/reports/surveys/", "reports", None),
    ("get", "/api/v1/reports/surveys/{survey}/", "reports", "survey"),
]


@pytest.fixture
def world(org, other_org, programme, anna, ingrid, otto, token, otto_token):
    a = make_person(org, "Selam", email="selam@example.test")
    b = make_person(org, "Joost", email="joost@example.test")
    ea, eb = enrol(programme, a, "a"), enrol(programme, b, "b")
    with committed():
        match = services.match_create_proposed(programme=programme, enrolment_a=ea,
                                               enrolment_b=eb, score=0.5, explanation={},
                                               by=anna)
    survey = SurveyRound.objects.create(organisation=org, title="Buurt", phase="before",
                                        opens_on=dt.date(2026, 1, 1),
                                        closes_on=dt.date(2026, 2, 1))
    return {
        "objects": {"programme": programme.public_id, "enrolment": ea.public_id,
                    "person": a.public_id, "match": match.public_id,
                    "survey": survey.public_id},
        "keys": {"read": token("read"), "write": token("write"),
                 "reports": token("reports"), "foreign": otto_token("write")},
    }


def _call(client, method, path, key=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    if method == "get":
        return client.get(path, **headers)
    return client.post(path, "{}", content_type="application/json", **headers)


def _path(template, world):
    return template.format(**world["objects"])


def _expected(caller, method, area, kind):
    if caller == "anonymous":
        return {401}
    if caller == "foreign":
        if kind is not None:
            return {404}
        return {200} if method == "get" else {400}  # a sign-up for a programme it cannot see
    if caller == "reports":
        return {200} if area == "reports" and method == "get" else {403}
    if caller == "read":
        return {200} if method == "get" else {403}
    return {200} if method == "get" else {400, 409}  # write: allowed; the empty body is refused


@pytest.mark.parametrize("caller", ["anonymous", "read", "write", "reports", "foreign"])
def test_matrix(world, caller):
    client = Client()
    key = world["keys"].get(caller)
    wrong = []
    for method, template, area, kind in ENDPOINTS:
        response = _call(client, method, _path(template, world), key)
        if response.status_code not in _expected(caller, method, area, kind):
            wrong.append((method, template, response.status_code))
        assert response["Content-Type"].startswith("application/"), template
        if caller == "foreign" and response.status_code == 200:
            text = response.content.decode()
            leaked = [str(v) for v in world["objects"].values() if str(v) in text]
            assert not leaked, (template, leaked)
    assert not wrong, wrong


@pytest.mark.parametrize("role", ["coach", "participant"])
def test_a_session_of_anyone_but_a_coordinator_is_refused(world, org, role, fatima):
    from tests.conftest import _staff

    user = fatima.user if role == "participant" else _staff(
        "coach@samen-oost.test", "Coach", org, "coach")
    client = Client()
    client.login(email=user.email, password=PASSWORD)
    for method, template, _area, _kind in ENDPOINTS:
        response = _call(client, method, _path(template, world))
        assert response.status_code == 403, (role, template, response.status_code)


def test_a_coordinators_session_reads(world, anna):
    client = Client()
    client.login(email=anna.email, password=PASSWORD)
    for method, template, _area, _kind in ENDPOINTS:
        if method == "get":
            assert _call(client, method, _path(template, world)).status_code == 200, template


def test_every_endpoint_is_in_the_matrix():
    covered = {template.split("{")[0].rstrip("/").removeprefix("/api/v1/").split("/")[0]
               for _m, template, _a, _k in ENDPOINTS}
    registered = {prefix.split("/")[0] for prefix, _viewset, _basename in router.registry}
    assert registered <= covered
    routes = {(prefix, name) for prefix, viewset, _b in router.registry
              for name in dir(viewset) if hasattr(getattr(viewset, name), "mapping")}
    steps = {template.rstrip("/").rsplit("/", 1)[-1].replace("-", "_")
             for _m, template, _a, _k in ENDPOINTS}
    assert {name for _prefix, name in routes} <= steps, routes
