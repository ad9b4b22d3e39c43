"""The adapter to the shared matching engine, tried with a stand-in engine.

The real engine does not offer ``suggest`` yet; these tests pin what the
adapter hands to it and how its answer changes the order.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

import pytest

import metelkaar.matching
from metelkaar.bridges.ranking import rank_bridge_persons
from metelkaar.bridges.selectors import pool_for_ranking

ADAPTER = "metelkaar.bridges.engine_adapter"


@dataclass(frozen=True)
class FakeCandidate:
    id: object
    birth_year: int | None = None
    gender: str = ""
    languages: dict = field(default_factory=dict)
    interests: frozenset = frozenset()
    offers: frozenset = frozenset()
    needs: frozenset = frozenset()
    availability: frozenset = frozenset()
    location: tuple | None = None
    status_level: int | None = None
    waiting_days: int = 0
    gender_pref: frozenset = frozenset()
    age_range: tuple | None = None
    max_km: int | None = None


@dataclass(frozen=True)
class FakeOption:
    id: object
    score: float


@pytest.fixture
def engine(monkeypatch):
    """Install a stand-in ``suggest`` that prefers whoever offers the fewest cultures."""
    calls = []

    def suggest(person, others, rules, k=5):
        calls.append((person, others))
        ranked = sorted(others, key=lambda c: len(c.offers))
        return [FakeOption(c.id, 1.0 - i / 10) for i, c in enumerate(ranked)][:k]

    monkeypatch.setattr(metelkaar.matching, "suggest", suggest, raising=False)
    monkeypatch.setattr(metelkaar.matching, "Candidate", FakeCandidate, raising=False)
    monkeypatch.setattr(metelkaar.matching, "Rules", lambda: None, raising=False)
    sys.modules.pop(ADAPTER, None)
    yield calls
    sys.modules.pop(ADAPTER, None)


def test_without_the_engine_the_own_score_is_used(school_request, fatima_bridge, jan_bridge):
    sys.modules.pop(ADAPTER, None)
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
