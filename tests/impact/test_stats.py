"""The pure statistics of the impact reports, against hand-computed examples."""

import pytest

from metelkaar.impact import stats


def test_kaplan_meier_matches_a_hand_computed_example_with_censoring():
    """Six matches: lengths 2, 3, 3+, 5, 6+, 8 months (+ = still running, censored).

    By hand: S(2) = 5/6; at 3 one of 5 ends (the censored one was still at risk)
    so S(3) = 5/6 * 4/5 = 2/3; at 5 one of 3 ends: S(5) = 2/3 * 2/3 = 4/9; the
    censored match at 6 leaves one at risk, which ends at 8: S(8) = 0.
    """
    curve = stats.kaplan_meier([2, 3, 3, 5, 6, 8], [True, True, False, True, False, True])
    assert [s.time for s in curve] == [2, 3, 5, 6, 8]
    assert [s.at_risk for s in curve] == [6, 5, 3, 2, 1]
    assert [round(s.survival, 4) for s in curve] == [0.8333, 0.6667, 0.4444, 0.4444, 0.0]
    # Greenwood at t=3: S^2 * (1/(6*5) + 1/(5*4)) = 4/9 * 1/12
    assert curve[1].variance == pytest.approx(4 / 9 / 12)
    assert stats.median_survival(curve) == 5
    assert stats.survival_at(curve, 4.9) == pytest.approx(2 / 3)
    assert stats.survival_at(curve, 1) == 1.0


def test_censored_matches_are_not_counted_as_endings():
    """Ignoring censoring would say 3 of 5 ended before 4 months; Kaplan–Meier says fewer."""
    curve = stats.kaplan_meier([1, 1, 2, 3, 4], [True, False, False, False, True])
    assert stats.survival_at(curve, 3) == pytest.approx(0.8)
    assert stats.median_survival(curve) == 4


def test_everyone_still_running_gives_no_median():
    curve = stats.kaplan_meier([3, 4], [False, False])
    assert stats.median_survival(curve) is None
    assert stats.survival_at(curve, 10) == 1.0


def test_welch_interval_matches_a_hand_computed_example():
    """Means 2.5 and 4.5, variances 5/3 each, n=4: se = sqrt(5/6), df = 6, t = 2.4469."""
    d = stats.welch_difference([1, 2, 3, 4], [3, 4, 5, 6])
    assert d.difference == pytest.approx(2.0)
    assert d.df == pytest.approx(6.0)
    assert d.low == pytest.approx(2.0 - 2.446912 * (5 / 6) ** 0.5, abs=1e-5)
    assert d.high == pytest.approx(2.0 + 2.446912 * (5 / 6) ** 0.5, abs=1e-5)


def test_welch_needs_two_values_per_group():
    assert stats.welch_difference([3], [4, 5]) is None


def test_quantile():
    assert stats.quantile([10, 20, 30, 40], 0.5) == 25
    assert stats.quantile([], 0.5) is None


def test_the_statistics_modules_do_not_import_django():
    import ast
    from pathlib import Path

    import metelkaar.impact as impact

    for name in ("stats.py", "learning.py", "scale.py"):
        tree = ast.parse((Path(impact.__file__).parent / name).read_text())
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(m and m.startswith("django") for m in imported), name
