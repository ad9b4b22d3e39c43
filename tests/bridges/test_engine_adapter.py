"""The adapter to the shared matching engine, tried with a stand-in engine.

A stand-in engine pins what the adapter hands over and how the answer
changes the order; one test runs the real engine when it is installed.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

import metelkaar.matching
from metelkaar.bridges.ranking import rank_bridge_persons
from metelkaar.bridges.selectors import pool_for_ranking

ADAPTER = "metelkaar.bridges.engine_adapter"


class FakeCandidate:
    """Stands in for the engine's Candidate: keeps what the adapter hands over."""

    def __init__(self, id, languages=None, interests=frozenset(), offers=frozenset(),
                 needs=frozenset(), availability=frozenset(), **rest):
        self.id, self.languages = id, dict(languages or {})
        self.interests, self.offers, self.needs = interests, offers, needs
        self.availability = availability


@dataclass(frozen=True)
class FakeProposal:
    a: object
    b: object
    score: float


@pytest.fixture
def engine(monkeypatch):
    """Install a stand-in ``suggest`` that prefers whoever offers the fewest cultures."""
    calls = []

    def suggest(person, others, rules, k=5):
        calls.append((person, others))
        ranked = sorted(others, key=lambda c: len(c.offers))
        return [FakeProposal(person.id, c.id, 3.0 - i) for i, c in enumerate(ranked)][:k]

    monkeypatch.setattr(metelkaar.matching, "suggest", suggest, raising=False)
    monkeypatch.setattr(metelkaar.matching, "Candidate", FakeCandidate, raising=False)
    monkeypatch.setattr(metelkaar.matching, "Rules", lambda **rules: rules, raising=False)
    sys.modules.pop(ADAPTER, None)
    yield calls
    sys.modules.pop(ADAPTER, None)


def test_without_the_engine_the_own_score_is_used(
    monkeypatch, school_request, fatima_bridge, jan_bridge
):
    monkeypatch.setitem(sys.modules, ADAPTER, None)  # importing it now raises ImportError
    ranked = rank_bridge_persons(school_request, pool_for_ranking(bridge_request=school_request))
    assert not any(s.engine for s in ranked)
    assert [s.person.first_name for s in ranked] == ["Fatima", "Jan"]


def test_the_request_is_handed_over_as_a_newcomer(
    engine, school_request, fatima_bridge, jan_bridge
):
    ranked = rank_bridge_persons(school_request, pool_for_ranking(bridge_request=school_request))
    person, others = engine[0]
    assert person.languages == {"ar": 3}
    assert person.interests == person.needs == frozenset({"syria"})
    assert person.availability == frozenset({(0, "evening")})
    fatima = next(c for c in others if c.id == fatima_bridge.pk)
    assert fatima.offers == frozenset({"morocco", "syria"})
    assert (5, "morning") in fatima.availability
    # The stand-in engine prefers Jan (no cultures); its order wins, with reasons kept.
    assert [s.person.first_name for s in ranked] == ["Jan", "Fatima"]
    assert all(s.engine for s in ranked)
    assert ranked[1].sentences


def test_an_engine_that_refuses_the_input_falls_back(
    monkeypatch, engine, school_request, fatima_bridge, jan_bridge
):
    def broken(*args, **kwargs):
        raise TypeError("unexpected keyword")

    monkeypatch.setattr(metelkaar.matching, "suggest", broken)
    ranked = rank_bridge_persons(school_request, pool_for_ranking(bridge_request=school_request))
    assert [s.person.first_name for s in ranked] == ["Fatima", "Jan"]
    assert not any(s.engine for s in ranked)


def test_with_the_real_engine_the_language_still_decides(school_request, fatima_bridge, jan_bridge):
    sys.modules.pop(ADAPTER, None)
    pytest.importorskip("metelkaar.bridges.engine_adapter", reason="engine has no suggest() yet")
    ranked = rank_bridge_persons(school_request, pool_for_ranking(bridge_request=school_request))
    assert [s.person.first_name for s in ranked] == ["Fatima", "Jan"]
    assert all(s.engine for s in ranked)
    assert 0 < ranked[0].score <= 1
    assert ranked[1].score < ranked[0].score
