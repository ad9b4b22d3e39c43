"""Coordinators propose matches with the engine, review the reasons and decide."""

import pytest
from django.utils import timezone

from metelkaar.matches.models import Match
from metelkaar.programmes.models import Enrolment
from metelkaar.proposals import services
from metelkaar.proposals.adapter import candidate_for
from metelkaar.proposals.models import MatchingRun, ProposedPair
from tests.conftest import PASSWORD, make_person


def _waiting(programme, person, side):
    return Enrolment.objects.create(
        programme=programme,
        person=person,
        side=side,
        status="waiting",
        waiting_since=timezone.now() - timezone.timedelta(days=30),
    )


@pytest.fixture
def pool(programme, org, fatima, jan):
    """Two newcomers and two buddies whose fit is obvious."""
    amal = make_person(
        org,
        "Amal",
        languages={"ar": 5, "nl": 3},
        offers=["cooking"],
        needs=["paperwork"],
        interests=["music"],
        birth_year=1994,
    )
    kees = make_person(
        org,
        "Kees",
        languages={"nl": 5, "en": 3},
        offers=["diy"],
        needs=["company"],
        interests=["cycling"],
        birth_year=1950,
        availability=["3-morning"],
    )
    return {
        "fatima": _waiting(programme, fatima, "a"),
        "amal": _waiting(programme, amal, "a"),
        "jan": _waiting(programme, jan, "b"),
        "kees": _waiting(programme, kees, "b"),
    }


@pytest.fixture
def run_now(django_capture_on_commit_callbacks):
    """Run what would run after commit (the matching task) right away."""

    def call(fn, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return fn(*args, **kwargs)

    return call


@pytest.fixture
def anna_client(client, anna):
    client.login(email=anna.email, password=PASSWORD)
    return client


def test_adapter_never_passes_sensitive_data(pool):
    candidate = candidate_for(pool["fatima"])
    fields = set(candidate.__dataclass_fields__)
    assert not fields & {"origin", "refugee_status", "sexual_orientation"}
    assert candidate.languages == {"nl": 3, "ar": 5}
    assert (0, "evening") in candidate.availability
    assert candidate.waiting_days == 30


def test_a_run_proposes_pairs_with_reasons_and_explains_the_unmatched(
    anna_client, run_now, programme, pool
):
    response = run_now(
        anna_client.post, f"/coordinator/programmes/{programme.public_id}/proposals/run/"
    )
    run = MatchingRun.objects.get()
    assert response["Location"] == f"/coordinator/runs/{run.public_id}/"
    assert run.status == "done" and run.progress == 100
    pairs = list(run.pairs.all())
    assert pairs, "the engine proposed nothing"
    for pair in pairs:
        assert pair.enrolment_a.side == "a" and pair.enrolment_b.side == "b"
        assert pair.reasons
        assert pytest.approx(sum(pair.contributions.values()), abs=1e-6) == pair.score
    proposed = {e for p in pairs for e in (p.enrolment_a_id, p.enrolment_b_id)}
    unmatched = set(run.unmatched.values_list("enrolment_id", flat=True))
    assert proposed | unmatched == {e.pk for e in pool.values()}
    assert not proposed & unmatched

    page = anna_client.get(response["Location"]).content.decode()
    assert "Waarom ze bij elkaar passen" in page
    assert "spreken" in page or "helpen" in page  # reasons as Dutch sentences


def test_approving_creates_a_proposed_match_once(anna_client, run_now, programme, pool):
    run_now(anna_client.post, f"/coordinator/programmes/{programme.public_id}/proposals/run/")
    pair = ProposedPair.objects.order_by("rank").first()
    anna_client.post(f"/coordinator/proposals/{pair.public_id}/approve/")
    pair.refresh_from_db()
    assert pair.decision == "approved"
    assert pair.match.status == Match.Status.PROPOSED
    assert {pair.match.enrolment_a_id, pair.match.enrolment_b_id} == {
        pair.enrolment_a_id,
        pair.enrolment_b_id,
    }
    again = anna_client.post(f"/coordinator/proposals/{pair.public_id}/approve/", follow=True)
    assert "al besloten" in again.content.decode()
    assert Match.objects.count() == 1


def test_a_refused_match_leaves_the_proposal_undecided(anna_client, run_now, programme, pool):
    run_now(anna_client.post, f"/coordinator/programmes/{programme.public_id}/proposals/run/")
    pair = ProposedPair.objects.order_by("rank").first()
    Enrolment.objects.filter(pk=pair.enrolment_a_id).update(status="withdrawn")
    anna_client.post(f"/coordinator/proposals/{pair.public_id}/approve/")
    pair.refresh_from_db()
    assert pair.decision == "pending"
    assert not Match.objects.exists()


def test_declining_records_who_and_why(anna_client, run_now, anna, programme, pool):
    run_now(anna_client.post, f"/coordinator/programmes/{programme.public_id}/proposals/run/")
    pair = ProposedPair.objects.first()
    anna_client.post(
        f"/coordinator/proposals/{pair.public_id}/decline/", {"reason": "Kennen elkaar al"}
    )
    pair.refresh_from_db()
    assert (pair.decision, pair.decided_by, pair.decline_reason) == (
        "declined",
        anna,
        "Kennen elkaar al",
    )


def test_people_in_cooling_off_are_left_out_with_a_reason(programme, pool, anna, run_now):
    old = Match.objects.create(
        programme=programme,
        enrolment_a=pool["fatima"],
        enrolment_b=pool["kees"],
        status="closed",
        ended_at=timezone.localdate(),
    )
    assert old.pk
    ready, held = services.waiting_pool(programme)
    assert (pool["fatima"], "cooling_off") in held and (pool["kees"], "cooling_off") in held
    run = run_now(services.run_start, programme=programme, by=anna)
    reasons = dict(
        MatchingRun.objects.get(pk=run.pk).unmatched.values_list("enrolment_id", "reason")
    )
    assert reasons[pool["fatima"].pk] == "cooling_off"


def test_weights_preview_and_save(anna_client, run_now, programme, pool):
    url = f"/coordinator/programmes/{programme.public_id}/weights/"
    data = {
        "similarity": 300,
        "complementarity": 0,
        "mutual_help": 0,
        "equality": 0,
        "feasibility": 0,
        "fairness": 0,
    }
    preview = anna_client.post(url, {**data, "preview": "1"}, HTTP_HX_REQUEST="true")
    assert preview.status_code == 200
    assert "Voorbeeld" in preview.content.decode()
    programme.refresh_from_db()
    assert programme.weights()["similarity"] == 1.0
    anna_client.post(url, {**data, "save": "1"})
    programme.refresh_from_db()
    assert programme.weights()["similarity"] == 3.0


def test_bad_weights_show_errors_not_a_500(anna_client, programme, pool):
    url = f"/coordinator/programmes/{programme.public_id}/weights/"
    response = anna_client.post(url, {"similarity": "veel", "save": "1"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_outsider_sees_nothing(client, olga, programme, pool, anna, run_now):
    run = run_now(services.run_start, programme=programme, by=anna)
    pair = ProposedPair.objects.filter(run=run).first()
    client.login(email=olga.email, password=PASSWORD)
    assert (
        client.get(f"/coordinator/programmes/{programme.public_id}/proposals/").status_code == 404
    )
    assert client.get(f"/coordinator/runs/{run.public_id}/").status_code == 404
    assert (
        client.post(f"/coordinator/programmes/{programme.public_id}/proposals/run/").status_code
        == 404
    )
    if pair:
        assert client.post(f"/coordinator/proposals/{pair.public_id}/approve/").status_code == 404
    assert not Match.objects.exists()


def test_review_page_query_count_does_not_grow_with_pairs(
    anna_client, run_now, programme, pool, org
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_review():
        run_now(anna_client.post, f"/coordinator/programmes/{programme.public_id}/proposals/run/")
        run = MatchingRun.objects.first()
        with CaptureQueriesContext(connection) as ctx:
            assert anna_client.get(f"/coordinator/runs/{run.public_id}/").status_code == 200
        return run.pairs.count(), len(ctx)

    small_pairs, small = queries_for_review()
    for i in range(6):
        _waiting(programme, make_person(org, f"Nieuw{i}", languages={"nl": 4}), "a")
        _waiting(programme, make_person(org, f"Buur{i}", languages={"nl": 5}), "b")
    large_pairs, large = queries_for_review()
    assert large_pairs > small_pairs
    assert large == small


def test_the_match_keeps_no_reason_built_on_sensitive_data(programme, pool, anna):
    from metelkaar.proposals.services import match_explanation

    pair = ProposedPair(
        contributions={"similarity": 0.5},
        reasons=[["same_gender", {}], ["shared_language", {"language": "ar"}]],
    )
    assert match_explanation(pair)["reasons"] == [["shared_language", {"language": "ar"}]]
