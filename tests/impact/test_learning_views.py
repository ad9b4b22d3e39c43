"""Learning from outcomes on the coordinator page: refusal below the minimum, recorded decision."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from metelkaar.impact import learning
from metelkaar.impact.models import WeightDecision
from metelkaar.matches.models import Match
from metelkaar.programmes.models import Enrolment
from tests.conftest import make_person


def _closed_matches(org, programme, n, seed=5):
    rows, reached = learning.simulate(n, {"complementarity": 1.2}, seed=seed)
    start = dt.date(2024, 1, 1)
    for k, (row, ok) in enumerate(zip(rows, reached, strict=True)):
        a = make_person(org, f"A{k}")
        b = make_person(org, f"B{k}")
        ea = Enrolment.objects.create(programme=programme, person=a, side="a", status="finished")
        eb = Enrolment.objects.create(programme=programme, person=b, side="b", status="finished")
        Match.objects.create(
            programme=programme, enrolment_a=ea, enrolment_b=eb, status="closed",
            started_at=start, ended_at=start + dt.timedelta(days=400 if ok else 90),
            ending="planned" if ok else "early", explanation={"contributions": row},
        )


def _url(programme, name="impact:learning"):
    return reverse(name, kwargs={"public_id": programme.public_id})


def test_not_enough_closed_matches_yet(client, anna, org, programme):
    _closed_matches(org, programme, 20)
    client.force_login(anna)
    response = client.get(_url(programme), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["data"].term_model is None
    assert "Not enough closed matches yet" in response.content.decode() \
        or "Nog niet genoeg afgesloten koppelingen" in response.content.decode()
    client.post(_url(programme, "impact:learning_apply"))
    assert not WeightDecision.objects.exists()


@pytest.mark.django_db
def test_suggestion_is_shown_and_applying_is_recorded(client, anna, org, programme):
    _closed_matches(org, programme, 300)
    client.force_login(anna)
    data = client.get(_url(programme)).context["data"]
    assert data.term_model is not None
    effect = {e.criterion: e for e in data.term_model.effects}["complementarity"]
    assert effect.clear and effect.coefficient > 0
    assert data.suggestion["complementarity"] > programme.weights()["complementarity"]
    response = client.post(_url(programme, "impact:learning_apply"))
    assert response.status_code == 302
    decision = WeightDecision.objects.get()
    assert decision.by == anna and decision.evidence["n"] == 300
    programme.refresh_from_db()
    assert programme.criteria_weights == decision.after


def test_outsider_cannot_apply(client, olga, programme):
    client.force_login(olga)
    assert client.post(_url(programme, "impact:learning_apply")).status_code == 404
