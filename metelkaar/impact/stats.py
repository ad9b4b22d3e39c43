"""Small statistics for the impact reports, with no Django import.

* :func:`kaplan_meier` — the product-limit estimator of survival with
  right-censored observations (Kaplan & Meier 1958), with Greenwood's variance.
* :func:`survival_at` and :func:`median_survival` read a curve.
* :func:`welch_difference` — difference of two means with a Welch
  confidence interval (unequal variances, Welch–Satterthwaite degrees of
  freedom).
* :func:`quantile` — a linear-interpolation quantile of plain numbers.

These are kept apart so they can be checked against hand-computed examples
without a database (see ``tests/impact/test_stats.py``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from scipy import stats as _scipy_stats


@dataclass(frozen=True)
class KMStep:
    """The curve just after ``time``: ``survival`` and how it was reached.

    ``at_risk`` counts the observations still under follow-up just before
    ``time``; ``events`` those that ended at ``time``; ``censored`` those whose
    follow-up stopped at ``time`` without an event. ``variance`` is
    Greenwood's estimate of Var(S(t)).
    """

    time: float
    at_risk: int
    events: int
    censored: int
    survival: float
    variance: float


def kaplan_meier(durations: Sequence[float], observed: Sequence[bool]) -> list[KMStep]:
    """The Kaplan–Meier survival curve of right-censored durations.

    Parameters
    ----------
    durations
        Follow-up time of each observation (e.g. days a match lasted so far).
    observed
        ``True`` when the observation ended with the event (the match closed),
        ``False`` when it is censored (still running at the end of follow-up).

    Returns
    -------
    list of KMStep
        One step per distinct time with an event or a censoring, in time
        order. ``S(t) = prod over event times t_i <= t of (1 - d_i / n_i)``.
        At a time with both, events count before censorings (the usual
        convention: a censored observation was at risk at that time).

    Examples
    --------
    >>> [round(s.survival, 4) for s in kaplan_meier([1, 2, 2, 3], [True, True, False, True])]
    [0.75, 0.5, 0.0]
    """
    if len(durations) != len(observed):
        raise ValueError("durations and observed must have the same length")
    rows = sorted(zip(durations, observed, strict=True), key=lambda r: r[0])
    steps: list[KMStep] = []
    at_risk = len(rows)
    survival = 1.0
    greenwood = 0.0
    i = 0
    while i < len(rows):
        time = rows[i][0]
        events = censored = 0
        while i < len(rows) and rows[i][0] == time:
            if rows[i][1]:
                events += 1
            else:
                censored += 1
            i += 1
        if events:
            survival *= 1.0 - events / at_risk
            if at_risk > events:
                greenwood += events / (at_risk * (at_risk - events))
        steps.append(KMStep(time=float(time), at_risk=at_risk, events=events, censored=censored,
                            survival=survival, variance=survival**2 * greenwood))
        at_risk -= events + censored
    return steps


def survival_at(curve: Sequence[KMStep], time: float) -> float:
    """S(time): the curve's value at ``time`` (1.0 before the first step).

    Beyond the last observation the last value is returned; callers that care
    should check :func:`followed_up_to`.
    """
    value = 1.0
    for step in curve:
        if step.time > time:
            break
        value = step.survival
    return value


def followed_up_to(curve: Sequence[KMStep]) -> float:
    """The longest follow-up time in the curve (0 for an empty curve)."""
    return curve[-1].time if curve else 0.0


def median_survival(curve: Sequence[KMStep]) -> float | None:
    """The first time at which S(t) <= 0.5, or ``None`` if it never gets there."""
    for step in curve:
        if step.survival <= 0.5:
            return step.time
    return None


def quantile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-quantile (0..1) with linear interpolation; ``None`` when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class Difference:
    """``after - before`` with a confidence interval."""

    difference: float
    low: float
    high: float
    df: float
    n_before: int
    n_after: int


def welch_difference(
    before: Sequence[float], after: Sequence[float], confidence: float = 0.95
) -> Difference | None:
    """Difference of means ``mean(after) - mean(before)`` with a Welch interval.

    Uses the Welch–Satterthwaite degrees of freedom
    ``(v1 + v2)**2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))`` with
    ``vi = si**2 / ni``. Returns ``None`` when either group has fewer than
    two values (no variance can be estimated).

    >>> d = welch_difference([1, 2, 3, 4], [3, 4, 5, 6])
    >>> round(d.difference, 2), round(d.low, 2), round(d.high, 2)
    (2.0, -0.23, 4.23)
    """
    n1, n2 = len(before), len(after)
    if n1 < 2 or n2 < 2:
        return None
    m1, m2 = sum(before) / n1, sum(after) / n2
    s1 = sum((x - m1) ** 2 for x in before) / (n1 - 1)
    s2 = sum((x - m2) ** 2 for x in after) / (n2 - 1)
    v1, v2 = s1 / n1, s2 / n2
    se = math.sqrt(v1 + v2)
    diff = m2 - m1
    if se == 0:
        return Difference(diff, diff, diff, float(n1 + n2 - 2), n1, n2)
    df = (v1 + v2) ** 2 / (v1**2 / (n1 - 1) + v2**2 / (n2 - 1))
    t = float(_scipy_stats.t.ppf(0.5 + confidence / 2, df))
    return Difference(diff, diff - t * se, diff + t * se, df, n1, n2)
