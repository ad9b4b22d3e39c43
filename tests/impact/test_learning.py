"""The outcome model recovers planted effects and refuses small samples."""

from metelkaar.impact import learning


def test_recovers_a_planted_effect_in_a_seeded_simulation():
    rows, reached = learning.simulate(
        1000, {"complementarity": 0.8, "feasibility": -0.5}, seed=11)
    model = learning.fit_outcome_model(rows, reached)
    effects = {e.criterion: e for e in model.effects}
    assert effects["complementarity"].clear and effects["complementarity"].coefficient > 0
    assert 0.5 < effects["complementarity"].coefficient < 1.1
    assert effects["feasibility"].clear and effects["feasibility"].coefficient < 0
    assert not effects["similarity"].clear


def test_refuses_below_the_minimum_sample():
    rows, reached = learning.simulate(learning.MIN_CLOSED - 1, {"similarity": 2.0}, seed=1)
    assert learning.fit_outcome_model(rows, reached) is None


def test_refuses_when_one_outcome_is_rare():
    rows, _ = learning.simulate(300, {}, seed=2)
    reached = [k < 20 for k in range(300)]
    assert learning.fit_outcome_model(rows, reached) is None


def test_suggestion_moves_only_clear_effects_and_is_capped():
    rows, reached = learning.simulate(2000, {"complementarity": 1.5}, seed=3)
    model = learning.fit_outcome_model(rows, reached)
    current = {c: 1.0 for c in learning.CRITERIA}
    suggestion = learning.suggest_weights(model, current)
    assert 1.5 < suggestion["complementarity"] <= learning.MAX_FACTOR
    assert suggestion["similarity"] == 1.0
