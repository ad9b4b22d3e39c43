"""Bad input is refused at the boundary with a clear error; odd but valid input works."""

from __future__ import annotations

import importlib
import math

import pytest

from metelkaar.matching import Candidate, Rules, describe, propose, propose_pool, suggest

from .people import crowd

NL = {"nl": 4}
# The module, not the function the package re-exports under the same name.
propose_module = importlib.import_module("metelkaar.matching.propose")


def person(ident: object, **fields: object) -> Candidate:
    return Candidate(id=ident, languages=NL, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("run", "side"),
    [
        (lambda: propose([person("a")], []), "a"),
        (lambda: propose([], [person("b")]), "b"),
        (lambda: propose_pool([person("p")]), "p"),
    ],
)
def test_an_empty_other_side_says_so(run, side) -> None:
    result = run()
    assert result.pairs == ()
    assert [(u.id, u.reason) for u in result.unmatched] == [(side, ("nobody_to_pair", {}))]
    assert describe(result.unmatched[0].reason) == "There is nobody to pair with yet."


def test_nothing_in_nothing_out() -> None:
    assert propose([], []).unmatched == () and propose_pool([]).pairs == ()


@pytest.mark.parametrize(
    "run",
    [
        lambda: propose_pool([person(1), person(1)]),
        lambda: propose([person(1), person(1)], [person(2)]),
        lambda: propose([person(1)], [person(1)]),  # one person on both sides
        lambda: suggest(person(0), [person(1), person(1)]),
    ],
)
def test_repeated_ids_are_refused(run) -> None:
    with pytest.raises(ValueError, match="ids must be unique; repeated: 1"):
        run()


def test_a_repeated_id_could_have_undone_an_excluded_pair() -> None:
    """Before: the second "1" was paired with 2 although (1, 2) was excluded."""
    rules = Rules(excluded_pairs=frozenset({frozenset({1, 2})}))
    with pytest.raises(ValueError):
        propose([person(1), person(1)], [person(2)], rules)


def test_only_candidates_are_accepted() -> None:
    with pytest.raises(TypeError, match="expected Candidate"):
        propose([{"id": 1}], [person(2)])  # type: ignore[list-item]


def test_suggest_never_offers_the_person_themself() -> None:
    me = person("me", birth_year=1990)
    options = suggest(me, [me, person("you", birth_year=1991)], Rules(reference_year=2026))
    assert [p.b for p in options] == ["you"]


@pytest.mark.parametrize("k", [-1, 1.5, True])
def test_suggest_wants_a_whole_k(k) -> None:
    with pytest.raises(ValueError, match="k must be a whole number"):
        suggest(person("me"), [person("you")], k=k)


def test_suggest_with_k_zero_gives_nothing() -> None:
    assert suggest(person("me"), [person("you")], k=0) == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"weights": {"similarity": math.nan}}, r"weights\['similarity'\] must be finite"),
        ({"weights": {"similarity": math.inf}}, r"weights\['similarity'\] must be finite"),
        ({"weights": {"fairness": -0.5}}, r"weights\['fairness'\] must be at least 0"),
        ({"weights": {"similarity": "1"}}, r"weights\['similarity'\] must be a number"),
        ({"min_score": math.nan}, "min_score must be finite"),
        ({"max_km": -1.0}, "max_km must be at least 0"),
        ({"max_km": math.nan}, "max_km must be finite"),
        ({"min_language_level": 7}, "min_language_level must be 1-5"),
        ({"distance_scale_km": 0.0}, "distance_scale_km must be > 0"),
        ({"candidates": 0}, "candidates must be a whole number"),
        ({"prefilter": 0.5}, "prefilter must be at least 1"),
        ({"excluded_pairs": frozenset({frozenset({1})})}, "pairs of two ids"),
    ],
)
def test_bad_rules_are_refused(fields, message) -> None:
    with pytest.raises(ValueError, match=message):
        Rules(**fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"age_range": (60, 20)}, r"age_range \(60, 20\) is reversed"),
        ({"age_range": (20, math.nan)}, "age_range must be finite"),
        ({"max_km": -3.0}, "max_km must be at least 0"),
        ({"max_km": math.inf}, "max_km must be finite"),
        ({"status_level": math.nan}, "status_level must be finite"),
        ({"waiting_days": -1}, "waiting_days must be a whole number"),
        ({"location": (152.0, 4.9)}, "is not \\(lat, lon\\) in degrees"),
        ({"location": (math.nan, 4.9)}, "location must be finite"),
        ({"languages": {"nl": 2.5}}, "language level nl=2.5 is not 1-5"),
    ],
)
def test_bad_candidates_are_refused_with_their_id(fields, message) -> None:
    with pytest.raises(ValueError, match=message) as error:
        Candidate(id="olga", **fields)
    assert "olga" in str(error.value) or "language level" in str(error.value)


def test_an_open_age_range_and_zero_km_are_fine() -> None:
    Candidate(id=1, age_range=(30, 30), max_km=0.0)


def test_taken_by_better_fit_always_names_who(monkeypatch: pytest.MonkeyPatch) -> None:
    """A solver answer that leaves two singles with a usable pair is completed.

    Before, such singles read "The best option (x) fits None even better."
    """
    monkeypatch.setattr(propose_module, "assign", lambda *args, **kwargs: [])
    side_a, side_b = crowd(30, 1, "a"), crowd(25, 2, "b")
    result = propose(side_a, side_b, Rules(reference_year=2026))
    assert result.pairs
    for u in result.unmatched:
        if u.reason[0] == "taken_by_better_fit":
            assert u.reason[1]["taken_by"] is not None
            assert "None" not in describe(u.reason)
